package io.newsflow.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything one {@code newsflow bench} measured, the machine it ran on and how: written as JSON for tools
 * and as tables for people (aligned text, or Markdown for the README). Figures of a part that was not run
 * are absent; targets that need them are "not measured".
 */
public record BenchReport(Machine machine, Setup setup, List<EnginePart> engine, List<PipelineBench.WarmUp> warmUps,
                          List<PipelineBench.Phase> pipeline, List<Overhead> overhead, List<Target> targets,
                          List<BenchConsumer.Sample> timeline) {

    /**
     * The machine and JVM; {@code started} is ISO-8601; {@code otherCores} is how many cores other processes
     * kept busy on average during the run.
     */
    public record Machine(int cores, String cpu, long memoryBytes, String os, String java, long maxHeapBytes,
                          String started, double seconds, double otherCores) {}

    /** How the run was set up ({@link PipelineBench.Settings} for the warm-up). */
    public record Setup(boolean quick, List<String> modes, int articles, int warmupArticles, double warmupLimitSeconds,
                        double warmupJitCores, int distinctArticles, double meanWordsPerArticle, long engineCorpusBytes,
                        int engineRuns, int parallelism, int partitions, long checkpointIntervalMs,
                        long halfMaxSeconds) {}

    /** The engine alone on {@code threads} threads: the median run, every run's words/s, and memory. */
    public record EnginePart(int threads, double wordsPerSecond, double articlesPerSecond, double megabytesPerSecond,
                             double cpuMillisPerArticle, List<Double> runsWordsPerSecond, double otherCores,
                             long heapPeak, long heapLive, long rssPeak) {}

    /**
     * What Flink and Kafka cost, for one delivery guarantee: {@code throughputShare} = 1 - the pipeline's
     * articles/s over the engine's alone on as many threads as the job's parallelism; {@code cpuShare} = CPU
     * per article of the no-op pipeline (everything but the engine: producer, broker, job, consumer) over
     * CPU per article of the engine alone; {@code engineInJobCpuMillisPerArticle}, the engine's own CPU per
     * article inside the job in the same phase, and {@code cpuOverEngineInJob} = the pipeline's CPU per article
     * over that, minus 1: what everything but the engine costs, measured at the same moment, so that this VM's
     * speed drifting between the parts does not enter it. NaN where a part was not run.
     */
    public record Overhead(String guarantee, int parallelism, double engineArticlesPerSecond,
                           double pipelineArticlesPerSecond, double throughputShare, double engineCpuMillisPerArticle,
                           double noopCpuMillisPerArticle, double cpuShare, double engineInJobCpuMillisPerArticle,
                           double cpuOverEngineInJob) {}

    /** One target of the issue: met is null when the figure was not measured. */
    public record Target(String name, String goal, String measured, Boolean met) {}

    static final double ENGINE_WORDS_PER_SECOND = 300_000;
    static final double PIPELINE_ARTICLES_PER_SECOND = 1_000;
    static final double OVERHEAD_SHARE = 0.15;
    static final long P99_MILLIS = 500;
    static final long JOB_HEAP_BYTES = 512L * 1024 * 1024;

    /** The report with its overhead ratios and target checks worked out from the measurements. */
    static BenchReport of(Machine machine, Setup setup, List<EnginePart> engine, List<PipelineBench.WarmUp> warmUps,
                          List<PipelineBench.Phase> pipeline, List<BenchConsumer.Sample> timeline) {
        List<Overhead> overhead = new ArrayList<>();
        for (String guarantee : List.of("exactly-once", "at-least-once")) {
            Optional<PipelineBench.Phase> real = phase(pipeline, guarantee, "max");
            Optional<PipelineBench.Phase> noop = phase(pipeline, "noop-" + guarantee, "max");
            if (real.isEmpty() && noop.isEmpty()) {
                continue;
            }
            Optional<EnginePart> parallel = engine(engine, setup.parallelism());
            Optional<EnginePart> single = engine(engine, 1);
            double engineRate = parallel.map(EnginePart::articlesPerSecond).orElse(Double.NaN);
            double pipelineRate = real.map(PipelineBench.Phase::articlesPerSecond).orElse(Double.NaN);
            double engineCpu = single.map(EnginePart::cpuMillisPerArticle).orElse(Double.NaN);
            double noopCpu = noop.map(PipelineBench.Phase::cpuMillisPerArticle).orElse(Double.NaN);
            double pipelineCpu = real.map(PipelineBench.Phase::cpuMillisPerArticle).orElse(Double.NaN);
            double engineInJob = real.map(PipelineBench.Phase::engineCpuMillisPerArticle).orElse(Double.NaN);
            overhead.add(new Overhead(guarantee, setup.parallelism(), engineRate, pipelineRate,
                    1 - pipelineRate / engineRate, engineCpu, noopCpu, noopCpu / engineCpu, engineInJob,
                    pipelineCpu / engineInJob - 1));
        }
        return new BenchReport(machine, setup, engine, warmUps, pipeline, overhead,
                targets(setup, engine, pipeline, overhead), timeline);
    }

    /**
     * The overhead target's figure: the throughput lost, the no-op pipeline's CPU where that part ran, and the
     * pipeline's CPU over the engine's inside the job where that was measured.
     */
    static String overheadMeasured(Overhead o) {
        String lost = String.format(Locale.ROOT, "%.0f%%", 100 * o.throughputShare());
        String noop = Double.isNaN(o.cpuShare()) ? "CPU per article: not measured without the no-op part"
                : String.format(Locale.ROOT, "CPU per article: +%.0f%%", 100 * o.cpuShare());
        String inJob = Double.isNaN(o.cpuOverEngineInJob()) ? ""
                : String.format(Locale.ROOT, "; the pipeline's over the engine's in the job: +%.0f%%",
                        100 * o.cpuOverEngineInJob());
        return lost + " (" + noop + inJob + ")";
    }

    private static List<Target> targets(Setup setup, List<EnginePart> engine, List<PipelineBench.Phase> pipeline,
                                        List<Overhead> overhead) {
        List<Target> targets = new ArrayList<>();
        Optional<EnginePart> single = engine(engine, 1);
        targets.add(target("engine, one thread", "≥ 300,000 words/s",
                single.map(e -> Units.count(e.wordsPerSecond()) + " words/s"),
                single.map(e -> e.wordsPerSecond() >= ENGINE_WORDS_PER_SECOND)));
        Optional<PipelineBench.Phase> exactlyOnce = phase(pipeline, "exactly-once", "max");
        targets.add(target("pipeline end to end, exactly-once", "≥ 1,000 articles/s",
                exactlyOnce.map(p -> Units.count(p.articlesPerSecond()) + " articles/s"),
                exactlyOnce.map(p -> p.articlesPerSecond() >= PIPELINE_ARTICLES_PER_SECOND)));
        Optional<Overhead> share = overhead.stream()
                .filter(o -> o.guarantee().equals("exactly-once") && !Double.isNaN(o.throughputShare())).findFirst();
        targets.add(target("Flink+Kafka overhead, exactly-once, parallelism " + setup.parallelism(),
                "≤ 15% of the engine's rate",
                share.map(BenchReport::overheadMeasured),
                share.map(o -> o.throughputShare() <= OVERHEAD_SHARE)));
        Optional<PipelineBench.Phase> halfMax = phase(pipeline, "at-least-once", "half-max");
        targets.add(target("p99 latency, at-least-once, half the max rate", "≤ 500 ms",
                halfMax.map(p -> String.format(Locale.ROOT, "%,d ms at %,.0f articles/s", p.latencyMs().p99(),
                        p.offeredRate())),
                halfMax.map(p -> p.latencyMs().p99() <= P99_MILLIS)));
        Optional<Long> live = pipeline.stream().filter(p -> p.heapLive() >= 0).map(PipelineBench.Phase::heapLive)
                .max(Long::compare);
        targets.add(target("job heap (live, whole JVM: broker + job + clients)", "≤ 512 MB",
                live.map(Units::megabytes), live.map(bytes -> bytes <= JOB_HEAP_BYTES)));
        return targets;
    }

    private static Target target(String name, String goal, Optional<String> measured, Optional<Boolean> met) {
        return new Target(name, goal, measured.orElse("not measured"), met.orElse(null));
    }

    private static Optional<PipelineBench.Phase> phase(List<PipelineBench.Phase> pipeline, String mode, String phase) {
        return pipeline.stream().filter(p -> p.mode().equals(mode) && p.phase().equals(phase)).findFirst();
    }

    private static Optional<EnginePart> engine(List<EnginePart> engine, int threads) {
        return engine.stream().filter(e -> e.threads() == threads).findFirst();
    }

    public void writeJson(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), this);
    }

    /** The time line as a PNG chart: enriched articles/s and p99 latency per second, per pipeline phase. */
    public void writeChart(Path png) throws IOException {
        BenchChart.write(png, timeline, String.format(Locale.ROOT, "newsflow bench%s, %s, %d cores, parallelism %d, "
                        + "checkpoint every %d ms", setup.quick() ? " --quick" : "",
                machine.started().substring(0, Math.min(16, machine.started().length())).replace('T', ' '),
                machine.cores(), setup.parallelism(), setup.checkpointIntervalMs()));
    }

    /** The figures as tables: parts, overhead, targets; {@code markdown} for the README, else aligned text. */
    public String tables(boolean markdown) {
        StringBuilder out = new StringBuilder();
        List<List<String>> parts = new ArrayList<>();
        parts.add(List.of("part", "articles/s", "words/s", "MB/s", "p50 ms", "p95 ms", "p99 ms", "CPU ms/article",
                "other cores", "heap peak", "heap live", "RSS peak"));
        for (EnginePart e : engine) {
            parts.add(List.of("engine alone, " + e.threads() + (e.threads() == 1 ? " thread" : " threads"),
                    Units.count(e.articlesPerSecond()), Units.count(e.wordsPerSecond()),
                    Units.decimal(e.megabytesPerSecond()), "-", "-", "-", Units.decimal(e.cpuMillisPerArticle()),
                    Units.decimal(e.otherCores()), Units.megabytes(e.heapPeak()), Units.megabytes(e.heapLive()),
                    Units.megabytes(e.rssPeak())));
        }
        for (PipelineBench.Phase p : pipeline) {
            String name = "pipeline " + p.mode() + ", " + p.phase() + (p.offeredRate() > 0
                    ? String.format(Locale.ROOT, " (%,.0f/s offered)", p.offeredRate()) : "");
            parts.add(List.of(name, Units.count(p.articlesPerSecond()), Units.count(p.wordsPerSecond()),
                    Units.decimal(p.megabytesPerSecond()), Units.count(p.latencyMs().p50()),
                    Units.count(p.latencyMs().p95()), Units.count(p.latencyMs().p99()),
                    Units.decimal(p.cpuMillisPerArticle()), Units.decimal(p.otherCores()),
                    Units.megabytes(p.heapPeak()), Units.megabytes(p.heapLive()), Units.megabytes(p.rssPeak())));
        }
        out.append(render(parts, markdown, 1));
        if (!overhead.isEmpty()) {
            out.append('\n');
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("Flink+Kafka overhead", "engine articles/s", "pipeline articles/s", "throughput lost",
                    "engine CPU ms/article", "no-op pipeline CPU ms/article", "CPU added",
                    "engine CPU ms/article in the job", "pipeline CPU over it"));
            for (Overhead o : overhead) {
                rows.add(List.of(o.guarantee() + ", parallelism " + o.parallelism(),
                        Units.count(o.engineArticlesPerSecond()), Units.count(o.pipelineArticlesPerSecond()),
                        percent(o.throughputShare()), Units.decimal(o.engineCpuMillisPerArticle()),
                        Units.decimal(o.noopCpuMillisPerArticle()), percent(o.cpuShare()),
                        Units.decimal(o.engineInJobCpuMillisPerArticle()), percent(o.cpuOverEngineInJob())));
            }
            out.append(render(rows, markdown, 1));
        }
        List<PipelineBench.Phase> split = pipeline.stream().filter(p -> !p.cpuMillisPerArticleBy().isEmpty()
                && p.phase().equals("max")).toList();
        if (!split.isEmpty()) {
            out.append('\n');
            List<List<String>> rows = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("CPU ms per article, by thread", "all",
                    "(the engine, in the job)"));
            header.addAll(ThreadCpu.groups());
            rows.add(header);
            for (PipelineBench.Phase p : split) {
                List<String> row = new ArrayList<>(List.of(p.mode() + ", " + p.phase(),
                        Units.decimal(p.cpuMillisPerArticle()), Units.decimal(p.engineCpuMillisPerArticle())));
                ThreadCpu.groups().forEach(g -> row.add(Units.decimal(p.cpuMillisPerArticleBy().getOrDefault(g, -1.0))));
                rows.add(row);
            }
            out.append(render(rows, markdown, 1));
        }
        out.append('\n');
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("target", "goal", "measured", ""));
        for (Target t : targets) {
            rows.add(List.of(t.name(), t.goal(), t.measured(),
                    t.met() == null ? "" : t.met() ? "met" : "NOT MET"));
        }
        out.append(render(rows, markdown, 3));
        return out.toString();
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    /** Rows as a table; columns from {@code firstNumeric} on are right-aligned. */
    private static String render(List<List<String>> rows, boolean markdown, int firstNumeric) {
        int columns = rows.get(0).size();
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (markdown) {
                out.append("| ").append(String.join(" | ", row)).append(" |\n");
                if (r == 0) {
                    out.append("|");
                    for (int c = 0; c < columns; c++) {
                        out.append(c < firstNumeric ? "---|" : "---:|");
                    }
                    out.append('\n');
                }
                continue;
            }
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                String pad = " ".repeat(width[c] - cell.length());
                out.append(c < firstNumeric ? cell + pad : pad + cell).append(c == columns - 1 ? "" : "  ");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
