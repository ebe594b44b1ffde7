package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SavedStateTest {

    private final Path data = Path.of("target", "saved-state-" + UUID.randomUUID()).toAbsolutePath();

    @Test
    void nothingSavedIsNoState() throws IOException {
        assertThat(SavedState.latest(data)).isEmpty();
        Files.createDirectories(data.resolve("savepoints/savepoint-unfinished"));
        Files.createDirectories(data.resolve("checkpoints/job-a/chk-7"));

        assertThat(SavedState.latest(data)).as("no _metadata: never completed").isEmpty();
    }

    @Test
    void theNewestCompleteSavepointOrCheckpointIsTheState() throws IOException {
        Path savepoint = complete("savepoints/savepoint-1", "2026-11-27T10:00:00Z");
        Path killedRun = complete("checkpoints/job-b/chk-12", "2026-11-27T11:00:00Z");
        complete("checkpoints/job-b/chk-11", "2026-11-27T10:59:00Z");
        Files.createDirectories(data.resolve("checkpoints/job-b/chk-13"));

        assertThat(SavedState.latest(data)).contains(killedRun);

        complete("savepoints/savepoint-2", "2026-11-27T12:00:00Z");
        assertThat(SavedState.latest(data)).contains(data.resolve("savepoints/savepoint-2"));
        assertThat(savepoint).exists();
    }

    @Test
    void keepingOneSavepointRemovesTheOtherSavepointsAndEveryCheckpoint() throws IOException {
        Path old = complete("savepoints/savepoint-1", "2026-11-27T10:00:00Z");
        complete("checkpoints/job-b/chk-12", "2026-11-27T11:00:00Z");
        Path kept = complete("savepoints/savepoint-2", "2026-11-27T12:00:00Z");

        SavedState.keepOnly(data, kept);

        assertThat(kept.resolve("_metadata")).exists();
        assertThat(old).doesNotExist();
        assertThat(data.resolve("checkpoints")).doesNotExist();
        assertThat(SavedState.latest(data)).contains(kept);
    }

    private Path complete(String dir, String written) throws IOException {
        Path folder = Files.createDirectories(data.resolve(dir));
        Path metadata = Files.writeString(folder.resolve("_metadata"), "state");
        Files.setLastModifiedTime(metadata, FileTime.from(Instant.parse(written)));
        return folder;
    }
}
