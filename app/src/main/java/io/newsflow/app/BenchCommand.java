package io.newsflow.app;

import io.newsflow.app.bench.BenchReport;
import io.newsflow.app.bench.Benchmark;
import io.newsflow.app.bench.PipelineBench;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow bench}: how fast the engine and the whole pipeline run on this machine. Prints a table of
 * throughput, latency, CPU and memory per part, the Flink+Kafka overhead and the targets; writes them
 * as JSON and the time line as a PNG chart on request. Defaults are the full benchmark (about 11 minutes on two
 * cores); {@code --quick} runs everything tiny, in about a minute, to check that it works.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmarks the engine alone and the whole pipeline (producer -> Kafka -> Flink job -> Kafka "
                + "-> consumer) on the local runtime: articles/s, words/s, MB/s, end-to-end latency p50/p95/p99, "
                + "CPU per article, peak heap and RSS; exactly-once and at-least-once, each with the real and a no-op "
                + "engine, so the Flink+Kafka overhead is a ratio.",
                "Everything runs in this JVM, one part after the other; other load on the machine skews the figures "
                        + "(the table shows how many cores other processes kept busy)."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Everything tiny (seconds per part): checks that the benchmark runs; "
            + "its figures mean nothing.")
    boolean quick;

    @Option(names = "--parts", split = ",", paramLabel = "PART",
            description = "What to run (default: all); the parts run in this order, whatever the order given: "
                    + "engine, exactly-once, at-least-once, noop-exactly-once, noop-at-least-once.")
    List<String> parts = Benchmark.PARTS;

    @Option(names = "--articles", paramLabel = "N",
            description = "Articles of about 700 words sent through the pipeline at full speed, per mode "
                    + "(default: 90000: max runs at least 60 s with the real engine on two cores up to 1,500 "
                    + "articles/s; --quick: 200).")
    Integer articles;

    @Option(names = "--warmup-articles", paramLabel = "N",
            description = "Articles per round of the warm-up, which is not counted: rounds are sent until the JIT "
                    + "compilers are nearly idle (--warmup-jit-cores), since on two cores they stay busy with "
                    + "the job's, Flink's and Kafka's code for a minute or more (default: 10000; --quick: 20).")
    Integer warmupArticles;

    @Option(names = "--warmup-jit-cores", paramLabel = "CORES",
            description = "The warm-up ends after a round in which the JIT compilers kept at most this many cores "
                    + "busy (default: 0.05).")
    Double warmupJitCores;

    @Option(names = "--warmup-limit", paramLabel = "DURATION",
            description = "The warm-up of each mode ends after this long in any case, ISO-8601; the report says "
                    + "whether the compilers had settled (default: PT3M; --quick: PT0S, one round).")
    Duration warmupLimit;

    @Option(names = "--half-max-duration", paramLabel = "DURATION",
            description = "How long articles are sent at half the max rate to measure latency, ISO-8601 "
                    + "(default: PT60S; --quick: PT3S).")
    Duration halfMaxDuration;

    @Option(names = "--parallelism", defaultValue = "2", description = "Job parallelism (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--partitions", paramLabel = "N", description = "Partitions per topic (default: the parallelism).")
    Integer partitions;

    @Option(names = "--checkpoint-interval", defaultValue = "PT1S",
            description = "How often the job checkpoints; with exactly-once, output is visible once per checkpoint "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(names = "--engine-runs", paramLabel = "N",
            description = "Timed runs of the engine alone, each one pass over the corpus; the median counts "
                    + "(default: 5; --quick: 3).")
    Integer engineRuns;

    @Option(names = "--corpus-mb", paramLabel = "MB",
            description = "The engine's corpus: the articles repeated to at least this many MB (default: 50; --quick: 1).")
    Integer corpusMb;

    @Option(names = "--engine-warmup", paramLabel = "DURATION",
            description = "Warm-up of the engine alone before its runs (default: PT10S; --quick: PT1S).")
    Duration engineWarmup;

    @Option(names = "--samples", paramLabel = "DIR", defaultValue = "${env:NEWSFLOW_HOME:-.}/samples",
            description = "Sample articles (its articles/ folder) to build the articles from (default: ${DEFAULT-VALUE}).")
    Path samples;

    @Option(names = "--eval-dir", paramLabel = "DIR", defaultValue = "${env:NEWSFLOW_HOME:-.}/../shared/eval",
            description = "More texts: every *.jsonl file in it (default: ${DEFAULT-VALUE}; skipped if missing).")
    Path evalDir;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every figure, and the time line, as JSON.")
    Path json;

    @Option(names = "--chart", paramLabel = "FILE.png",
            description = "Also draw enriched articles/s and latency over time as a PNG.")
    Path chart;

    @Option(names = "--markdown", description = "Print the tables as Markdown (for the README).")
    boolean markdown;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "${sys:java.io.tmpdir}",
            description = "Where the brokers and checkpoints live while the benchmark runs; deleted after each "
                    + "mode (default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Option(names = "--timeout", defaultValue = "PT120S",
            description = "Give up when no enriched article arrives for this long (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PipelineBench.Settings pipeline = new PipelineBench.Settings(or(articles, 90_000, 200),
                or(warmupArticles, 10_000, 20), or(warmupLimit, Duration.ofMinutes(3), Duration.ZERO),
                or(warmupJitCores, 0.05, 0.05), or(halfMaxDuration, Duration.ofSeconds(60), Duration.ofSeconds(3)),
                partitions == null ? parallelism : partitions, parallelism, checkpointInterval, timeout);
        Benchmark.Options options = new Benchmark.Options(quick,
                parts.stream().map(p -> p.strip().toLowerCase(Locale.ROOT)).toList(), pipeline,
                or(engineRuns, 5, 3), or(corpusMb, 50, 1) * 1_000_000L,
                or(engineWarmup, Duration.ofSeconds(10), Duration.ofSeconds(1)), samples, evalDir, workDir);
        BenchReport report = new Benchmark(options, err, Terminals.stderr()).run();
        BenchReport.Machine m = report.machine();
        out.printf(Locale.ROOT, "%nnewsflow bench%s — %d cores (%s), %.0f GB, %s, %s, max heap %.0f MB; %s, %.0f s"
                        + "; other processes kept %.2f cores busy%n",
                quick ? " --quick (tiny: checks that it runs, the figures mean nothing)" : "", m.cores(), m.cpu(),
                m.memoryBytes() / 1e9, m.os(), m.java(), m.maxHeapBytes() / 1e6, m.started(), m.seconds(),
                m.otherCores());
        BenchReport.Setup s = report.setup();
        out.printf(Locale.ROOT, "articles of %.0f words on average (%d distinct); engine corpus %.0f MB, median of %d "
                        + "runs; pipeline: %,d articles per mode after a warm-up, half-max for %d s, parallelism %d, "
                        + "%d partitions, checkpoint every %d ms%n",
                s.meanWordsPerArticle(), s.distinctArticles(), s.engineCorpusBytes() / 1e6, s.engineRuns(),
                s.articles(), s.halfMaxSeconds(), s.parallelism(), s.partitions(), s.checkpointIntervalMs());
        if (!report.warmUps().isEmpty()) {
            out.printf(Locale.ROOT, "warm-up, rounds of %,d articles until the JIT compilers kept at most %.2f cores "
                    + "busy (at most %.0f s): %s%n", s.warmupArticles(), s.warmupJitCores(), s.warmupLimitSeconds(),
                    String.join("; ", report.warmUps().stream().map(w -> String.format(Locale.ROOT,
                            "%s %,d articles in %.0f s, then %.2f cores%s", w.mode(), w.articles(), w.seconds(),
                            w.jitCores(), w.settled() ? "" : " (not settled)")).toList()));
        }
        out.println();
        out.print(report.tables(markdown));
        if (json != null) {
            report.writeJson(json);
            out.println("\nwrote " + json);
        }
        if (chart != null) {
            report.writeChart(chart);
            out.println((json == null ? "\n" : "") + "wrote " + chart);
        }
        out.flush();
        return 0;
    }

    private <T> T or(T value, T full, T quickValue) {
        return value != null ? value : quick ? quickValue : full;
    }
}
