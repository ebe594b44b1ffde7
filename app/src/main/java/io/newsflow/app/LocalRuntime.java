package io.newsflow.app;

import io.newsflow.broker.EmbeddedKafkaBroker;
import io.newsflow.processing.EnrichmentJob;
import io.newsflow.processing.EnrichmentJobConfig;
import io.newsflow.processing.KafkaConnectors;
import io.newsflow.processing.StartupChecks;
import io.newsflow.processing.functions.EngineFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline on one machine: a real Kafka broker (KRaft, in this JVM) with the three topics, and the
 * enrichment job on a Flink MiniCluster reading from and writing to it. {@code ./newsflow demo} and
 * {@code ./newsflow up} run on it; other tools reach the broker at {@link #bootstrapServers()}.
 */
public final class LocalRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);

    /**
     * How to run: where the broker keeps its data, its client port (0: any free port), the job's options
     * (its bootstrap servers are replaced by the embedded broker's), partitions per topic, job parallelism and
     * how often the job checkpoints (an exactly-once consumer sees results once per checkpoint).
     */
    public record Settings(Path dataDir, int port, EnrichmentJobConfig job, int partitions, int parallelism,
                           Duration checkpointInterval) {
        public Settings {
            if (partitions < 1) {
                throw new IllegalArgumentException("--partitions must be >= 1, got " + partitions);
            }
            if (parallelism < 1) {
                throw new IllegalArgumentException("--parallelism must be >= 1, got " + parallelism);
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port must be 0..65535, got " + port);
            }
        }
    }

    private final EmbeddedKafkaBroker broker;
    private final EnrichmentJobConfig job;
    private final JobClient jobClient;

    private LocalRuntime(EmbeddedKafkaBroker broker, EnrichmentJobConfig job, JobClient jobClient) {
        this.broker = broker;
        this.job = job;
        this.jobClient = jobClient;
    }

    public static LocalRuntime start(Settings settings) throws Exception {
        return start(settings, EngineFactory.standard());
    }

    /** Starts the runtime with another engine in the job ({@code bench} runs a no-op one). */
    public static LocalRuntime start(Settings settings, EngineFactory engine) throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings.dataDir().resolve("kafka"), settings.port(), Map.of());
        try {
            EnrichmentJobConfig job = settings.job().withBootstrapServers(broker.bootstrapServers());
            broker.createTopics(settings.partitions(), job.inputTopic(), job.outputTopic(), job.dlqTopic());
            JobClient client = submit(settings, job, engine);
            LOG.info("Enrichment job {} running on a local MiniCluster", client.getJobID());
            return new LocalRuntime(broker, job, client);
        } catch (Exception | Error e) {
            broker.close();
            throw e;
        }
    }

    private static JobClient submit(Settings settings, EnrichmentJobConfig job, EngineFactory engine) throws Exception {
        StartupChecks.check(job);
        Configuration flink = new Configuration();
        flink.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, settings.checkpointInterval());
        flink.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, settings.dataDir().resolve("checkpoints").toUri().toString());
        flink.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        // Running counters reach the client with the task heartbeats: beat often on one machine.
        flink.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(settings.parallelism(), flink);
        EnrichmentJob.prepare(env, job);
        EnrichmentJob.define(env, job, KafkaConnectors.articles(job), engine,
                KafkaConnectors.enriched(job), KafkaConnectors.deadLetters(job));
        return env.executeAsync(EnrichmentJob.JOB_NAME);
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The job's options as it runs them (bootstrap servers pointing at the embedded broker). */
    public EnrichmentJobConfig job() {
        return job;
    }

    public JobClient jobClient() {
        return jobClient;
    }

    /** A counter of the running job ({@link io.newsflow.processing.functions.PipelineCounters}), 0 until it counts. */
    public long counter(String name) {
        try {
            Object value = jobClient.getAccumulators().get(10, TimeUnit.SECONDS).get(name);
            return value instanceof Number number ? number.longValue() : 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the job's counters", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the job's counters: " + e.getMessage(), e);
        }
    }

    /** Cancels the job, waits for it to stop, then stops the broker. */
    @Override
    public void close() {
        try {
            jobClient.cancel().get(30, TimeUnit.SECONDS);
            jobClient.getJobExecutionResult().handle((r, e) -> null).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Job did not stop cleanly: {}", e.toString());
        } finally {
            broker.close();
        }
    }
}
