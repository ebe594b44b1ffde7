package io.newsflow.app;

import io.newsflow.ingest.Ingestor;
import io.newsflow.processing.EnrichmentJobConfig;
import io.newsflow.processing.functions.PipelineCounters;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EnrichedArticle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow demo}: the whole pipeline on this machine, start to finish. Starts a Kafka broker and the
 * enrichment job, publishes the bundled samples through the ingest producer (and the raw records under
 * {@code samples/raw/} as they are, the way a producer that does not speak the schema would), prints every
 * enriched event and dead letter, then a one-line summary, and shuts everything down.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the pipeline locally on the bundled samples: Kafka (KRaft) + the Flink job on a "
                + "MiniCluster; prints each enriched event and dead letter, then a summary, and exits."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--samples", paramLabel = "DIR", defaultValue = "${env:NEWSFLOW_HOME:-.}/samples",
            description = "Folder with articles/ (published through ingest) and raw/ (sent as raw bytes). "
                    + "Default: ${DEFAULT-VALUE}.")
    Path samples;

    @Option(names = "--timeout", defaultValue = "PT90S",
            description = "How long to wait for every result, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--quiet", description = "Print only the summary, not each event.")
    boolean quiet;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "${sys:java.io.tmpdir}",
            description = "Where the demo's broker and checkpoints live while it runs; deleted at the end "
                    + "(default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path articles = samples.resolve("articles");
        if (!Files.isDirectory(articles)) {
            throw new IllegalArgumentException("--samples " + samples + " has no articles/ folder");
        }
        long started = System.nanoTime();
        Path data = WorkDirs.create(workDir, "newsflow-demo-");
        out.println("Starting Kafka (KRaft, embedded) and the Flink enrichment job on a MiniCluster…");
        out.flush();
        LocalRuntime.Settings settings = new LocalRuntime.Settings(data, 0,
                UpCommand.jobConfig(SharedDefaults.of(spec).values(), Map.of()).withGroup("newsflow-demo", "newsflow-demo"),
                1, 1, Duration.ofSeconds(1));
        try (LocalRuntime runtime = LocalRuntime.start(settings)) {
            EnrichmentJobConfig job = runtime.job();
            out.printf("Kafka on %s; job %s running (%s). Publishing %s%n", runtime.bootstrapServers(),
                    runtime.jobClient().getJobID(), job.deliveryGuarantee(), articles);
            out.flush();
            Ingestor.Report report = IngestCommand.publish(List.of(articles.toString()),
                    runtime.bootstrapServers(), job.inputTopic(), Map.of(), job.maxBodyBytes(), err);
            int raw = publishRaw(samples.resolve("raw"), runtime.bootstrapServers(), job.inputTopic(), out);
            int expected = report.published() + raw;
            return await(runtime, expected, report.rejected().size(), started, out, err);
        } finally {
            WorkDirs.deleteRecursively(data);
        }
    }

    private int await(LocalRuntime runtime, int expected, int rejectedAtIngest, long started,
                      PrintWriter out, PrintWriter err) {
        EventFormatter formatter = new EventFormatter();
        List<EnrichedArticle> enriched = new ArrayList<>();
        List<DeadLetter> dead = new ArrayList<>();
        long firstEnrichedNanos = -1;
        long deadline = System.nanoTime() + timeout.toNanos();
        EnrichmentJobConfig job = runtime.job();
        long duplicates = 0;
        try (OutputReader reader = new OutputReader(runtime.bootstrapServers(), job.outputTopic(), job.dlqTopic())) {
            while (enriched.size() + dead.size() + duplicates < expected && System.nanoTime() < deadline) {
                reader.poll(Duration.ofMillis(200), event -> {
                    enriched.add(event);
                    if (!quiet) {
                        out.println(formatter.pretty(formatter.toJson(event)));
                    }
                }, letter -> {
                    dead.add(letter);
                    if (!quiet) {
                        out.println("dead letter: " + formatter.pretty(formatter.toJson(letter)));
                    }
                });
                if (firstEnrichedNanos < 0 && !enriched.isEmpty()) {
                    firstEnrichedNanos = System.nanoTime();
                }
                duplicates = runtime.counter(PipelineCounters.DUPLICATES);
                out.flush();
            }
        }
        out.printf("published %d, enriched %d, dead-lettered %d, dropped as duplicates %d%s%n", expected,
                enriched.size(), dead.size(), duplicates,
                rejectedAtIngest == 0 ? "" : ", rejected at ingest " + rejectedAtIngest);
        if (firstEnrichedNanos > 0) {
            out.printf("first enriched event after %.1f s, all results after %.1f s%n",
                    (firstEnrichedNanos - started) / 1e9, (System.nanoTime() - started) / 1e9);
        }
        out.flush();
        if (enriched.size() + dead.size() + duplicates < expected) {
            err.printf("newsflow demo: only %d of %d results arrived within %s%n",
                    enriched.size() + dead.size() + duplicates, expected, timeout);
            return 1;
        }
        return 0;
    }

    /** Sends each file under {@code dir} as one record value, byte for byte, keyed by its file name. */
    private static int publishRaw(Path dir, String bootstrapServers, String topic, PrintWriter out) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Path file : files) {
                out.printf("Sending %s as raw bytes (a producer that does not speak the Article schema)%n", file);
                producer.send(new ProducerRecord<>(topic, file.getFileName().toString().getBytes(),
                        Files.readAllBytes(file))).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending raw samples", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Kafka refused a raw sample: " + e.getCause().getMessage(), e.getCause());
        }
        return files.size();
    }
}
