package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafkaExtension;
import io.newsflow.schemas.Article;
import io.newsflow.schemas.serde.AvroCodec;
import io.newsflow.schemas.validate.ArticleValidator;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ingest edge against a real broker: what the publisher writes is what the job's decoder reads. */
class ArticlePublisherIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Test
    void publishesTheSamplesKeyedByIdInTheWireFormatTheJobDecodes() throws Exception {
        String topic = "articles-" + UUID.randomUUID();
        KAFKA.broker().createTopics(2, topic);

        Ingestor.Report report;
        try (ArticlePublisher publisher = new ArticlePublisher(KAFKA.broker().bootstrapServers(), topic, Map.of())) {
            report = ingestor(publisher).run(reader(), List.of("../samples/articles"), Ingestor.Progress.NONE);
        }

        assertThat(report.rejected()).as("the job's own rules, at the edge").singleElement().satisfies(r -> {
            assertThat(r.origin()).endsWith("broken-future-date.txt");
            assertThat(r.reason()).isEqualTo("published_at 2099-01-01T00:00:00Z is in the future");
        });
        assertThat(report.published()).isEqualTo(7);
        List<ConsumerRecord<byte[], byte[]>> records = consumeAll(topic, report.published());
        AvroCodec<Article> jobDecoder = AvroCodec.of(Article.class);
        assertThat(records).allSatisfy(r -> {
            Article article = jobDecoder.decode(r.value());
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(article.getId());
        });
        assertThat(records).extracting(r -> jobDecoder.decode(r.value()).getId())
                .containsExactlyInAnyOrderElementsOf(report.publishedIds());
        assertThat(new java.util.HashSet<>(report.publishedIds()))
                .as("samples/articles/resent/ holds a copy of an article: same content, same id")
                .hasSize(report.published() - 1);
    }

    @Test
    void anArticleKafkaRefusesIsReportedNotLost() throws Exception {
        String missingTopic = "missing-" + UUID.randomUUID();

        Ingestor.Report report;
        try (ArticlePublisher publisher = new ArticlePublisher(KAFKA.broker().bootstrapServers(), missingTopic,
                Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, "1500"))) {
            report = ingestor(publisher).run(reader(), List.of("../samples/articles/nvidia-earnings.txt"), Ingestor.Progress.NONE);
        }

        assertThat(report.published()).isZero();
        assertThat(report.rejected()).singleElement().satisfies(r -> {
            assertThat(r.origin()).endsWith("nvidia-earnings.txt");
            assertThat(r.reason()).startsWith("not acknowledged by Kafka").contains(missingTopic);
        });
    }

    private static Ingestor ingestor(ArticlePublisher publisher) {
        return new Ingestor(new ArticleValidator(ArticleValidator.DEFAULT_MAX_BODY_BYTES), Clock.systemUTC(), publisher);
    }

    private static ArticleReader reader() {
        return new ArticleReader(Clock.systemUTC(), InputStream.nullInputStream());
    }

    private static List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic, int expected) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.broker().bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }
}
