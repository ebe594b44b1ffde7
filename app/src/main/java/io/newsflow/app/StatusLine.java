package io.newsflow.app;

import io.newsflow.processing.functions.PipelineCounters;
import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one line {@code newsflow up} shows while it runs: articles per second over the last interval, the job's
 * totals, and the consumer lag per partition of the input topic. On a terminal the line is rewritten in place
 * ({@code \r}); elsewhere (a file, a pipe, a service's journal) it is printed as a line of its own each time.
 */
final class StatusLine {

    /**
     * What the runtime showed at one moment: the job's counters ({@link PipelineCounters}), and the lag by
     * partition number, or {@code null} when it could not be read.
     */
    record Sample(long nanos, Map<String, Long> counters, Map<Integer, Long> lag) {
        long count(String name) {
            return counters.getOrDefault(name, 0L);
        }
    }

    private final PrintWriter out;
    private final boolean terminal;
    private Sample previous;
    private int width;

    StatusLine(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Shows a new sample: rewrites the line on a terminal, else prints a line. */
    synchronized void show(Sample sample) {
        String line = format(previous, sample);
        previous = sample;
        if (terminal) {
            // pad over what the previous, longer line left behind
            out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            width = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends the line in place, so that what is printed next starts on a line of its own. */
    synchronized void close() {
        if (terminal && width > 0) {
            out.println();
            out.flush();
            width = 0;
        }
    }

    /**
     * {@code 12.5 articles/s | read 120, enriched 110, dead-lettered 4, duplicates 6 | lag 15 (p0 7, p1 8)}: the
     * rate is of records read since {@code previous} (none before the first interval).
     */
    static String format(Sample previous, Sample current) {
        String rate;
        if (previous == null || current.nanos() <= previous.nanos()) {
            rate = "- articles/s";
        } else {
            double seconds = (current.nanos() - previous.nanos()) / 1e9;
            long read = Math.max(0, current.count(PipelineCounters.RECORDS_IN) - previous.count(PipelineCounters.RECORDS_IN));
            rate = String.format("%.1f articles/s", read / seconds);
        }
        String totals = String.format("read %d, enriched %d, dead-lettered %d, duplicates %d",
                current.count(PipelineCounters.RECORDS_IN), current.count(PipelineCounters.ENRICHED),
                current.count(PipelineCounters.DEAD_LETTERED), current.count(PipelineCounters.DUPLICATES));
        String lag;
        if (current.lag() == null) {
            lag = "lag ?";
        } else {
            long total = current.lag().values().stream().mapToLong(Long::longValue).sum();
            lag = "lag " + total + current.lag().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> "p" + e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ", " (", ")"));
        }
        return rate + " | " + totals + " | " + lag;
    }
}
