package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafkaExtension;
import io.newsflow.schemas.Article;
import io.newsflow.schemas.validate.ArticleValidator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A watched folder against a real broker, scanned by hand on a clock the test moves. */
class FolderWatcherIT {

    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final String STORY = "Title: Grok\n\nElon Musk said xAI will train Grok in Memphis.";

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();
    private Path folder;
    private String topic;
    private ArticlePublisher publisher;
    private MovableClock clock;
    private FolderWatcher watcher;

    @BeforeEach
    void watch() throws Exception {
        folder = Files.createDirectories(Path.of("target", "watched-" + UUID.randomUUID()));
        topic = "watched-" + UUID.randomUUID();
        KAFKA.broker().createTopics(1, topic);
        publisher = new ArticlePublisher(KAFKA.broker().bootstrapServers(), topic, Map.of());
        clock = new MovableClock();
        Ingestor ingestor = new Ingestor(new ArticleValidator(ArticleValidator.DEFAULT_MAX_BODY_BYTES), Clock.systemUTC(), publisher);
        watcher = new FolderWatcher(folder, new ArticleReader(clock, InputStream.nullInputStream()), ingestor, clock, SETTLE);
    }

    @AfterEach
    void close() {
        publisher.close();
    }

    @Test
    void filesPresentAtStartAndFilesThatArriveArePublishedOnceAndMovedAway() throws Exception {
        Files.writeString(folder.resolve("first.txt"), STORY);

        assertThat(watcher.scan().published()).as("not settled yet").isEmpty();
        clock.advance(SETTLE);
        assertThat(watcher.scan().published()).extracting(p -> p.getFileName().toString()).containsExactly("first.txt");
        Files.writeString(folder.resolve("second.json"), "{\"id\": \"second\", \"body\": \"Nvidia sold H100s to xAI.\"}");
        watcher.scan();
        clock.advance(SETTLE);
        FolderWatcher.Scan later = watcher.scan();
        clock.advance(SETTLE);
        FolderWatcher.Scan idle = watcher.scan();

        assertThat(later.published()).extracting(p -> p.getFileName().toString()).containsExactly("second.json");
        assertThat(idle.total().files()).isZero();
        assertThat(read()).extracting(Article::getTitle).containsExactly("Grok", null);
        assertThat(folder.resolve(".processed/first.txt")).exists();
        assertThat(folder.resolve(".processed/second.json")).exists();
        assertThat(folder.resolve("first.txt")).doesNotExist();
    }

    @Test
    void aFileStillBeingWrittenIsNotTakenUntilItHasSettled() throws Exception {
        Path growing = folder.resolve("growing.txt");
        Files.writeString(growing, "Title: Half\n\nThe first half of a story about");
        watcher.scan();
        clock.advance(SETTLE.minusMillis(1));
        assertThat(watcher.scan().published()).isEmpty();
        Files.writeString(growing, " Nvidia and its H100 chips in Memphis.", StandardOpenOption.APPEND);
        clock.advance(SETTLE.minusMillis(1));
        assertThat(watcher.scan().published()).as("it changed: the settle time starts again").isEmpty();
        Files.writeString(folder.resolve("hidden.part"), STORY);
        Files.writeString(folder.resolve(".in-progress"), STORY);
        clock.advance(SETTLE);
        FolderWatcher.Scan scan = watcher.scan();

        assertThat(scan.published()).extracting(p -> p.getFileName().toString()).containsExactly("growing.txt");
        assertThat(read()).singleElement().satisfies(a ->
                assertThat(a.getBody()).endsWith("Nvidia and its H100 chips in Memphis."));
        assertThat(folder.resolve("hidden.part")).exists();
    }

    @Test
    void aRejectedFileMovesToRejectedWithItsReasons() throws Exception {
        Files.writeString(folder.resolve("future.txt"), "Title: Later\nDate: 2099-01-01\n\nA story from the future of news.");
        Files.writeString(folder.resolve("lines.jsonl"), "{\"id\": \"ok\", \"body\": \"A body long enough.\"}\nnot json\n");
        watcher.scan();
        clock.advance(SETTLE);
        FolderWatcher.Scan scan = watcher.scan();

        assertThat(scan.rejected()).hasSize(2);
        assertThat(Files.readString(folder.resolve(".rejected/future.txt.reasons.txt")))
                .contains("published_at 2099-01-01T00:00:00Z is in the future")
                .contains("(published 0 article(s) of this file)");
        assertThat(Files.readString(folder.resolve(".rejected/lines.jsonl.reasons.txt")))
                .contains("lines.jsonl:2: not valid JSON")
                .contains("(published 1 article(s) of this file)");
        assertThat(read()).extracting(Article::getId).containsExactly("ok");
    }

    @Test
    void aFileWhoseArticlesKafkaDidNotTakeStaysForTheNextScan() throws Exception {
        Files.writeString(folder.resolve("story.txt"), STORY);
        publisher.close();
        ArticlePublisher missingTopic = new ArticlePublisher(KAFKA.broker().bootstrapServers(), "missing-" + UUID.randomUUID(),
                Map.of("max.block.ms", "1000"));
        publisher = missingTopic;
        FolderWatcher failing = new FolderWatcher(folder, new ArticleReader(clock, InputStream.nullInputStream()),
                new Ingestor(new ArticleValidator(ArticleValidator.DEFAULT_MAX_BODY_BYTES), Clock.systemUTC(), missingTopic),
                clock, SETTLE);
        failing.scan();
        clock.advance(SETTLE);

        FolderWatcher.Scan scan = failing.scan();

        assertThat(scan.retried()).extracting(p -> p.getFileName().toString()).containsExactly("story.txt");
        assertThat(folder.resolve("story.txt")).exists();
        assertThat(folder.resolve(".rejected")).doesNotExist();
    }

    private List<Article> read() {
        return TopicContents.articles(KAFKA.broker().bootstrapServers(), topic);
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
