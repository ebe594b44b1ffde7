package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IngestCommandIT {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(Path.of("target", "kafka-" + UUID.randomUUID()));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void publishesFilesAndFolders() {
        String topic = "articles-" + UUID.randomUUID();
        broker.createTopics(1, topic);

        CommandRunner result = CommandRunner.run("ingest", "-b", broker.bootstrapServers(), "-t", topic, "../samples/articles");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("published 8 article(s) to " + topic + " on " + broker.bootstrapServers() + "; rejected 0");
    }

    @Test
    void namesEachRejectedInputAndExitsOne() throws Exception {
        String topic = "articles-" + UUID.randomUUID();
        broker.createTopics(1, topic);
        Path dir = Files.createDirectories(Path.of("target", "ingest-" + UUID.randomUUID()));
        Files.writeString(dir.resolve("good.txt"), "Title\nBody");
        Files.writeString(dir.resolve("empty-body.txt"), "Title: Nothing here\n\n");
        Files.writeString(dir.resolve("lines.jsonl"), "{\"body\": \"ok\"}\nnot json\n");

        CommandRunner result = CommandRunner.run("ingest", "-b", broker.bootstrapServers(), "-t", topic, dir.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("published 2 article(s)", "rejected 2");
        assertThat(result.err())
                .contains("rejected " + dir.resolve("empty-body.txt") + ": body is empty")
                .contains("rejected " + dir.resolve("lines.jsonl") + ":2: not valid JSON");
    }
}
