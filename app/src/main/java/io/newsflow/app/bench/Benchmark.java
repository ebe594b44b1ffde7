package io.newsflow.app.bench;

import io.newsflow.app.WorkDirs;
import io.newsflow.processing.enrich.EnrichmentEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code newsflow bench} from start to report: builds the articles, measures the engine alone (one thread, and
 * as many as the job's parallelism), then each pipeline mode on a fresh local runtime, and works out the
 * overhead and the targets. Everything runs in this JVM, one part after the other.
 */
public final class Benchmark {

    /** The parts to run: {@code engine} and the pipeline modes of {@link PipelineBench.Mode}. */
    public static final List<String> PARTS = List.of("engine", "exactly-once", "at-least-once", "noop-exactly-once",
            "noop-at-least-once");

    /**
     * How to run. {@code corpusBytes}: the engine's corpus is the articles repeated to at least this size;
     * each of the {@code engineRuns} runs is one pass over it, after {@code engineWarmup}.
     */
    public record Options(boolean quick, List<String> parts, PipelineBench.Settings pipeline, int engineRuns,
                          long corpusBytes, Duration engineWarmup, Path samples, Path evalDir, Path workDir) {
        public Options {
            parts = List.copyOf(parts);
            for (String part : parts) {
                if (!PARTS.contains(part)) {
                    throw new IllegalArgumentException("unknown part '" + part + "'; parts: " + String.join(", ", PARTS));
                }
            }
            if (engineRuns < 1) {
                throw new IllegalArgumentException("--engine-runs must be >= 1, got " + engineRuns);
            }
        }
    }

    private final Options options;
    private final MemoryWatch memory = new MemoryWatch();
    private final ProgressLine progress;

    /**
     * @param log where progress goes (standard error)
     * @param interactive whether {@code log} is a terminal (the progress line is then rewritten in place)
     */
    public Benchmark(Options options, PrintWriter log, boolean interactive) {
        this.options = options;
        this.progress = new ProgressLine(log, interactive, memory);
    }

    public BenchReport run() throws Exception {
        try {
            return measure();
        } finally {
            progress.close();
            memory.close();
        }
    }

    private BenchReport measure() throws Exception {
        Instant started = Instant.now();
        CpuWatch whole = CpuWatch.start();
        List<EngineSpeed.Text> sources = BenchCorpus.sources(options.samples(), options.evalDir());
        List<EngineSpeed.Text> articles = BenchCorpus.articles(sources, BenchCorpus.ARTICLE_WORDS);
        if (articles.isEmpty()) {
            throw new IllegalArgumentException("no text to benchmark with: " + options.samples()
                    + "/articles and " + options.evalDir() + " hold less than one article of "
                    + BenchCorpus.ARTICLE_WORDS + " words");
        }
        double meanWords = articles.stream().mapToInt(EngineSpeed.Text::words).average().orElse(0);
        progress.println(String.format(Locale.ROOT, "%d articles of %.0f words on average from %s/articles%s",
                articles.size(), meanWords, options.samples(),
                options.evalDir() != null && Files.isDirectory(options.evalDir()) ? " and " + options.evalDir()
                        : " (no " + options.evalDir() + ")"));
        List<BenchReport.EnginePart> engine = new ArrayList<>();
        List<EngineSpeed.Text> corpus = BenchCorpus.repeatedTo(articles, options.corpusBytes());
        long corpusBytes = corpus.stream().mapToLong(EngineSpeed.Text::bytes).sum();
        List<PipelineBench.Phase> pipeline = new ArrayList<>();
        PipelineBench pipelineBench = new PipelineBench(options.pipeline(), articles, memory, progress,
                started.toEpochMilli());
        if (options.parts().contains("engine")) {
            engine.addAll(engine(corpus));
        }
        for (String part : options.parts()) {
            if (part.equals("engine")) {
                continue;
            }
            PipelineBench.Mode mode = PipelineBench.Mode.parse(part);
            Path data = WorkDirs.create(options.workDir(), "newsflow-bench-");
            try {
                for (PipelineBench.Phase phase : pipelineBench.run(mode, data)) {
                    pipeline.add(phase);
                    progress.println(summary(phase));
                }
            } finally {
                WorkDirs.deleteRecursively(data);
            }
        }
        PipelineBench.Settings p = options.pipeline();
        BenchReport.Setup setup = new BenchReport.Setup(options.quick(), options.parts(), p.articles(),
                p.warmupArticles(), p.warmupLimit().toMillis() / 1000.0, p.warmupJitCores(), articles.size(), meanWords,
                corpusBytes, options.engineRuns(), p.parallelism(), p.partitions(), p.checkpointInterval().toMillis(),
                p.halfMaxDuration().toSeconds());
        CpuWatch.Use use = whole.use();
        BenchReport.Machine machine = new BenchReport.Machine(Runtime.getRuntime().availableProcessors(), cpuModel(),
                memoryBytes(), System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"), System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"), Runtime.getRuntime().maxMemory(), started.toString(),
                Duration.between(started, Instant.now()).toMillis() / 1000.0, use.otherCores());
        return BenchReport.of(machine, setup, engine, pipelineBench.warmUps(), pipeline, pipelineBench.timeline());
    }

    /** The engine alone on one thread, then on as many threads as the job's parallelism. */
    private List<BenchReport.EnginePart> engine(List<EngineSpeed.Text> corpus) {
        List<BenchReport.EnginePart> parts = new ArrayList<>();
        List<EnrichmentEngine> engines = new ArrayList<>();
        int parallelism = options.pipeline().parallelism();
        for (int threads : parallelism > 1 ? List.of(1, parallelism) : List.of(1)) {
            progress.status(() -> "engine alone: loading " + threads + (threads == 1 ? " engine" : " engines"));
            while (engines.size() < threads) {
                engines.add(EnrichmentEngine.loadDefault());
            }
            memory.reset();
            CpuWatch cpu = CpuWatch.start();
            int[] run = {0};
            long start = System.nanoTime();
            progress.status(() -> String.format(Locale.ROOT, "engine alone, %d thread%s: %s · %d s", threads,
                    threads == 1 ? "" : "s", run[0] == 0 ? "warming up" : "run " + run[0] + "/" + options.engineRuns(),
                    (System.nanoTime() - start) / 1_000_000_000L));
            EngineSpeed.Result result = EngineSpeed.measure(List.copyOf(engines), corpus, options.engineWarmup(),
                    options.engineRuns(), Duration.ZERO, i -> run[0] = i);
            CpuWatch.Use use = cpu.use();
            MemoryWatch.Peaks peaks = memory.peaks();
            long live = MemoryWatch.liveHeapNow();
            EngineSpeed.Run median = result.median();
            BenchReport.EnginePart part = new BenchReport.EnginePart(threads, median.wordsPerSecond(),
                    median.textsPerSecond(), median.megabytesPerSecond(), median.cpuMillisPerText(),
                    result.runs().stream().map(EngineSpeed.Run::wordsPerSecond).toList(), use.otherCores(),
                    peaks.heapUsed(), live, peaks.rss());
            parts.add(part);
            progress.status(() -> null);
            progress.println(String.format(Locale.ROOT,
                    "engine alone, %d thread%s: %,.0f words/s, %,.0f articles/s (median of %d runs over %,.0f MB)",
                    threads, threads == 1 ? "" : "s", part.wordsPerSecond(), part.articlesPerSecond(),
                    result.runs().size(), median.bytes() / 1e6));
        }
        return parts;
    }

    private static String summary(PipelineBench.Phase phase) {
        return String.format(Locale.ROOT, "pipeline %s, %s: %,d articles in %.1f s, %,.0f articles/s, p99 %,d ms",
                phase.mode(), phase.phase(), phase.articles(), phase.seconds(), phase.articlesPerSecond(),
                phase.latencyMs().p99());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long memoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }
}
