package io.newsflow.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Folders of the local runtime: the scratch folders of the commands that run a throw-away one ({@code demo},
 * {@code bench}), and the removal of what a run leaves that the next does not need.
 */
public final class WorkDirs {

    private WorkDirs() {}

    /** A new, empty folder under {@code parent} (created if missing), named {@code prefix} + something unique. */
    public static Path create(Path parent, String prefix) {
        try {
            return Files.createTempDirectory(Files.createDirectories(parent), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder under " + parent, e);
        }
    }

    /** Deletes the folder and everything in it; a folder that does not exist is nothing to delete. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
