package io.newsflow.app.bench;

import io.newsflow.app.LocalRuntime;
import io.newsflow.ingest.ArticlePublisher;
import io.newsflow.processing.EnrichmentJobConfig;
import io.newsflow.processing.functions.EngineFactory;
import io.newsflow.processing.functions.PipelineCounters;
import io.newsflow.schemas.Article;
import io.newsflow.schemas.ContentHash;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The pipeline part of the benchmark. For one {@link Mode} (delivery guarantee, real or no-op engine) it starts
 * the local runtime (the embedded broker and the job on a MiniCluster, in this JVM), then runs phases through
 * it with a producer ({@link ArticlePublisher}, as {@code ingest} publishes) and a consumer
 * ({@link BenchConsumer}): a warm-up, not reported (rounds of articles until the JIT compilers are nearly idle,
 * so the phases after it measure the job as it runs for days, not its first minutes: on two cores the
 * compilers keep a core busy for a minute or more after the job starts); {@code max}, every article sent at
 * once so the job works through a backlog (its throughput is the pipeline's; latency there is mostly time in
 * the queue); and, with the real engine, {@code half-max}, articles evenly spaced at half the rate {@code max}
 * reached (its latency is the pipeline's under a steady load).
 */
public final class PipelineBench {

    /** What runs in the job. */
    public enum Mode {
        EXACTLY_ONCE("exactly-once", DeliveryGuarantee.EXACTLY_ONCE, false),
        AT_LEAST_ONCE("at-least-once", DeliveryGuarantee.AT_LEAST_ONCE, false),
        NOOP_EXACTLY_ONCE("noop-exactly-once", DeliveryGuarantee.EXACTLY_ONCE, true),
        NOOP_AT_LEAST_ONCE("noop-at-least-once", DeliveryGuarantee.AT_LEAST_ONCE, true);

        private final String label;
        private final DeliveryGuarantee guarantee;
        private final boolean noop;

        Mode(String label, DeliveryGuarantee guarantee, boolean noop) {
            this.label = label;
            this.guarantee = guarantee;
            this.noop = noop;
        }

        public String label() {
            return label;
        }

        public DeliveryGuarantee guarantee() {
            return guarantee;
        }

        /** The job runs {@link NoOpEngine}: Flink and Kafka alone. */
        public boolean noop() {
            return noop;
        }

        public static Mode parse(String label) {
            return Arrays.stream(values()).filter(m -> m.label.equals(label.strip().toLowerCase(Locale.ROOT)))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown mode '" + label
                            + "'; modes: " + String.join(", ", Arrays.stream(values()).map(Mode::label).toList())));
        }
    }

    /**
     * How to run: articles in {@code max}; the warm-up's rounds of {@code warmupArticles} articles, repeated
     * until the JIT compilers kept at most {@code warmupJitCores} cores busy during a round or
     * {@code warmupLimit} has passed; how long {@code half-max} sends; the runtime's topology; and how long to
     * wait for the next enriched article before giving up.
     */
    public record Settings(int articles, int warmupArticles, Duration warmupLimit, double warmupJitCores,
                           Duration halfMaxDuration, int partitions, int parallelism, Duration checkpointInterval,
                           Duration stallTimeout) {
        public Settings {
            if (articles < 1) {
                throw new IllegalArgumentException("--articles must be >= 1, got " + articles);
            }
            if (warmupArticles < 0) {
                throw new IllegalArgumentException("--warmup-articles must be >= 0, got " + warmupArticles);
            }
            if (warmupLimit.isNegative()) {
                throw new IllegalArgumentException("--warmup-limit must not be negative, got " + warmupLimit);
            }
            if (!(warmupJitCores >= 0)) {
                throw new IllegalArgumentException("--warmup-jit-cores must be >= 0, got " + warmupJitCores);
            }
        }
    }

    /**
     * How one mode's warm-up went: {@code rounds} of articles, {@code articles} in all, over {@code seconds};
     * {@code jitCores}, the cores the JIT compilers kept busy during the last round; {@code settled}, whether
     * that was within {@link Settings#warmupJitCores()} (false: the warm-up stopped at its limit).
     */
    public record WarmUp(String mode, int rounds, int articles, double seconds, double jitCores, boolean settled) {}

    /** End-to-end latency percentiles in milliseconds. */
    public record Latency(long p50, long p95, long p99, long max) {}

    /**
     * What one phase measured. {@code offeredRate} is the producer's pace (0: as fast as it can);
     * {@code cpuMillisPerArticleBy} splits the process's CPU per article by thread group ({@link ThreadCpu});
     * {@code engineCpuMillisPerArticle} is the engine's own CPU per article inside the job ({@link TimedEngine}; NaN
     * with the no-op engine or where the JVM cannot tell a thread's CPU time);
     * {@code heapLive} the heap after a full collection half-way through ({@code max} only; -1 otherwise);
     * {@code redelivered} enriched records received more than once.
     */
    public record Phase(String mode, String phase, int articles, long words, double seconds, double offeredRate,
                        double articlesPerSecond, double wordsPerSecond, double megabytesPerSecond, Latency latencyMs,
                        double cpuMillisPerArticle, Map<String, Double> cpuMillisPerArticleBy,
                        double engineCpuMillisPerArticle, double processCores,
                        double otherCores, long heapPeak, long heapLive, long rssPeak, long redelivered) {}

    private static final String WARM_UP = "warm-up";

    private final Settings settings;
    private final List<EngineSpeed.Text> articles;
    private final String[] contentHashes;
    private final MemoryWatch memory;
    private final ProgressLine progress;
    private final long epochMillis;
    private final List<BenchConsumer.Sample> timeline = new ArrayList<>();
    private final List<WarmUp> warmUps = new ArrayList<>();
    private int nextPhase;

    /**
     * @param articles the articles to send, in turn (each send gets its own id)
     * @param epochMillis time zero of the time line
     */
    PipelineBench(Settings settings, List<EngineSpeed.Text> articles, MemoryWatch memory, ProgressLine progress,
                  long epochMillis) {
        this.settings = settings;
        this.articles = List.copyOf(articles);
        this.contentHashes = articles.stream().map(a -> ContentHash.of(a.title(), a.body())).toArray(String[]::new);
        this.memory = memory;
        this.progress = progress;
        this.epochMillis = epochMillis;
    }

    /** The receipts of every phase but the warm-ups, one sample per second, since the benchmark started. */
    List<BenchConsumer.Sample> timeline() {
        return List.copyOf(timeline);
    }

    /** Runs one mode on a fresh runtime whose broker and checkpoints live in {@code dataDir}. */
    List<Phase> run(Mode mode, Path dataDir) throws Exception {
        EnrichmentJobConfig job = EnrichmentJobConfig.defaults().withGroup("newsflow-bench", "newsflow-bench")
                .withDeliveryGuarantee(mode.guarantee());
        LocalRuntime.Settings runtimeSettings = new LocalRuntime.Settings(dataDir, 0, job, settings.partitions(),
                settings.parallelism(), settings.checkpointInterval());
        progress.status(() -> mode.label() + ": starting Kafka and the job");
        EngineFactory engine = mode.noop() ? NoOpEngine.FACTORY : TimedEngine.FACTORY;
        List<Phase> phases = new ArrayList<>();
        try (LocalRuntime runtime = LocalRuntime.start(runtimeSettings, engine);
             BenchConsumer consumer = new BenchConsumer(runtime.bootstrapServers(), runtime.job().outputTopic(),
                     epochMillis);
             ArticlePublisher publisher = new ArticlePublisher(runtime.bootstrapServers(), runtime.job().inputTopic(),
                     Map.of(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-bench-producer"))) {
            if (settings.warmupArticles() > 0) {
                warmUps.add(warmUp(mode, runtime, consumer, publisher));
            }
            Phase max = phase(mode, "max", settings.articles(), 0, runtime, consumer, publisher);
            phases.add(max);
            if (!mode.noop()) {
                double rate = max.articlesPerSecond() / 2;
                int count = (int) Math.max(1, Math.round(rate * settings.halfMaxDuration().toMillis() / 1000.0));
                phases.add(phase(mode, "half-max", count, rate, runtime, consumer, publisher));
            }
            consumer.timeline().stream().filter(sample -> !sample.phase().contains(WARM_UP)).forEach(timeline::add);
        } finally {
            progress.status(() -> null);
        }
        return phases;
    }

    /**
     * Rounds of warm-up articles until the JIT compilers are nearly idle during one, or the warm-up's time is
     * up. Where the JVM cannot tell the compilers' CPU time, one round.
     */
    private WarmUp warmUp(Mode mode, LocalRuntime runtime, BenchConsumer consumer, ArticlePublisher publisher)
            throws InterruptedException {
        long start = System.nanoTime();
        int rounds = 0;
        int sent = 0;
        double jitCores;
        boolean settled;
        do {
            rounds++;
            Phase round = phase(mode, rounds == 1 ? WARM_UP : WARM_UP + " " + rounds, settings.warmupArticles(), 0,
                    runtime, consumer, publisher);
            sent += round.articles();
            jitCores = round.cpuMillisPerArticleBy().getOrDefault(ThreadCpu.JIT, 0.0) * round.articlesPerSecond()
                    / 1000;
            settled = jitCores <= settings.warmupJitCores();
            progress.println(String.format(Locale.ROOT, "%s warm-up, round %d: %,d articles in %.0f s, JIT compilers "
                    + "%.2f cores%s", mode.label(), rounds, round.articles(), round.seconds(), jitCores,
                    settled ? "" : " (more than " + settings.warmupJitCores() + ")"));
        } while (!settled && System.nanoTime() - start < settings.warmupLimit().toNanos());
        return new WarmUp(mode.label(), rounds, sent, (System.nanoTime() - start) / 1e9, jitCores, settled);
    }

    /** Every mode's warm-up so far, in the order they ran. */
    List<WarmUp> warmUps() {
        return List.copyOf(warmUps);
    }

    /** Sends {@code count} articles ({@code rate} per second, or all at once for 0) and waits for all of them. */
    private Phase phase(Mode mode, String name, int count, double rate, LocalRuntime runtime, BenchConsumer consumer,
                        ArticlePublisher publisher) throws InterruptedException {
        int id = nextPhase++;
        String label = mode.label() + " " + name;
        boolean measureLive = "max".equals(name);
        consumer.open(id, label);
        AtomicInteger sent = new AtomicInteger();
        LongAdder bytes = new LongAdder();
        AtomicReference<Throwable> sendError = new AtomicReference<>();
        long live = -1;
        long words = 0;
        progress.status(new Status(label, count, rate, sent, consumer, id));
        memory.reset();
        CpuWatch cpu = CpuWatch.start();
        ThreadCpu threads = ThreadCpu.start();
        long engineNanos = TimedEngine.cpuNanos();
        long engineCalls = TimedEngine.calls();
        long startMillis = System.currentTimeMillis();
        long startNanos = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (rate > 0) {
                long due = startNanos + (long) (i * 1e9 / rate);
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
            }
            words += articles.get(i % articles.size()).words();
            publisher.publish(article(id, i)).whenComplete((metadata, e) -> {
                if (e == null) {
                    bytes.add(metadata.serializedValueSize());
                } else {
                    sendError.compareAndSet(null, e);
                }
            });
            sent.incrementAndGet();
        }
        publisher.flush();
        long lastChange = System.nanoTime();
        for (int received = consumer.received(id), seen = -1; received < count; received = consumer.received(id)) {
            consumer.check();
            if (sendError.get() != null) {
                throw new IllegalStateException(label + ": Kafka refused an article: " + sendError.get().getMessage(),
                        sendError.get());
            }
            if (received != seen) {
                seen = received;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > settings.stallTimeout().toNanos()) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "%s: %d of %d enriched articles arrived, then none for %d s (the job read %d, enriched %d, "
                                + "dead-lettered %d, dropped %d as duplicates)", label, received, count,
                        settings.stallTimeout().toSeconds(), runtime.counter(PipelineCounters.RECORDS_IN),
                        runtime.counter(PipelineCounters.ENRICHED), runtime.counter(PipelineCounters.DEAD_LETTERED),
                        runtime.counter(PipelineCounters.DUPLICATES)));
            }
            if (measureLive && live < 0 && received >= count / 2) {
                live = MemoryWatch.liveHeapNow();
            }
            Thread.sleep(20);
        }
        if (measureLive && live < 0) {
            // Everything arrived at once (a single checkpoint's commit): measure now, before the runtime stops.
            live = MemoryWatch.liveHeapNow();
        }
        CpuWatch.Use use = cpu.use();
        long cpuNanos = cpu.processNanos();
        Map<String, Double> byGroup = new LinkedHashMap<>();
        threads.byGroup().forEach((group, nanos) -> byGroup.put(group, nanos / 1e6 / count));
        long calls = TimedEngine.calls() - engineCalls;
        double engineCpu = mode.noop() || calls == 0 || !TimedEngine.supported() ? Double.NaN
                : (TimedEngine.cpuNanos() - engineNanos) / 1e6 / calls;
        MemoryWatch.Peaks peaks = memory.peaks();
        consumer.close(id);
        double seconds = Math.max(1, consumer.lastReceiptMillis(id) - startMillis) / 1000.0;
        Histogram latencies = consumer.latencies(id);
        return new Phase(mode.label(), name, count, words, seconds, rate, count / seconds, words / seconds,
                bytes.sum() / 1e6 / seconds,
                new Latency(latencies.getValueAtPercentile(50), latencies.getValueAtPercentile(95),
                        latencies.getValueAtPercentile(99), latencies.getMaxValue()),
                cpuNanos < 0 ? -1 : cpuNanos / 1e6 / count, byGroup, engineCpu, use.processCores(), use.otherCores(),
                peaks.heapUsed(), live, peaks.rss(), consumer.records(id) - count);
    }

    private Article article(int phase, int index) {
        int k = index % articles.size();
        EngineSpeed.Text text = articles.get(k);
        return Article.newBuilder()
                .setId(BenchConsumer.key(phase, index))
                .setSource("newsflow-bench")
                .setTitle(text.title())
                .setBody(text.body())
                .setIngestedAt(Instant.now())
                .setContentHash(contentHashes[k])
                .build();
    }

    /** The progress line of a phase: sent, enriched, the rate over the last second, p99 so far. */
    private static final class Status implements Supplier<String> {
        private final String label;
        private final int count;
        private final double rate;
        private final AtomicInteger sent;
        private final BenchConsumer consumer;
        private final int phase;
        private final long start = System.nanoTime();
        private int lastReceived;

        Status(String label, int count, double rate, AtomicInteger sent, BenchConsumer consumer, int phase) {
            this.label = label;
            this.count = count;
            this.rate = rate;
            this.sent = sent;
            this.consumer = consumer;
            this.phase = phase;
        }

        @Override
        public String get() {
            int received = consumer.received(phase);
            int perSecond = received - lastReceived;
            lastReceived = received;
            Histogram latencies = consumer.latencies(phase);
            return String.format(Locale.ROOT, "%s%s: sent %,d/%,d · enriched %,d · %,d/s · p99 %s · %d s", label,
                    rate > 0 ? String.format(Locale.ROOT, " (%,.0f/s offered)", rate) : "", sent.get(), count, received,
                    perSecond, latencies.getTotalCount() == 0 ? "-" : latencies.getValueAtPercentile(99) + " ms",
                    (System.nanoTime() - start) / 1_000_000_000L);
        }
    }
}
