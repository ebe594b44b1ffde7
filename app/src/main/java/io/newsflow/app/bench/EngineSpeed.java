package io.newsflow.app.bench;

import io.newsflow.processing.enrich.EnrichmentEngine;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Measures how fast enrichment engines run over a corpus: a warm-up, then timed runs of whole passes over it.
 * With several engines, each runs on its own thread (an engine serves one thread at a time, as each subtask
 * of the Flink job has its own) and the threads share the passes. {@code eval} and {@code bench} both measure
 * with it, so their figures mean the same thing.
 */
public final class EngineSpeed {

    /** One text the engine enriches, with its size counted once. */
    public record Text(String title, String body, int words, int bytes) {

        public static Text of(String title, String body) {
            return new Text(title, body, countWords(title) + countWords(body), utf8Length(title) + utf8Length(body));
        }
    }

    /** One timed run: what the threads enriched, in how long, using how much CPU (the whole process's). */
    public record Run(int threads, long texts, long words, long bytes, long nanos, long cpuNanos) {

        public double seconds() {
            return nanos / 1e9;
        }

        public double wordsPerSecond() {
            return words / seconds();
        }

        public double textsPerSecond() {
            return texts / seconds();
        }

        public double megabytesPerSecond() {
            return bytes / 1e6 / seconds();
        }

        /** Process CPU time per text in milliseconds, or -1 if the JVM does not report CPU time. */
        public double cpuMillisPerText() {
            return cpuNanos < 0 || texts == 0 ? -1 : cpuNanos / 1e6 / texts;
        }
    }

    /** The runs of one measurement. */
    public record Result(int threads, List<Run> runs) {

        public Result {
            runs = List.copyOf(runs);
        }

        /** The run with the median words per second (the lower middle one for an even count). */
        public Run median() {
            List<Run> sorted = runs.stream().sorted(Comparator.comparingDouble(Run::wordsPerSecond)).toList();
            return sorted.get((sorted.size() - 1) / 2);
        }
    }

    private EngineSpeed() {}

    /**
     * Warms the engines up for {@code warmup}, then times {@code runs} runs; each run is whole passes over
     * {@code corpus}, at least one and as many as fit in {@code minRun}.
     *
     * @param engines one per thread
     * @param onRun called with the number of each run as it starts (1-based)
     */
    public static Result measure(List<EnrichmentEngine> engines, List<Text> corpus, Duration warmup, int runs,
                                 Duration minRun, IntConsumer onRun) {
        if (engines.isEmpty() || corpus.isEmpty() || runs < 1) {
            throw new IllegalArgumentException("need at least one engine, one text and one run");
        }
        if (!warmup.isZero()) {
            run(engines, corpus, warmup.toNanos(), false);
        }
        List<Run> timed = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            onRun.accept(i);
            timed.add(run(engines, corpus, minRun.toNanos(), true));
        }
        return new Result(engines.size(), timed);
    }

    /**
     * Enriches texts of the corpus in order, cycling, on one thread per engine, until {@code minNanos} have
     * passed: then at the end of the pass ({@code wholePasses}) or at once.
     */
    private static Run run(List<EnrichmentEngine> engines, List<Text> corpus, long minNanos, boolean wholePasses) {
        AtomicLong cursor = new AtomicLong();
        AtomicLong limit = new AtomicLong(Long.MAX_VALUE);
        long[][] counts = new long[engines.size()][3];
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < engines.size(); t++) {
            EnrichmentEngine engine = engines.get(t);
            long[] count = counts[t];
            Thread thread = new Thread(() -> {
                long sink = 0;
                for (long i = cursor.getAndIncrement(); i < limit.get(); i = cursor.getAndIncrement()) {
                    if (i > 0 && (!wholePasses || i % corpus.size() == 0) && System.nanoTime() - start >= minNanos) {
                        limit.accumulateAndGet(i, Math::min);
                        break;
                    }
                    Text text = corpus.get((int) (i % corpus.size()));
                    sink += engine.enrich(text.title(), text.body()).entities().size();
                    count[0]++;
                    count[1] += text.words();
                    count[2] += text.bytes();
                }
                // Keeps the JIT from dropping the work as dead code.
                if (sink == Long.MIN_VALUE) {
                    System.out.print("");
                }
            }, "engine-speed-" + t);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring the engine", e);
            }
        }
        long nanos = System.nanoTime() - start;
        long cpuEnd = processCpuNanos();
        long texts = 0;
        long words = 0;
        long bytes = 0;
        for (long[] count : counts) {
            texts += count[0];
            words += count[1];
            bytes += count[2];
        }
        return new Run(engines.size(), texts, words, bytes, nanos,
                cpuStart < 0 || cpuEnd < 0 ? -1 : cpuEnd - cpuStart);
    }

    /** CPU time of this process (every thread, GC and JIT included) in nanoseconds, or -1 if unknown. */
    public static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Words as whitespace-separated tokens, the way {@code wc -w} counts them. */
    public static int countWords(String text) {
        if (text == null) {
            return 0;
        }
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    private static int utf8Length(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
