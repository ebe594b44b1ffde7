package io.newsflow.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafkaExtension;
import io.newsflow.processing.enrich.EnrichmentEngine;
import io.newsflow.processing.enrich.NewsEnrichmentEngine;
import io.newsflow.processing.functions.EngineFactory;
import io.newsflow.processing.functions.HookedEngine;
import io.newsflow.processing.functions.TestRecords;
import io.newsflow.schemas.Article;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.serde.ArticleSerde;
import io.newsflow.schemas.serde.EnrichedArticleSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exactly-once across a broker restart: mid-stream the broker stops and starts again on the same log
 * directory; the job fails over, restores from its last checkpoint, and a read_committed consumer still sees
 * every article exactly once. Embedded broker only: it is the broker this test can stop.
 */
class BrokerRestartIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();
    private static final AtomicBoolean RESTARTED = new AtomicBoolean();
    private static volatile CompletableFuture<Void> restart = CompletableFuture.completedFuture(null);
    private static volatile String trigger;

    @Test
    void theBrokerRestartsMidStreamAndEveryArticleArrivesOnce() throws Exception {
        String run = UUID.randomUUID().toString();
        EnrichmentJobConfig config = EnrichmentJobConfig.defaults()
                .withBootstrapServers(KAFKA.broker().bootstrapServers())
                .withTopics("articles-" + run, "enriched-" + run, "dlq-" + run)
                .withGroup("group-" + run, "tx-" + run);
        KAFKA.broker().createTopics(2, config.inputTopic(), config.outputTopic(), config.dlqTopic());
        int count = 2000;
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.broker().bootstrapServers()),
                new StringSerializer(), new ArticleSerde.Serializer())) {
            for (int i = 0; i < count; i++) {
                Article article = TestRecords.article("article-" + i, "Elon Musk met OpenAI engineers in Memphis, "
                        + "story number " + i + ".");
                producer.send(new ProducerRecord<>(config.inputTopic(), article.getId(), article));
                ids.add(article.getId());
            }
        }

        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 30);
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(restarts);
        env.setParallelism(2);
        env.enableCheckpointing(300);
        EnrichmentJob.prepare(env, config);
        trigger = "Title of article-" + (count / 2);
        RESTARTED.set(false);
        EnrichmentJob.define(env, config, TestSources.bounded(config), RestartsBroker.FACTORY,
                KafkaConnectors.enriched(config), KafkaConnectors.deadLetters(config));
        env.execute("broker-restart-" + run);
        restart.get();

        assertThat(RESTARTED.get()).as("the broker restarted mid-stream").isTrue();
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, EnrichedArticle> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.broker().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new EnrichedArticleSerde.Deserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(config.outputTopic(), 0),
                    new TopicPartition(config.outputTopic(), 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value().getArticle().getId()));
                return seen.size() >= count;
            });
            consumer.poll(Duration.ofMillis(500)).forEach(r -> seen.add(r.value().getArticle().getId()));
        }
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
    }

    /** A test hook: the real engine, which restarts the broker (in the background) at one chosen article. */
    static final class RestartsBroker extends HookedEngine {
        static final EngineFactory FACTORY = () -> new RestartsBroker(NewsEnrichmentEngine.loadDefault());

        RestartsBroker(EnrichmentEngine delegate) {
            super(delegate);
        }

        @Override
        protected void hook(String title) {
            if (trigger.equals(title) && RESTARTED.compareAndSet(false, true)) {
                restart = CompletableFuture.runAsync(KAFKA.broker()::restart);
            }
        }
    }
}
