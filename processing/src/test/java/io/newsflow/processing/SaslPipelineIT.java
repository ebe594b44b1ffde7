package io.newsflow.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.broker.EmbeddedKafkaBroker;
import io.newsflow.broker.EmbeddedKafkaExtension;
import io.newsflow.processing.functions.EngineFactory;
import io.newsflow.processing.functions.TestRecords;
import io.newsflow.schemas.Article;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.serde.ArticleSerde;
import io.newsflow.schemas.serde.EnrichedArticleSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Security at the edges: the pipeline runs against a broker that wants SASL/PLAIN, with nothing but
 * {@code --kafka.*} settings; wrong credentials stop the job before it starts, with a clear message that does
 * not repeat the password.
 */
class SaslPipelineIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = EmbeddedKafkaExtension.withSaslPlain("admin-secret", Map.of("alice", "alice-secret"));

    private static String[] asAlice(String password) {
        List<String> args = new ArrayList<>();
        EmbeddedKafkaBroker.saslPlainClient("alice", password).forEach((k, v) -> {
            args.add("--kafka." + k);
            args.add(String.valueOf(v));
        });
        return args.toArray(String[]::new);
    }

    @Test
    void thePipelineRunsOverSaslWithKafkaSettingsAlone() throws Exception {
        String run = UUID.randomUUID().toString();
        EnrichmentJobConfig config = EnrichmentJobConfig.fromArgs(asAlice("alice-secret"))
                .withBootstrapServers(KAFKA.broker().bootstrapServers())
                .withTopics("articles-" + run, "enriched-" + run, "dlq-" + run).withControlTopic("control-" + run)
                .withGroup("group-" + run, "tx-" + run);
        KAFKA.broker().createTopics(2, config.inputTopic(), config.outputTopic(), config.dlqTopic(), config.controlTopic());
        StartupChecks.check(config);
        Map<String, Object> client = new HashMap<>(EmbeddedKafkaBroker.saslPlainClient("alice", "alice-secret"));
        client.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.broker().bootstrapServers());
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(client, new StringSerializer(),
                new ArticleSerde.Serializer())) {
            for (int i = 0; i < 50; i++) {
                Article article = TestRecords.article("secure-" + i, "Elon Musk spoke about OpenAI in Memphis, take " + i + ".");
                producer.send(new ProducerRecord<>(config.inputTopic(), article.getId(), article)).get();
                ids.add(article.getId());
            }
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(300);
        EnrichmentJob.prepare(env, config);
        EnrichmentJob.define(env, config, TestSources.bounded(config), EngineFactory.standard(),
                KafkaConnectors.enriched(config), KafkaConnectors.deadLetters(config));
        env.execute("sasl-" + run);

        List<String> seen = new ArrayList<>();
        client.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, EnrichedArticle> consumer = new KafkaConsumer<>(client, new StringDeserializer(),
                new EnrichedArticleSerde.Deserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(config.outputTopic(), 0),
                    new TopicPartition(config.outputTopic(), 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value().getArticle().getId()));
                return seen.size() >= ids.size();
            });
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void wrongCredentialsStopTheJobBeforeItStartsWithoutRepeatingThePassword() {
        String run = UUID.randomUUID().toString();
        EnrichmentJobConfig config = EnrichmentJobConfig.fromArgs(asAlice("not-the-password"))
                .withBootstrapServers(KAFKA.broker().bootstrapServers())
                .withTopics("articles-" + run, "enriched-" + run, "dlq-" + run);

        assertThatThrownBy(() -> StartupChecks.check(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot reach Kafka at " + KAFKA.broker().bootstrapServers())
                .hasMessageContaining("Authentication failed")
                .hasMessageNotContaining("not-the-password");
    }
}
