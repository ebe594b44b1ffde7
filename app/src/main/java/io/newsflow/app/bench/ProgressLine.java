package io.newsflow.app.bench;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The benchmark's progress while it runs: every second it samples memory and shows the current status. On a
 * terminal the status is one line rewritten in place; elsewhere (a pipe, a log, a test) a line is printed
 * every {@link #PLAIN_EVERY_SECONDS} seconds, so logs stay short.
 */
final class ProgressLine implements AutoCloseable {

    private static final int PLAIN_EVERY_SECONDS = 10;

    private final PrintWriter out;
    private final boolean interactive;
    private final MemoryWatch memory;
    private final ScheduledExecutorService ticker;
    private volatile Supplier<String> status = () -> null;
    private int ticks;
    private int shownWidth;

    ProgressLine(PrintWriter out, boolean interactive, MemoryWatch memory) {
        this.out = out;
        this.interactive = interactive;
        this.memory = memory;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "newsflow-bench-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** What to show from now on; {@code null} from the supplier shows nothing. */
    void status(Supplier<String> status) {
        this.status = status;
    }

    /** Prints a line that stays (the status line, if shown, is cleared first). */
    synchronized void println(String line) {
        clear();
        out.println(line);
        out.flush();
    }

    private synchronized void tick() {
        try {
            memory.sample();
            String line = status.get();
            ticks++;
            if (line == null) {
                return;
            }
            line = line + String.format(" · heap %s", Units.megabytes(MemoryWatch.currentHeapUsed()));
            if (interactive) {
                out.print("\r" + line + " ".repeat(Math.max(0, shownWidth - line.length())));
                shownWidth = line.length();
                out.flush();
            } else if (ticks % PLAIN_EVERY_SECONDS == 0) {
                out.println(line);
                out.flush();
            }
        } catch (RuntimeException e) {
            // progress is best effort; the benchmark reports its own failures
        }
    }

    private void clear() {
        if (interactive && shownWidth > 0) {
            out.print("\r" + " ".repeat(shownWidth) + "\r");
            shownWidth = 0;
        }
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        clear();
        out.flush();
    }
}
