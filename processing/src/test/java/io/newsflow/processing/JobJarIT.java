package io.newsflow.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job jar that {@code ./mvnw package} builds for a Flink cluster: it runs {@link EnrichmentJob}, carries
 * what the cluster lacks (the Kafka connector, kafka-clients, Avro, the schemas, the engine's resources) and
 * nothing the cluster provides (Flink, logging), which would clash with the cluster's own copies.
 */
class JobJarIT {

    private static List<String> entries;
    private static Manifest manifest;

    /** The jar failsafe was told about: {@code target/newsflow-processing-<version>-job.jar}. */
    static Path jobJar() {
        String path = System.getProperty("newsflow.job-jar");
        assertThat(path).as("system property newsflow.job-jar (set by the processing pom)").isNotNull();
        Path jar = Path.of(path);
        assertThat(jar).as("the job jar; ./mvnw package builds it").exists();
        return jar;
    }

    @BeforeAll
    static void readJar() throws IOException {
        try (JarFile jar = new JarFile(jobJar().toFile())) {
            entries = jar.stream().map(ZipEntry::getName).toList();
            manifest = jar.getManifest();
        }
    }

    @Test
    void startsTheEnrichmentJob() {
        assertThat(manifest.getMainAttributes().getValue("Main-Class")).isEqualTo(EnrichmentJob.class.getName());
        assertThat(entries).contains("io/newsflow/processing/EnrichmentJob.class");
    }

    @Test
    void carriesWhatTheClusterLacks() {
        assertThat(entries).contains(
                "org/apache/flink/connector/kafka/source/KafkaSource.class",
                "org/apache/flink/connector/kafka/sink/KafkaSink.class",
                "org/apache/kafka/clients/producer/KafkaProducer.class",
                "org/apache/avro/Schema.class",
                "io/newsflow/schemas/Article.class",
                "io/newsflow/kb/entities.tsv",
                "io/newsflow/model/ner.bin.gz");
    }

    @Test
    void bundlesNoFlinkAndNoLogging() {
        assertThat(entries).noneMatch(e -> e.startsWith("org/apache/flink/streaming/api/")
                || e.startsWith("org/apache/flink/api/")
                || e.startsWith("org/apache/flink/runtime/")
                || e.startsWith("org/apache/flink/configuration/")
                || e.startsWith("org/apache/flink/connector/base/")
                || e.startsWith("org/apache/flink/shaded/")
                || e.startsWith("org/slf4j/")
                || e.startsWith("org/apache/logging/log4j/")
                || e.equals("log4j2.properties") || e.equals("log4j2.xml"));
    }

    @Test
    void mergesServiceFiles() throws IOException {
        try (JarFile jar = new JarFile(jobJar().toFile())) {
            String factories = new String(jar.getInputStream(
                    jar.getEntry("META-INF/services/org.apache.flink.table.factories.Factory")).readAllBytes());
            // one from the Kafka connector, one from flink-avro: a jar that kept only one file would lose the other
            assertThat(factories).contains("KafkaDynamicTableFactory", "AvroFormatFactory");
        }
        assertThat(Files.size(jobJar())).as("size in bytes").isLessThan(64L * 1024 * 1024);
    }
}
