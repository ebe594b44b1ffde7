package io.newsflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafkaBroker;
import io.newsflow.processing.EnrichmentJob;
import io.newsflow.schemas.Article;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.serde.ArticleSerde;
import io.newsflow.schemas.serde.EnrichedArticleSerde;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The job jar on a real Flink cluster: a standalone session cluster (a JobManager and two TaskManagers, each its
 * own JVM, on the Flink distribution's jars), the jar that {@code ./mvnw package} builds submitted with
 * {@code flink run} at parallelism 2 against a real Kafka broker, exactly-once. Articles keep arriving while
 * one TaskManager is killed (SIGKILL) mid-stream; the job restarts on the other one from its last checkpoint,
 * and a read_committed consumer sees every article exactly once. The same path as a production cluster: client
 * JVM running the jar's main, job graph over REST, user-code class loading, RocksDB, checkpoints on disk.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class FlinkClusterIT {

    private static final int PARTITIONS = 2;
    /** Articles a second while the test runs: the job is never idle, before, during or after the failure. */
    private static final int BATCH = 10;
    private static final Duration BATCH_EVERY = Duration.ofMillis(100);

    private static Path workDir;
    private static EmbeddedKafkaBroker broker;
    private static StandaloneFlinkCluster flink;

    @BeforeAll
    static void startClusterAndBroker() throws Exception {
        workDir = Files.createDirectories(Path.of("target", "flink-cluster-" + UUID.randomUUID()).toAbsolutePath());
        broker = EmbeddedKafkaBroker.start(workDir.resolve("kafka"));
        flink = StandaloneFlinkCluster.start(workDir.resolve("flink"),
                StandaloneFlinkCluster.classpath(Path.of(property("newsflow.flink-classpath"))), clusterSettings(), 2);
    }

    /** As in docker-compose.yml (RocksDB, incremental checkpoints, 2 slots), with faster checkpoints and failure detection. */
    private static Map<String, String> clusterSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("taskmanager.numberOfTaskSlots", "2");
        // tasks spread over both TaskManagers; either can take the whole job when the other is lost
        settings.put("taskmanager.load-balance.mode", "SLOTS");
        settings.put("parallelism.default", "2");
        settings.put("state.backend.type", "rocksdb");
        settings.put("execution.checkpointing.incremental", "true");
        settings.put("execution.checkpointing.interval", "1s");
        settings.put("execution.checkpointing.dir", workDir.resolve("checkpoints").toUri().toString());
        settings.put("restart-strategy.type", "fixed-delay");
        settings.put("restart-strategy.fixed-delay.attempts", "30");
        settings.put("restart-strategy.fixed-delay.delay", "1s");
        // a lost TaskManager is noticed in seconds rather than the default 50
        settings.put("heartbeat.interval", "1000");
        settings.put("heartbeat.timeout", "5000");
        return settings;
    }

    @AfterAll
    static void stop() {
        try {
            if (flink != null) {
                flink.close();
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    @Test
    void theJobJarSurvivesALostTaskManagerWithEveryArticleEnrichedOnce() throws Exception {
        String run = UUID.randomUUID().toString();
        String input = "articles-" + run;
        String output = "enriched-" + run;
        String dlq = "dlq-" + run;
        String control = "control-" + run;
        broker.createTopics(PARTITIONS, input, output, dlq);
        broker.createTopics(1, control);

        String jobId = flink.submit(jobJar(), List.of("--bootstrap-servers", broker.bootstrapServers(),
                "--input-topic", input, "--output-topic", output, "--dlq-topic", dlq, "--control-topic", control,
                "--group-id", "group-" + run, "--transactional-id-prefix", "tx-" + run));
        Awaitility.await("job running").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> flink.isRunning(jobId));
        assertThat(flink.get("/jobs/" + jobId).path("name").asText()).isEqualTo(EnrichmentJob.JOB_NAME);
        // every vertex at parallelism 2 but the control topic's source: one partition, read by one subtask
        assertThat(flink.get("/jobs/" + jobId).path("vertices")).allSatisfy(v -> assertThat(v.path("parallelism").asInt())
                .isEqualTo(v.path("name").asText().equals("Source: knowledge updates") ? 1 : 2));

        try (Publisher publisher = new Publisher(input); CommittedOutput enriched = new CommittedOutput(output)) {
            enriched.awaitAtLeast(200, Duration.ofSeconds(60));
            assertThat(flink.taskManagersOf(jobId)).as("TaskManagers running the job").containsExactly("tm-1", "tm-2");
            String victim = "tm-1";
            int publishedBeforeKill = publisher.published();

            flink.kill(victim);

            // recovered: the job commits articles that were published after the failure
            enriched.awaitAtLeast(publishedBeforeKill + 200, Duration.ofSeconds(120));
            List<String> published = publisher.stop();
            assertThat(published.size()).as("articles published after the kill").isGreaterThan(publishedBeforeKill);
            enriched.awaitAll(published, Duration.ofSeconds(60));

            assertThat(enriched.ids()).as("0 lost, 0 twice (flink logs: %s)", flink.logDir())
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(published);
            assertThat(flink.get("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries"))
                    .as("the job failed over when it lost %s", victim).isNotEmpty()
                    .anySatisfy(failure -> assertThat(failure.path("stacktrace").asText()).contains(victim));
            assertThat(flink.taskManagersOf(jobId)).as("the job now runs on the TaskManager left").doesNotContain(victim);
            assertThat(flink.isRunning(jobId)).isTrue();
            assertThat(committedCount(dlq)).as("dead letters").isZero();
        }
    }

    private static Path jobJar() {
        Path jar = Path.of(property("newsflow.job-jar"));
        assertThat(jar).as("the job jar ./mvnw package builds").exists();
        return jar;
    }

    /** Publishes {@value #BATCH} articles every {@link #BATCH_EVERY} until stopped, and remembers their ids. */
    private static final class Publisher implements AutoCloseable {
        private final KafkaProducer<String, Article> producer;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final List<String> ids = new CopyOnWriteArrayList<>();
        private final List<Future<?>> acks = new CopyOnWriteArrayList<>();
        private final AtomicInteger next = new AtomicInteger();
        private final String topic;

        Publisher(String topic) {
            this.topic = topic;
            this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ArticleSerde.Serializer());
            timer.scheduleAtFixedRate(this::publishBatch, 0, BATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void publishBatch() {
            for (int i = 0; i < BATCH; i++) {
                Article article = article(next.getAndIncrement());
                acks.add(producer.send(new ProducerRecord<>(topic, article.getId(), article)));
                ids.add(article.getId());
            }
        }

        int published() {
            return ids.size();
        }

        /** Stops publishing, waits for every acknowledgement and returns the ids published. */
        List<String> stop() throws Exception {
            timer.shutdown();
            assertThat(timer.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            producer.flush();
            for (Future<?> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
            return List.copyOf(ids);
        }

        @Override
        public void close() {
            timer.shutdownNow();
            producer.close(Duration.ofSeconds(10));
        }

        private static Article article(int i) {
            String id = "article-" + i;
            String body = "Elon Musk met OpenAI engineers in Memphis to talk about the data center, story " + i + ".";
            return Article.newBuilder().setId(id).setTitle("Title of " + id).setBody(body).setAuthors(List.of())
                    .setIngestedAt(Instant.parse("2024-05-01T00:00:00Z"))
                    .setContentHash("sha256:" + Integer.toHexString(body.hashCode())).setMetadata(Map.of()).build();
        }
    }

    /** What a read_committed consumer sees of the output topic, from its beginning. */
    private static final class CommittedOutput implements AutoCloseable {
        private final KafkaConsumer<String, EnrichedArticle> consumer;
        private final List<TopicPartition> partitions;
        private final List<String> ids = new ArrayList<>();

        CommittedOutput(String topic) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new StringDeserializer(), new EnrichedArticleSerde.Deserializer());
            partitions = IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        void awaitAtLeast(int count, Duration timeout) {
            Awaitility.await(count + " articles committed").atMost(timeout).pollInSameThread().pollDelay(Duration.ZERO).until(() -> {
                poll();
                return ids.size() >= count;
            });
        }

        /** Waits until every expected id is in, then reads on to the end of what is committed. */
        void awaitAll(List<String> expected, Duration timeout) {
            Set<String> wanted = Set.copyOf(expected);
            Awaitility.await("every article committed").atMost(timeout).pollInSameThread().pollDelay(Duration.ZERO).until(() -> {
                poll();
                return ids.containsAll(wanted);
            });
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Awaitility.await("read to the end").atMost(timeout).pollInSameThread().pollDelay(Duration.ZERO).until(() -> {
                poll();
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }

        List<String> ids() {
            return Collections.unmodifiableList(ids);
        }

        private void poll() {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> ids.add(r.value().getArticle().getId()));
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /** How many records a read_committed consumer finds in the topic. */
    private static int committedCount(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            AtomicInteger records = new AtomicInteger();
            Awaitility.await("read " + topic).atMost(Duration.ofSeconds(30)).pollInSameThread().pollDelay(Duration.ZERO)
                    .until(() -> {
                        records.addAndGet(consumer.poll(Duration.ofMillis(200)).count());
                        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
                    });
            return records.get();
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s (set by the cluster-it pom)", name).isNotNull();
        return value;
    }
}
