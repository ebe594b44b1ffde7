package io.newsflow.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The job state a long-lived local runtime ({@code up}) keeps in its data directory from one run to the next:
 * the savepoint it writes when it stops ({@code savepoints/savepoint-…}), and the checkpoints a run that was
 * killed before it could write one left behind ({@code checkpoints/<job id>/chk-N}). A savepoint or
 * checkpoint is complete once its {@code _metadata} file exists; the newest complete one is the job's state.
 */
final class SavedState {

    static final String SAVEPOINTS = "savepoints";
    static final String CHECKPOINTS = "checkpoints";
    private static final String METADATA = "_metadata";

    private SavedState() {}

    /** The newest complete savepoint or checkpoint under {@code dataDir} (its folder, absolute), if there is one. */
    static Optional<Path> latest(Path dataDir) {
        return Stream.concat(complete(dataDir.resolve(SAVEPOINTS), 2), complete(dataDir.resolve(CHECKPOINTS), 3))
                .max(Comparator.comparing(SavedState::written))
                .map(metadata -> metadata.toAbsolutePath().normalize().getParent());
    }

    /**
     * After a savepoint was written: the other savepoints and every checkpoint are older than it, and go. Runs
     * only while no job uses them.
     */
    static void keepOnly(Path dataDir, Path savepoint) {
        Path keep = savepoint.toAbsolutePath().normalize();
        Path savepoints = dataDir.resolve(SAVEPOINTS);
        if (Files.isDirectory(savepoints)) {
            try (Stream<Path> all = Files.list(savepoints)) {
                List<Path> older = all.filter(p -> !p.toAbsolutePath().normalize().equals(keep)).toList();
                older.forEach(WorkDirs::deleteRecursively);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + savepoints, e);
            }
        }
        WorkDirs.deleteRecursively(dataDir.resolve(CHECKPOINTS));
    }

    /** The {@code _metadata} files {@code depth} levels under {@code dir}. */
    private static Stream<Path> complete(Path dir, int depth) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> walk = Files.walk(dir, depth)) {
            return walk.filter(p -> p.getFileName().toString().equals(METADATA) && Files.isRegularFile(p))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    private static FileTime written(Path metadata) {
        try {
            return Files.getLastModifiedTime(metadata);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + metadata, e);
        }
    }
}
