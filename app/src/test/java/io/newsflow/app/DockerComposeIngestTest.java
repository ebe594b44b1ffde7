package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.processing.EnrichmentJobConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine.ParseResult;

/**
 * The ingest service of docker-compose.yml, checked statically (the rest of the file is checked by the
 * processing module's DockerComposeTest): it runs this module's command from the directories {@code ./mvnw
 * package} fills: {@code newsflow ingest http}, with options it accepts, publishing to the job's input topic over
 * the containers' Kafka listener, on the port it publishes and checks for health.
 */
class DockerComposeIngestTest {

    private static Path composeDir;
    private static Map<String, Object> ingest;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        Path file = Path.of(property("newsflow.compose-file")).toAbsolutePath().normalize();
        composeDir = file.getParent();
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> compose = new Yaml().load(reader);
            ingest = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("ingest");
        }
        assertThat(ingest).as("the ingest service").isNotNull();
    }

    @Test
    void runsTheCommandFromTheAppsBuildOutput() {
        List<String> entrypoint = strings(ingest.get("entrypoint"));
        Map<String, Path> mounts = mounts();

        assertThat(entrypoint).containsExactly("java", "-cp", "/opt/newsflow/classes:/opt/newsflow/lib/*",
                Newsflow.class.getName());
        assertThat(mounts.get("/opt/newsflow/classes")).isEqualTo(built("newsflow.app-classes"));
        assertThat(mounts.get("/opt/newsflow/lib")).isEqualTo(built("newsflow.app-lib"));
    }

    @Test
    void servesHttpIngestToTheJobsInputTopicWithOptionsTheCommandAccepts() {
        List<String> command = strings(ingest.get("command"));
        ParseResult parsed = Newsflow.commandLine().parseArgs(command.toArray(String[]::new));
        ParseResult options = parsed.subcommand().subcommand();

        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("ingest");
        assertThat(options.commandSpec().name()).isEqualTo("http");
        assertThat((String) options.matchedOptionValue("--bootstrap-servers", null)).isEqualTo("kafka:19092");
        assertThat((String) options.matchedOptionValue("--topic", null)).isEqualTo(EnrichmentJobConfig.DEFAULT_INPUT_TOPIC);
        int port = options.matchedOptionValue("--port", -1);
        assertThat(strings(ingest.get("ports"))).containsExactly(port + ":" + port);
        assertThat(String.valueOf(((Map<?, ?>) ingest.get("healthcheck")).get("test")))
                .contains("http://localhost:" + port + "/health");
    }

    @Test
    void startsWhenTheTopicsExistAndKeepsRunning() {
        assertThat(String.valueOf(ingest.get("depends_on"))).isEqualTo("{topics={condition=service_completed_successfully}}");
        assertThat(ingest.get("restart")).isEqualTo("unless-stopped");
    }

    /** Container path -> host path, for the short-syntax volumes {@code ./host:/container[:ro]}. */
    private static Map<String, Path> mounts() {
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (String volume : strings(ingest.get("volumes"))) {
            String[] parts = volume.split(":");
            assertThat(parts[0]).as("a folder of the project: %s", volume).startsWith("./");
            mounts.put(parts[1], composeDir.resolve(parts[0]).normalize());
        }
        return mounts;
    }

    private static Path built(String property) {
        return Path.of(property(property)).toAbsolutePath().normalize();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<String>) value;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s (set by the app pom)", name).isNotNull();
        return value;
    }
}
