package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FeedStateStoreTest {

    private final Path dir = Path.of("target", "feed-state-" + UUID.randomUUID());
    private final FeedStateStore store = new FeedStateStore(dir);

    @Test
    void savesAndLoadsValidatorsAndSeenGuidsAndLeavesNoTemporaryFiles() throws Exception {
        FeedState state = store.load("https://news.example/feed.xml");
        assertThat(state.etag()).isNull();
        state.validators("\"v1\"", "Wed, 01 May 2024 06:00:00 GMT");
        state.markSeen("a");
        state.markSeen("b");
        store.save(state);
        store.save(state);

        FeedState loaded = store.load("https://news.example/feed.xml");

        assertThat(loaded.etag()).isEqualTo("\"v1\"");
        assertThat(loaded.lastModified()).isEqualTo("Wed, 01 May 2024 06:00:00 GMT");
        assertThat(loaded.seen("a")).isTrue();
        assertThat(loaded.seen("c")).isFalse();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).singleElement().satisfies(f ->
                    assertThat(f.getFileName().toString()).startsWith("news.example-").endsWith(".json"));
        }
        assertThat(store.load("https://news.example/other.xml").seenGuids()).as("one file per feed").isEmpty();
    }

    @Test
    void remembersOnlyTheNewestGuids() {
        FeedState state = FeedState.empty("https://news.example/feed.xml");
        for (int i = 0; i < FeedState.MAX_SEEN + 5; i++) {
            state.markSeen("guid-" + i);
        }
        state.markSeen("guid-5"); // seen again: now the newest

        assertThat(state.seenGuids()).hasSize(FeedState.MAX_SEEN).startsWith("guid-6")
                .endsWith("guid-" + (FeedState.MAX_SEEN + 4), "guid-5");
        assertThat(state.seen("guid-4")).isFalse();
        assertThat(new FeedState("u", null, null, List.of("x")).seen("x")).isTrue();
    }

    @Test
    void aCorruptStateFileIsNamedWithTheWayOut() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(store.fileFor("https://news.example/feed.xml"), "{not json");

        assertThatThrownBy(() -> store.load("https://news.example/feed.xml"))
                .hasMessageContaining("state file " + store.fileFor("https://news.example/feed.xml"))
                .hasMessageEndingWith("delete it to poll the feed afresh");
    }
}
