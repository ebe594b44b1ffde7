package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafkaExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IngestCommandIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Test
    void publishesFilesAndFolders() {
        String topic = "articles-" + UUID.randomUUID();
        KAFKA.broker().createTopics(1, topic);

        CommandRunner result = CommandRunner.run("ingest", "-b", KAFKA.broker().bootstrapServers(), "-t", topic, "../samples/articles");

        assertThat(result.out()).contains("published 7 article(s) to " + topic + " on " + KAFKA.broker().bootstrapServers() + "; rejected 1");
        assertThat(result.err()).contains("broken-future-date.txt: published_at 2099-01-01T00:00:00Z is in the future");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void namesEachRejectedInputAndExitsOne() throws Exception {
        String topic = "articles-" + UUID.randomUUID();
        KAFKA.broker().createTopics(1, topic);
        Path dir = Files.createDirectories(Path.of("target", "ingest-" + UUID.randomUUID()));
        Files.writeString(dir.resolve("good.txt"), "Title\nA body long enough to be an article.");
        Files.writeString(dir.resolve("empty-body.txt"), "Title: Nothing here\n\n");
        Files.writeString(dir.resolve("lines.jsonl"), "{\"body\": \"Another article, in JSON.\"}\nnot json\n"
                + "{\"body\": \"ok\"}\n{\"body\": \"A fine body\", \"url\": \"ftp://example.com/a\"}\n");
        Files.writeString(dir.resolve("page.txt"), "Title: A page\n\n<html><body><p>Breaking news</p></body></html>");
        Files.writeString(dir.resolve("long.txt"), "Title: Long\n\n" + "word ".repeat(100));

        CommandRunner result = CommandRunner.run("ingest", "-b", KAFKA.broker().bootstrapServers(), "-t", topic,
                "--max-body-bytes", "400", dir.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).as("page.txt's HTML body is converted to text, not rejected")
                .contains("published 3 article(s)", "rejected 5");
        assertThat(result.err())
                .contains("rejected " + dir.resolve("empty-body.txt") + ": body is empty")
                .contains("rejected " + dir.resolve("lines.jsonl") + ":2: not valid JSON")
                .as("the job's rules, applied at the edge")
                .contains("rejected " + dir.resolve("lines.jsonl") + ":3: body is 2 characters, shorter than the minimum of 10")
                .contains("rejected " + dir.resolve("lines.jsonl") + ":4: url 'ftp://example.com/a' is not an http(s) URL")
                .doesNotContain("page.txt")
                .contains("rejected " + dir.resolve("long.txt") + ": body is 499 bytes, over the limit of 400 bytes");
    }
}
