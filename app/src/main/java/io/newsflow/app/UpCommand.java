package io.newsflow.app;

import io.newsflow.ingest.ArticlePublisher;
import io.newsflow.ingest.HttpIngestServer;
import io.newsflow.processing.EnrichmentJobConfig;
import io.newsflow.processing.config.ConfigValues;
import io.newsflow.processing.functions.PipelineCounters;
import io.newsflow.schemas.validate.ArticleValidator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow up}: the local runtime, kept running until Ctrl-C so other tools can use the broker. Flink's
 * metrics are served for Prometheus ({@code --metrics-port}); the logs go to a file, and a status line shows the
 * rate, the job's totals and the consumer lag.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Runs Kafka (KRaft, embedded) and the enrichment job on a Flink MiniCluster until Ctrl-C.",
                "Feed it with './newsflow ingest PATH' or any Kafka client; read articles.enriched with any consumer."})
final class UpCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(UpCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--port"}, defaultValue = "9092",
            description = "Kafka client port on localhost (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", defaultValue = ".newsflow/data",
            description = "Where the broker and the job keep their data; kept across runs (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--partitions", defaultValue = "2", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--parallelism", defaultValue = "2", description = "Job parallelism (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @SharedOption("delivery-guarantee")
    @Option(names = "--delivery-guarantee",
            description = "exactly-once or at-least-once (default: ${DEFAULT-VALUE}; $NEWSFLOW_DELIVERY_GUARANTEE, --config).")
    String deliveryGuarantee;

    @Option(names = "--checkpoint-interval", defaultValue = "PT2S",
            description = "How often the job checkpoints and, with exactly-once, commits its output (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Mixin
    TopicOptions topics;

    @Option(names = "--http-port", defaultValue = "8080",
            description = "Port of the HTTP ingest endpoint (POST /articles); -1 for none (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Mixin
    IngestHttpCommand.HttpOptions http;

    @Option(names = "--metrics-port", defaultValue = "9249",
            description = "Port of the Prometheus endpoint with Flink's metrics (the job's counters, the Kafka source's "
                    + "offsets and pending records, checkpoints); -1 for none (default: ${DEFAULT-VALUE}).")
    int metricsPort;

    @Option(names = "--status-interval", defaultValue = "PT10S",
            description = "When stdout is not a terminal, how often a status line is printed (on a terminal the line "
                    + "is rewritten every second); PT0S for no status line (default: ${DEFAULT-VALUE}).")
    Duration statusInterval;

    @Option(names = "--log-file", defaultValue = ".newsflow/newsflow.log",
            description = "Where the logs go while up runs; errors also reach stderr (default: ${DEFAULT-VALUE}).")
    Path logFile;

    /** What the job did while it ran: every record read is enriched, dead-lettered or a dropped duplicate. */
    static String summary(LocalRuntime runtime) {
        try {
            return String.format("read %d, enriched %d, dead-lettered %d, dropped as duplicates %d",
                    runtime.counter(PipelineCounters.RECORDS_IN), runtime.counter(PipelineCounters.ENRICHED),
                    runtime.counter(PipelineCounters.DEAD_LETTERED), runtime.counter(PipelineCounters.DUPLICATES));
        } catch (IllegalStateException e) {
            return "(the job's counters are not available: " + e.getMessage() + ")";
        }
    }

    /**
     * The job's options for a local runtime: the flags over the environment and the file, without Kafka client
     * settings — the runtime's own broker is plaintext on localhost, whatever settings a remote one needs — and
     * with the bootstrap servers the runtime replaces by its broker's.
     */
    static EnrichmentJobConfig jobConfig(ConfigValues shared, Map<String, String> flags) {
        return EnrichmentJobConfig.from(shared.withoutKafka().withFlags(flags));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        EnrichmentJobConfig job = jobConfig(SharedDefaults.of(spec).values(), Map.of(
                EnrichmentJobConfig.DELIVERY_GUARANTEE.name(), deliveryGuarantee, EnrichmentJobConfig.INPUT_TOPIC.name(), topics.input,
                EnrichmentJobConfig.OUTPUT_TOPIC.name(), topics.output, EnrichmentJobConfig.DLQ_TOPIC.name(), topics.dlq));
        LocalRuntime.Settings settings = new LocalRuntime.Settings(dataDir, port, job, partitions, parallelism,
                checkpointInterval, metricsPort, true);
        if (statusInterval.isNegative()) {
            throw new IllegalArgumentException("--status-interval must not be negative, got " + statusInterval);
        }
        if (httpPort >= 0) {
            LocalRuntime.checkFree(httpPort, "HTTP ingest", "--http-port"); // before the broker and the job start
        }
        LogFile.redirect(logFile);
        LocalRuntime runtime = LocalRuntime.start(settings);
        ArticlePublisher publisher = null;
        HttpIngestServer server = null;
        try {
            if (httpPort >= 0) {
                publisher = IngestHttpCommand.HttpOptions.publisher(runtime.bootstrapServers(), job.inputTopic(), Map.of());
                server = HttpIngestServer.start(http.settings("0.0.0.0", httpPort), publisher,
                        new ArticleValidator(job.maxBodyBytes()), Clock.systemUTC());
            }
        } catch (RuntimeException e) {
            closeAll(runtime, publisher, null);
            throw new IllegalArgumentException("cannot serve HTTP ingest on port " + httpPort + " (" + e.getMessage()
                    + "): choose another with --http-port, or -1 for none", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        ArticlePublisher httpPublisher = publisher;
        HttpIngestServer httpServer = server;
        boolean terminal = Terminals.stdout();
        StatusLine status = new StatusLine(out, terminal);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "newsflow-status");
            thread.setDaemon(true);
            return thread;
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ticker.shutdownNow();
            status.close();
            out.println("Stopping…");
            out.println(summary(runtime));
            out.flush();
            closeAll(runtime, httpPublisher, httpServer);
            out.println(runtime.savedTo().map(p -> "Job state saved to " + p + "; the next up resumes from it.")
                    .orElse("The job's state could not be saved (see the log); the next up resumes from its last "
                            + "checkpoint."));
            out.flush();
            stopped.countDown();
        }, "newsflow-shutdown"));
        out.printf("Newsflow is up.%n  Kafka:   %s (topics %s -> %s, dead letters %s)%n  Flink:   job %s, %s, parallelism %d%n"
                        + "  State:   %s%n"
                        + "  Feed:    ./newsflow ingest --bootstrap-servers %s PATH...%n%s%s  Logs:    %s%n  Stop:    Ctrl-C%n",
                runtime.bootstrapServers(), job.inputTopic(), job.outputTopic(), job.dlqTopic(),
                runtime.jobClient().getJobID(),
                job.deliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE ? "exactly-once" : "at-least-once",
                parallelism, runtime.resumedFrom().map(p -> "resumed from " + p)
                        .orElse("new; saved under " + dataDir + " when up stops"),
                runtime.bootstrapServers(), server == null ? ""
                        : String.format("           curl -H 'Content-Type: text/plain' --data-binary @story.txt "
                                + "http://localhost:%d/articles%n", server.port()),
                metricsPort < 0 ? "" : String.format("  Metrics: http://localhost:%d/metrics (Prometheus)%n", metricsPort),
                logFile);
        out.flush();
        Duration every = statusInterval.isZero() || !terminal ? statusInterval : Duration.ofSeconds(1);
        if (!every.isZero()) {
            ticker.scheduleWithFixedDelay(() -> {
                try {
                    status.show(sample(runtime));
                } catch (RuntimeException e) {
                    // the counters could not be read this time (the job restarting, a slow RPC): skip a beat
                    LOG.debug("No status this time", e);
                }
            }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
        stopped.await();
        return 0;
    }

    /** The runtime's numbers now; a lag that cannot be read shows as unknown, counters that cannot fail the sample. */
    static StatusLine.Sample sample(LocalRuntime runtime) {
        long now = System.nanoTime();
        Map<String, Long> counters = runtime.counters();
        Map<Integer, Long> lag;
        try {
            lag = new TreeMap<>();
            for (var entry : runtime.lag().entrySet()) {
                lag.put(entry.getKey().partition(), entry.getValue());
            }
        } catch (IllegalStateException e) {
            lag = null;
        }
        return new StatusLine.Sample(now, counters, lag);
    }

    private static void closeAll(LocalRuntime runtime, ArticlePublisher publisher, HttpIngestServer server) {
        if (server != null) {
            server.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        runtime.close();
    }
}
