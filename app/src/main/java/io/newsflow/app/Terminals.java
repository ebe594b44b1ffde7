package io.newsflow.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the process's standard output or error is a terminal, where progress bars and live status lines
 * belong. Java 17's {@code System.console()} answers for standard input and output together, so it showed the
 * bar in the file of {@code tag ... 2>log} (stdout at a terminal) and hid it from {@code tag -o - > tags.jsonl}
 * (stderr at a terminal); on Linux the descriptor's link in {@code /proc/self/fd} says where each one goes.
 */
final class Terminals {

    private Terminals() {
    }

    /** Whether standard output is a terminal. */
    static boolean stdout() {
        return isTerminal(Path.of("/proc/self/fd/1"));
    }

    /** Whether standard error is a terminal. */
    static boolean stderr() {
        return isTerminal(Path.of("/proc/self/fd/2"));
    }

    /** Whether the descriptor link points to a terminal device; without {@code /proc}, what the console says. */
    static boolean isTerminal(Path descriptor) {
        String target;
        try {
            target = Files.readSymbolicLink(descriptor).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }
}
