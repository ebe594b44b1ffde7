package io.newsflow.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.processing.enrich.NewsEnrichmentEngine;
import io.newsflow.processing.enrich.EnrichmentEngine;
import io.newsflow.processing.functions.EngineFactory;
import io.newsflow.processing.functions.HookedEngine;
import io.newsflow.processing.functions.PipelineCounters;
import io.newsflow.processing.functions.TestRecords;
import io.newsflow.schemas.Article;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.FailureStage;
import io.newsflow.schemas.serde.ArticleSerde;
import io.newsflow.schemas.serde.DeadLetterSerde;
import io.newsflow.schemas.serde.EnrichedArticleSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pipeline end to end on a real broker and a real Flink MiniCluster: articles and broken records go in,
 * every article comes out enriched exactly once for a read_committed consumer, and every broken record comes
 * out as a dead letter with its reason. Subclasses say which broker (embedded, or a container).
 */
abstract class EnrichmentPipelineScenario {

    static final int ARTICLES = 400;
    static final int MAX_BODY_BYTES = 100_000;
    static final int RESENDS = 20;
    static final int UPDATES = 10;
    /** An article in German: enriched, flagged by its language, never dead-lettered. */
    static final String GERMAN = "german";

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    /** The broker under test, {@code host:port}. */
    abstract String bootstrapServers();

    @Test
    void everyArticleIsEnrichedOnceAndEveryBrokenRecordIsDeadLettered() throws Exception {
        String run = UUID.randomUUID().toString();
        EnrichmentJobConfig config = EnrichmentJobConfig.fromArgs(new String[] {"--max-body-bytes", String.valueOf(MAX_BODY_BYTES)})
                .withBootstrapServers(bootstrapServers())
                .withTopics("articles-" + run, "enriched-" + run, "dlq-" + run)
                .withGroup("group-" + run, "tx-" + run);
        createTopics(config);

        List<String> ids = publish(config.inputTopic(), 0, ARTICLES);
        List<String> updated = publishResendsAndUpdates(config.inputTopic());
        Map<String, String> broken = publishBrokenRecords(config.inputTopic());
        publishGermanArticle(config.inputTopic());

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(500);
        // no restarts: a broken record that threw would fail this run instead of being retried unseen
        env.configure(new org.apache.flink.configuration.Configuration()
                .set(org.apache.flink.configuration.RestartStrategyOptions.RESTART_STRATEGY, "none"));
        EnrichmentJob.prepare(env, config);
        EnrichmentJob.define(env, config, TestSources.bounded(config), FailsOnBoom.FACTORY,
                KafkaConnectors.enriched(config), KafkaConnectors.deadLetters(config));
        org.apache.flink.api.common.JobExecutionResult result = env.execute("pipeline-test-" + run);

        List<EnrichedArticle> all = readAll(config.outputTopic(), new EnrichedArticleSerde.Deserializer(),
                ARTICLES + UPDATES + 1);
        assertThat(all).filteredOn(e -> e.getArticle().getId().equals(GERMAN)).singleElement().satisfies(e -> {
            assertThat(e.getLanguage()).isEqualTo("de");
            assertThat(e.getTopics()).isEmpty();
            assertThat(e.getEntities()).extracting(x -> x.getName()).contains("Berlin");
        });
        List<EnrichedArticle> enriched = all.stream().filter(e -> !e.getArticle().getId().equals(GERMAN)).toList();
        assertThat(enriched).filteredOn(e -> !e.getIsUpdate()).extracting(e -> e.getArticle().getId())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(enriched).filteredOn(EnrichedArticle::getIsUpdate).extracting(e -> e.getArticle().getId())
                .containsExactlyInAnyOrderElementsOf(updated);
        assertThat(enriched).allSatisfy(e -> {
            assertThat(e.getLanguage()).isEqualTo("en");
            assertThat(e.getEntities()).extracting(x -> x.getName()).contains("Elon Musk", "OpenAI", "Memphis");
            assertThat(e.getTopics().get(0).getCode()).isEqualTo("medtop:13000000");
        });

        List<DeadLetter> letters = readAll(config.dlqTopic(), new DeadLetterSerde.Deserializer(), broken.size());
        Map<String, String> reasons = letters.stream().collect(Collectors.toMap(
                l -> new String(l.getKey().array(), StandardCharsets.UTF_8), DeadLetter::getReason));
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(broken);
        assertThat(letters).allSatisfy(l -> assertThat(l.getSourceTopic()).isEqualTo(config.inputTopic()));
        assertThat(letters).filteredOn(l -> l.getStage() == FailureStage.ENRICH).hasSize(1);

        // nothing lost: every record read was enriched, dead-lettered or dropped as a duplicate
        long in = result.<Long>getAccumulatorResult(PipelineCounters.RECORDS_IN);
        assertThat(in).isEqualTo(ARTICLES + RESENDS + UPDATES + 1 + broken.size());
        assertThat(result.<Long>getAccumulatorResult(PipelineCounters.ENRICHED)).isEqualTo(ARTICLES + UPDATES + 1);
        assertThat(result.<Long>getAccumulatorResult(PipelineCounters.DEAD_LETTERED)).isEqualTo(broken.size());
        assertThat(result.<Long>getAccumulatorResult(PipelineCounters.DUPLICATES)).isEqualTo(RESENDS);
        assertThat(result.<Long>getAccumulatorResult(PipelineCounters.UPDATES)).isEqualTo(UPDATES);
    }

    @Test
    void aJobThatFailsMidStreamRecoversWithNothingLostAndNothingTwice() throws Exception {
        List<String> ids = new ArrayList<>();
        String outputTopic = crashMidStream(DeliveryGuarantee.EXACTLY_ONCE, ids);
        List<EnrichedArticle> enriched = readAll(outputTopic, new EnrichedArticleSerde.Deserializer(), ids.size());

        assertThat(enriched).extracting(e -> e.getArticle().getId())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void atLeastOnceLosesNothingAcrossAFailure() throws Exception {
        List<String> ids = new ArrayList<>();
        String outputTopic = crashMidStream(DeliveryGuarantee.AT_LEAST_ONCE, ids);

        // the trade-off: records between the last checkpoint and the failure may be written twice
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (KafkaConsumer<String, EnrichedArticle> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()), new StringDeserializer(),
                new EnrichedArticleSerde.Deserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, 2).mapToObj(p -> new TopicPartition(outputTopic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value().getArticle().getId()));
                return seen.containsAll(ids);
            });
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aJobStoppedWithASavepointResumesFromItWithNothingLostAndNothingTwice() throws Exception {
        EnrichmentJobConfig config = newRun();

        List<String> ids = new ArrayList<>(publish(config.inputTopic(), 0, 1000));
        org.apache.flink.core.execution.JobClient first = startUnbounded(config, new org.apache.flink.configuration.Configuration());
        readAll(config.outputTopic(), new EnrichedArticleSerde.Deserializer(), 1000);
        org.apache.flink.configuration.Configuration resume = stopWithSavepoint(first);

        ids.addAll(publish(config.inputTopic(), 1000, 2000));
        org.apache.flink.core.execution.JobClient second = startUnbounded(config, resume);
        try {
            List<EnrichedArticle> enriched = readAll(config.outputTopic(), new EnrichedArticleSerde.Deserializer(), 2000);

            assertThat(enriched).extracting(e -> e.getArticle().getId())
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            second.cancel().get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void aJobRescaledThroughASavepointKeepsItsDedupStateAndLosesNothing() throws Exception {
        EnrichmentJobConfig config = newRun();

        List<String> ids = new ArrayList<>(publish(config.inputTopic(), 0, 600));
        // one subtask: every key group of the dedup state, both partitions of the source
        org.apache.flink.core.execution.JobClient first = startUnbounded(config,
                new org.apache.flink.configuration.Configuration(), 1);
        readAll(config.outputTopic(), new EnrichedArticleSerde.Deserializer(), 600);
        org.apache.flink.configuration.Configuration resume = stopWithSavepoint(first);

        // unchanged re-sends of articles the first run enriched must be recognised by whichever subtask now
        // holds their key; articles sent again with new text are updates
        List<String> updated = publishResendsAndUpdates(config.inputTopic());
        ids.addAll(publish(config.inputTopic(), 600, 1200));
        org.apache.flink.core.execution.JobClient second = startUnbounded(config, resume, 2);
        try {
            List<EnrichedArticle> enriched = readAll(config.outputTopic(), new EnrichedArticleSerde.Deserializer(),
                    1200 + UPDATES);

            assertThat(enriched).filteredOn(e -> !e.getIsUpdate()).extracting(e -> e.getArticle().getId())
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(ids);
            assertThat(enriched).filteredOn(EnrichedArticle::getIsUpdate).extracting(e -> e.getArticle().getId())
                    .containsExactlyInAnyOrderElementsOf(updated);
        } finally {
            second.cancel().get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** A run's own topics (created), consumer group and transactional ids. */
    private EnrichmentJobConfig newRun() throws Exception {
        String run = UUID.randomUUID().toString();
        EnrichmentJobConfig config = EnrichmentJobConfig.defaults()
                .withBootstrapServers(bootstrapServers())
                .withTopics("articles-" + run, "enriched-" + run, "dlq-" + run)
                .withGroup("group-" + run, "tx-" + run);
        createTopics(config);
        return config;
    }

    /** Stops the job with a savepoint under {@code target/}; returns the settings of a job resuming from it. */
    private static org.apache.flink.configuration.Configuration stopWithSavepoint(
            org.apache.flink.core.execution.JobClient job) throws Exception {
        java.nio.file.Path savepoints = java.nio.file.Files.createDirectories(
                java.nio.file.Path.of("target", "savepoints-" + job.getJobID())).toAbsolutePath();
        String savepoint = job.stopWithSavepoint(false, savepoints.toUri().toString(),
                org.apache.flink.core.execution.SavepointFormatType.CANONICAL).get(60, java.util.concurrent.TimeUnit.SECONDS);
        org.apache.flink.configuration.Configuration resume = new org.apache.flink.configuration.Configuration();
        resume.set(org.apache.flink.configuration.StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        return resume;
    }

    private org.apache.flink.core.execution.JobClient startUnbounded(EnrichmentJobConfig config,
            org.apache.flink.configuration.Configuration settings) throws Exception {
        return startUnbounded(config, settings, 2);
    }

    private org.apache.flink.core.execution.JobClient startUnbounded(EnrichmentJobConfig config,
            org.apache.flink.configuration.Configuration settings, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(settings);
        env.setParallelism(parallelism);
        env.enableCheckpointing(300);
        EnrichmentJob.prepare(env, config);
        EnrichmentJob.define(env, config, KafkaConnectors.articles(config), EngineFactory.standard(),
                KafkaConnectors.enriched(config), KafkaConnectors.deadLetters(config));
        return env.executeAsync("savepoint-test");
    }

    /** Publishes articles {@code from} (inclusive) to {@code to} (exclusive) and waits for their acknowledgements. */
    private List<String> publish(String topic, int from, int to) throws Exception {
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(producerConfig(),
                new StringSerializer(), new ArticleSerde.Serializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = from; i < to; i++) {
                Article article = article(i);
                sent.add(producer.send(new ProducerRecord<>(topic, article.getId(), article)));
                ids.add(article.getId());
            }
            for (java.util.concurrent.Future<?> ack : sent) {
                ack.get();
            }
        }
        return ids;
    }

    /** Runs the job over 3,000 articles with a task failure three quarters in; returns its output topic. */
    private String crashMidStream(DeliveryGuarantee guarantee, List<String> ids) throws Exception {
        String run = UUID.randomUUID().toString();
        EnrichmentJobConfig config = EnrichmentJobConfig.defaults()
                .withBootstrapServers(bootstrapServers())
                .withTopics("articles-" + run, "enriched-" + run, "dlq-" + run)
                .withGroup("group-" + run, "tx-" + run)
                .withDeliveryGuarantee(guarantee);
        createTopics(config);
        int count = 3000;
        ids.addAll(publish(config.inputTopic(), 0, count)); // every article is in the topic before the job starts

        org.apache.flink.configuration.Configuration restarts = new org.apache.flink.configuration.Configuration();
        restarts.set(org.apache.flink.configuration.RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(org.apache.flink.configuration.RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        restarts.set(org.apache.flink.configuration.RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY,
                Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(restarts);
        env.setParallelism(2);
        env.enableCheckpointing(200);
        EnrichmentJob.prepare(env, config);
        CrashOnce.reset("article-" + (count * 3 / 4));
        EnrichmentJob.define(env, config, TestSources.bounded(config), CrashOnce.FACTORY,
                KafkaConnectors.enriched(config), KafkaConnectors.deadLetters(config));
        env.execute("crash-test-" + run);

        assertThat(CrashOnce.crashed()).as("the injected failure happened").isTrue();
        assertThat(readAllAvailable(config.dlqTopic())).as("no dead letters").isZero();
        return config.outputTopic();
    }

    private int readAllAvailable(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, 2).mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            int records = 0;
            long end = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (partitions.stream().mapToLong(consumer::position).sum() < end && System.nanoTime() < deadline) {
                records += consumer.poll(Duration.ofMillis(200)).count();
            }
            return records;
        }
    }

    /**
     * A test hook: the real engine, which fails the task — an Error, not a data problem the job would
     * dead-letter — the first time it meets one chosen article, so that the job restarts from its last checkpoint.
     */
    static final class CrashOnce extends HookedEngine {
        static final EngineFactory FACTORY = () -> new CrashOnce(NewsEnrichmentEngine.loadDefault());
        private static final java.util.concurrent.atomic.AtomicBoolean CRASHED = new java.util.concurrent.atomic.AtomicBoolean();
        private static volatile String victim;

        CrashOnce(EnrichmentEngine delegate) {
            super(delegate);
        }

        static void reset(String articleTitleSuffix) {
            victim = "Title of " + articleTitleSuffix;
            CRASHED.set(false);
        }

        static boolean crashed() {
            return CRASHED.get();
        }

        @Override
        protected void hook(String title) {
            if (victim.equals(title) && CRASHED.compareAndSet(false, true)) {
                throw new AssertionError("injected failure: the task dies here once");
            }
        }
    }

    /** Sends the first articles again unchanged (re-sends), then the next ones with new text (updates). */
    private List<String> publishResendsAndUpdates(String topic) {
        List<String> updated = new ArrayList<>();
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(producerConfig(),
                new StringSerializer(), new ArticleSerde.Serializer())) {
            for (int i = 0; i < RESENDS; i++) {
                Article article = article(i);
                producer.send(new ProducerRecord<>(topic, article.getId(), article));
            }
            for (int i = RESENDS; i < RESENDS + UPDATES; i++) {
                Article article = article(i);
                article.setBody(article.getBody() + " Updated with a correction.");
                producer.send(new ProducerRecord<>(topic, article.getId(), article));
                updated.add(article.getId());
            }
        }
        return updated;
    }

    private static Article article(int i) {
        return TestRecords.article("article-" + i, "Elon Musk met OpenAI engineers in Memphis "
                + "to talk about artificial intelligence and the data center for model number " + i + ".");
    }

    private void createTopics(EnrichmentJobConfig config) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(config.inputTopic(), 2, (short) 1),
                    new NewTopic(config.outputTopic(), 2, (short) 1),
                    new NewTopic(config.dlqTopic(), 2, (short) 1))).all().get();
            // Wait for every partition's leader: a first batch refused by a partition that is not ready yet, then
            // retried after later batches were taken, fails the idempotent producer (OutOfOrderSequenceException).
            List<String> topics = List.of(config.inputTopic(), config.outputTopic(), config.dlqTopic());
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> admin.describeTopics(topics).allTopicNames().get()
                    .values().stream().flatMap(d -> d.partitions().stream()).allMatch(p -> p.leader() != null));
        }
    }

    /** Sends one record of each kind of breakage, keyed by its name; returns name -> expected reason. */
    private Map<String, String> publishBrokenRecords(String topic) throws Exception {
        Map<String, byte[]> records = new HashMap<>();
        Map<String, String> reasons = new HashMap<>();
        records.put("garbage", "\u0000\u0001 not avro".getBytes(StandardCharsets.UTF_8));
        reasons.put("garbage", "not Avro single-object encoding: expected header C3 01, got 00 01 20 6E (11 bytes)");
        records.put("tombstone", null);
        reasons.put("tombstone", "value is null (tombstone)");
        records.put("empty", new byte[0]);
        reasons.put("empty", "value is empty (0 bytes)");
        Article future = TestRecords.article("future", "From the future.");
        future.setPublishedAt(Instant.parse("2099-01-01T00:00:00Z"));
        records.put("future", TestRecords.encode(future));
        reasons.put("future", "published_at 2099-01-01T00:00:00Z is in the future");
        records.put("blank", TestRecords.encode(TestRecords.article("blank", "  ")));
        reasons.put("blank", "body is whitespace only (2 characters)");
        records.put("wrong-key", TestRecords.encode(TestRecords.article("some-other-id", "A body long enough to be an article.")));
        reasons.put("wrong-key", "record key 'wrong-key' differs from article id 'some-other-id'");
        records.put("boom", TestRecords.encode(TestRecords.article("boom", "A body long enough to be an article.")));
        reasons.put("boom", "engine failed on purpose");
        byte[] letter = io.newsflow.schemas.serde.AvroCodec.of(DeadLetter.class).encode(DeadLetter.newBuilder()
                .setSourceTopic("t").setSourcePartition(0).setSourceOffset(0).setStage(FailureStage.DECODE)
                .setErrorClass("E").setReason("r").setFailedAt(Instant.EPOCH).build());
        records.put("other-schema", letter);
        reasons.put("other-schema", "unknown schema fingerprint " + java.util.HexFormat.of().formatHex(letter, 2, 10)
                + ": not a known version of Article");
        byte[] unknown = TestRecords.encode(TestRecords.article("unknown-fingerprint", "A body long enough to be an article."));
        java.util.Arrays.fill(unknown, 2, 10, (byte) 0x5A);
        records.put("unknown-fingerprint", unknown);
        reasons.put("unknown-fingerprint", "unknown schema fingerprint 5a5a5a5a5a5a5a5a: not a known version of Article");
        records.put("no-id", TestRecords.encode(TestRecords.article("", "A body long enough to be an article.")));
        reasons.put("no-id", "article id is empty");
        records.put("empty-body", TestRecords.encode(TestRecords.article("empty-body", "")));
        reasons.put("empty-body", "body is empty");
        records.put("binary", TestRecords.encode(TestRecords.article("binary", "JFIF\u0000\u0001\u0002 image bytes")));
        reasons.put("binary", "body is binary, not text (control character 0x00 at offset 4)");
        byte[] whole = TestRecords.encode(TestRecords.article("truncated", "A body long enough to be an article."));
        records.put("truncated", java.util.Arrays.copyOf(whole, 14));
        reasons.put("truncated", "truncated or corrupt Article body (14 bytes): EOFException");
        records.put("one-char", TestRecords.encode(TestRecords.article("one-char", "x")));
        reasons.put("one-char", "body is 1 character, shorter than the minimum of 10");
        records.put("pdf", TestRecords.encode(TestRecords.article("pdf", "%PDF-1.7 and then binary bytes")));
        reasons.put("pdf", "body is a PDF document, not text");
        records.put("html", TestRecords.encode(TestRecords.article("html", "<html><body><p>Breaking news</p></body></html>")));
        reasons.put("html", "body is HTML, not text: convert it to text before publishing");
        byte[] utf8 = TestRecords.encode(TestRecords.article("bad-utf8", "Caf\u00e9 society is back in fashion."));
        replace(utf8, new byte[] {(byte) 0xC3, (byte) 0xA9}, new byte[] {(byte) 0xFF, (byte) 0xFE});
        records.put("bad-utf8", utf8);
        reasons.put("bad-utf8", "body holds invalid UTF-8 (a replacement character at offset 3)");
        Article badUrl = TestRecords.article("bad-url", "A body long enough to be an article.");
        badUrl.setUrl("ht!tp://not a url");
        records.put("bad-url", TestRecords.encode(badUrl));
        reasons.put("bad-url", "url 'ht!tp://not a url' is malformed: Illegal character in scheme name");
        records.put("too-long", TestRecords.encode(TestRecords.article("too-long", "word ".repeat(30_000))));
        reasons.put("too-long", "body is 150000 bytes, over the limit of " + MAX_BODY_BYTES + " bytes");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Map.Entry<String, byte[]> record : records.entrySet()) {
                producer.send(new ProducerRecord<>(topic, record.getKey().getBytes(StandardCharsets.UTF_8), record.getValue()));
            }
        }
        return reasons;
    }

    private void publishGermanArticle(String topic) throws Exception {
        Article article = TestRecords.article(GERMAN, "Der Bundeskanzler ist am Montag nach Berlin "
                + "zurückgekehrt. Die Gespräche über die Zukunft der Union dauerten bis in den Abend, und es wurde "
                + "nicht über Zölle gesprochen.");
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(producerConfig(),
                new StringSerializer(), new ArticleSerde.Serializer())) {
            producer.send(new ProducerRecord<>(topic, article.getId(), article)).get();
        }
    }

    private static void replace(byte[] bytes, byte[] find, byte[] with) {
        for (int i = 0; i + find.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + find.length, find, 0, find.length)) {
                System.arraycopy(with, 0, bytes, i, with.length);
                return;
            }
        }
        throw new IllegalArgumentException("bytes to replace not found");
    }

    private Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
    }

    /** Reads a topic from the beginning as a read_committed consumer until {@code expected} records arrived. */
    private <V> List<V> readAll(String topic, Deserializer<V> deserializer, int expected) {
        List<V> values = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), deserializer)) {
            List<TopicPartition> partitions = IntStream.range(0, 2).mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size() >= expected;
            });
            // Anything beyond the expected count would be a duplicate: read once more to catch it.
            consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
        }
        return values;
    }

    /** A test hook: the real engine, failing on articles titled with "boom". */
    static final class FailsOnBoom extends HookedEngine {
        static final EngineFactory FACTORY = () -> new FailsOnBoom(NewsEnrichmentEngine.loadDefault());

        FailsOnBoom(EnrichmentEngine delegate) {
            super(delegate);
        }

        @Override
        protected void hook(String title) {
            if (title != null && title.contains("boom")) {
                throw new IllegalStateException("engine failed on purpose");
            }
        }
    }
}
