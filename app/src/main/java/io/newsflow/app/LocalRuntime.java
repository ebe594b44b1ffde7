package io.newsflow.app;

import io.newsflow.broker.EmbeddedKafkaBroker;
import io.newsflow.processing.EnrichmentJob;
import io.newsflow.processing.EnrichmentJobConfig;
import io.newsflow.processing.KafkaConnectors;
import io.newsflow.processing.StartupChecks;
import io.newsflow.processing.functions.EngineFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.metrics.prometheus.PrometheusReporterFactory;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline on one machine: a real Kafka broker (KRaft, in this JVM) with the three topics, and the
 * enrichment job on a Flink MiniCluster reading from and writing to it, with RocksDB state and incremental
 * checkpoints under the data directory. {@code ./newsflow demo} and
 * {@code ./newsflow up} run on it; other tools reach the broker at {@link #bootstrapServers()}.
 */
public final class LocalRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);

    /**
     * How to run: where the broker keeps its data, its client port (0: any free port), the job's options
     * (its bootstrap servers are replaced by the embedded broker's), partitions per topic, job parallelism,
     * how often the job checkpoints (an exactly-once consumer sees results once per checkpoint), the port
     * of the Prometheus endpoint with Flink's metrics (-1: none), and whether the job's state lives on from one
     * run to the next in the data directory ({@link SavedState}): the job resumes from the state saved there
     * and saves its state there when it stops.
     */
    public record Settings(Path dataDir, int port, EnrichmentJobConfig job, int partitions, int parallelism,
                           Duration checkpointInterval, int metricsPort, boolean keepState) {

        /** A throw-away runtime: a new job, whose state goes with it. */
        public Settings(Path dataDir, int port, EnrichmentJobConfig job, int partitions, int parallelism,
                        Duration checkpointInterval, int metricsPort) {
            this(dataDir, port, job, partitions, parallelism, checkpointInterval, metricsPort, false);
        }

        /** A throw-away runtime without a metrics endpoint. */
        public Settings(Path dataDir, int port, EnrichmentJobConfig job, int partitions, int parallelism,
                        Duration checkpointInterval) {
            this(dataDir, port, job, partitions, parallelism, checkpointInterval, -1);
        }

        public Settings {
            if (metricsPort != -1 && (metricsPort < 1 || metricsPort > 65535)) {
                throw new IllegalArgumentException("--metrics-port must be 1..65535, or -1 for none, got " + metricsPort);
            }
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

    /** The reporter's name in Flink's configuration: {@code metrics.reporter.prom.*}. */
    static final String PROMETHEUS_REPORTER = "prom";

    /** How long a stopping runtime waits for its savepoint, and a resuming one for its job to restore. */
    private static final Duration STATE_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedKafkaBroker broker;
    private final EnrichmentJobConfig job;
    private final JobClient jobClient;
    private final Settings settings;
    private final Path resumedFrom;
    private Path savedTo;
    private Admin admin;
    private boolean closed;

    private LocalRuntime(EmbeddedKafkaBroker broker, EnrichmentJobConfig job, JobClient jobClient, Settings settings,
                         Path resumedFrom) {
        this.broker = broker;
        this.job = job;
        this.jobClient = jobClient;
        this.settings = settings;
        this.resumedFrom = resumedFrom;
    }

    public static LocalRuntime start(Settings settings) throws Exception {
        return start(settings, EngineFactory.standard());
    }

    /** Starts the runtime with another engine in the job ({@code bench} runs a no-op one). */
    public static LocalRuntime start(Settings settings, EngineFactory engine) throws Exception {
        if (settings.metricsPort() > 0) {
            checkFree(settings.metricsPort(), "metrics", "--metrics-port");
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings.dataDir().resolve("kafka"), settings.port(), Map.of());
        try {
            EnrichmentJobConfig job = settings.job().withBootstrapServers(broker.bootstrapServers());
            broker.createTopics(settings.partitions(), job.inputTopic(), job.outputTopic(), job.dlqTopic());
            broker.createTopics(List.of(controlTopic(job)));
            Path resumeFrom = settings.keepState() ? SavedState.latest(settings.dataDir()).orElse(null) : null;
            JobClient client;
            try {
                client = submit(settings, job, engine, resumeFrom);
            } catch (Exception e) {
                if (resumeFrom == null) {
                    throw e;
                }
                throw cannotResume(resumeFrom, rootMessage(e), e);
            }
            if (resumeFrom != null) {
                awaitRestored(client, resumeFrom);
                LOG.info("Enrichment job {} resumed from {} on a local MiniCluster", client.getJobID(), resumeFrom);
            } else {
                LOG.info("Enrichment job {} running on a local MiniCluster", client.getJobID());
            }
            return new LocalRuntime(broker, job, client, settings, resumeFrom);
        } catch (Exception | Error e) {
            broker.close();
            throw e;
        }
    }

    /**
     * Refuses a port something else holds, before anything starts: Flink's reporter only logs a port it cannot bind,
     * and {@code up}'s HTTP endpoint would find out only after the broker and the job had started.
     *
     * @param what what the port is for ("metrics"), for the message
     * @param option the option that chooses the port
     */
    static void checkFree(int port, String what, String option) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            // free now; its server binds it moments later
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serve " + what + " on port " + port + " (" + e.getMessage()
                    + "): choose another with " + option + ", or -1 for none", e);
        }
    }

    /**
     * Waits until a job restoring saved state runs: a state that does not fit the job (saved by another version of
     * it) fails the job at once, and the runtime says so instead of starting without it.
     */
    private static void awaitRestored(JobClient client, Path state) throws Exception {
        long deadline = System.nanoTime() + STATE_TIMEOUT.toNanos();
        JobStatus status = client.getJobStatus().get(STATE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        while (status != JobStatus.RUNNING && !status.isGloballyTerminalState() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            status = client.getJobStatus().get(STATE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        if (status.isGloballyTerminalState()) {
            String ended = status.toString();
            String reason = client.getJobExecutionResult().handle((result, e) -> e == null ? ended : rootMessage(e))
                    .get(STATE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            throw cannotResume(state, reason, null);
        }
    }

    private static IllegalStateException cannotResume(Path state, String reason, Exception cause) {
        return new IllegalStateException("cannot resume the job from its saved state in " + state + ": " + reason
                + " (move it out of " + state.getParent() + " to start without it)", cause);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static JobClient submit(Settings settings, EnrichmentJobConfig job, EngineFactory engine, Path resumeFrom)
            throws Exception {
        StartupChecks.check(job);
        Configuration flink = new Configuration();
        flink.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, settings.checkpointInterval());
        flink.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                settings.dataDir().resolve(SavedState.CHECKPOINTS).toAbsolutePath().toUri().toString());
        if (settings.keepState()) {
            // a run that cannot write its savepoint when it stops keeps its checkpoints for the next one
            flink.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        }
        if (resumeFrom != null) {
            flink.set(StateRecoveryOptions.SAVEPOINT_PATH, resumeFrom.toAbsolutePath().toUri().toString());
        }
        flink.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        // The dedup state keeps every article id for --dedup-ttl (7 days). As on the cluster, RocksDB holds it off
        // the heap and each checkpoint writes what changed since the last one; the heap backend would serialize
        // the whole state at every checkpoint, a cost that grows with every article the job has seen.
        // A run killed before it could clean up leaves its RocksDB instances behind; nothing reuses them (each run is
        // a new job), and the broker, started first, holds the data directory's lock.
        Path rocksDb = settings.dataDir().resolve("rocksdb").toAbsolutePath();
        WorkDirs.deleteRecursively(rocksDb);
        flink.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        flink.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        flink.set(RocksDBOptions.LOCAL_DIRECTORIES, rocksDb.toString());
        // Running counters reach the client with the task heartbeats: beat often on one machine.
        flink.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
        if (settings.metricsPort() > 0) {
            // Flink's Prometheus reporter serves every metric of the MiniCluster: the job's counters, the Kafka
            // source's offsets and pending records, checkpoints, the JVM. The cluster (docker-compose.yml) uses the same.
            String reporter = "metrics.reporter." + PROMETHEUS_REPORTER + ".";
            flink.setString(reporter + "factory.class", PrometheusReporterFactory.class.getName());
            flink.setString(reporter + "port", String.valueOf(settings.metricsPort()));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(settings.parallelism(), flink);
        EnrichmentJob.prepare(env, job);
        EnrichmentJob.define(env, job, KafkaConnectors.articles(job), KafkaConnectors.knowledgeUpdates(job),
                engine, KafkaConnectors.enriched(job), KafkaConnectors.deadLetters(job));
        return env.executeAsync(EnrichmentJob.JOB_NAME);
    }

    /** The control topic: one partition, compacted, so the latest knowledge update is kept. */
    static NewTopic controlTopic(EnrichmentJobConfig job) {
        return new NewTopic(job.controlTopic(), 1, (short) 1).configs(Map.of("cleanup.policy", "compact"));
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

    /** The saved state the job resumed from, if it did. */
    public Optional<Path> resumedFrom() {
        return Optional.ofNullable(resumedFrom);
    }

    /** The savepoint the job's state was saved to when the runtime closed, if it was. */
    public synchronized Optional<Path> savedTo() {
        return Optional.ofNullable(savedTo);
    }

    /** The port of the Prometheus endpoint, or -1 if there is none. */
    public int metricsPort() {
        return settings.metricsPort();
    }

    /**
     * How far the job's consumer group is behind on each partition of the input topic: the last stable offset
     * (what a read_committed consumer can read) minus the offset the group committed, or minus the partition's
     * first offset while the group has committed none. The job commits its offsets when a checkpoint completes,
     * so this includes what it read since the last one.
     */
    public synchronized Map<TopicPartition, Long> lag() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        }
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(job.inputTopic())).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(job.inputTopic()).partitions().stream()
                    .map(p -> new TopicPartition(job.inputTopic(), p.partition())).toList();
            ListOffsetsOptions committedOnly = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
            var end = admin.listOffsets(specs(partitions, OffsetSpec.latest()), committedOnly).all().get(10, TimeUnit.SECONDS);
            var start = admin.listOffsets(specs(partitions, OffsetSpec.earliest()), committedOnly).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(job.groupId())
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, Long> lag = new TreeMap<>(Comparator.comparingInt(TopicPartition::partition));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                long from = done == null ? start.get(partition).offset() : done.offset();
                lag.put(partition, Math.max(0, end.get(partition).offset() - from));
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the consumer lag", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the consumer lag: " + e.getMessage(), e);
        }
    }

    private static Map<TopicPartition, OffsetSpec> specs(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        partitions.forEach(p -> specs.put(p, spec));
        return specs;
    }

    /** A counter of the running job ({@link io.newsflow.processing.functions.PipelineCounters}), 0 until it counts. */
    public long counter(String name) {
        return counters().getOrDefault(name, 0L);
    }

    /** The running job's counters by name, as its tasks last reported them (with their heartbeats). */
    public Map<String, Long> counters() {
        try {
            Map<String, Long> counters = new HashMap<>();
            jobClient.getAccumulators().get(10, TimeUnit.SECONDS).forEach((name, value) -> {
                if (value instanceof Number number) {
                    counters.put(name, number.longValue());
                }
            });
            return counters;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the job's counters", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the job's counters: " + e.getMessage(), e);
        }
    }

    /**
     * Stops the job — with a savepoint in the data directory if its state lives on ({@link Settings#keepState()}),
     * else by cancelling it — waits for it to stop, then stops the broker. Closing again does nothing.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            Path savepoint = settings.keepState() ? stopWithSavepoint() : null;
            if (savepoint == null) {
                jobClient.cancel().get(30, TimeUnit.SECONDS);
            }
            jobClient.getJobExecutionResult().handle((r, e) -> null).get(30, TimeUnit.SECONDS);
            if (savepoint != null) {
                synchronized (this) {
                    savedTo = savepoint;
                }
                LOG.info("Job state saved to {}", savepoint);
                // the job has stopped: nothing uses the older state any more
                SavedState.keepOnly(settings.dataDir(), savepoint);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Job did not stop cleanly: {}", e.toString());
        } finally {
            synchronized (this) {
                if (admin != null) {
                    admin.close(Duration.ofSeconds(5));
                }
            }
            broker.close();
        }
    }

    /** Stops the job with a savepoint in the data directory; its location, or null if the savepoint failed. */
    private Path stopWithSavepoint() throws InterruptedException {
        Path savepoints = settings.dataDir().resolve(SavedState.SAVEPOINTS).toAbsolutePath();
        try {
            String location = jobClient.stopWithSavepoint(false, savepoints.toUri().toString(),
                    SavepointFormatType.CANONICAL).get(STATE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return Path.of(URI.create(location));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            LOG.warn("Could not save the job's state ({}); the next start resumes from its last checkpoint",
                    rootMessage(e));
            return null;
        }
    }
}
