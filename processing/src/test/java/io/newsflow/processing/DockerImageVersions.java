package io.newsflow.processing;

/** Container images of the Testcontainers tests, in one place; the tag matches the pom's kafka.version. */
final class DockerImageVersions {

    static final String KAFKA = "apache/kafka:4.2.2";

    private DockerImageVersions() {}
}
