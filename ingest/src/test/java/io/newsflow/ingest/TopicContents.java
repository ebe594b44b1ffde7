package io.newsflow.ingest;

import io.newsflow.schemas.Article;
import io.newsflow.schemas.serde.AvroCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** What a one-partition topic holds now, decoded as the job decodes it. */
final class TopicContents {

    private TopicContents() {}

    /** Every article on partition 0 up to its end offset at the time of the call. */
    static List<Article> articles(String bootstrapServers, String topic) {
        AvroCodec<Article> codec = AvroCodec.of(Article.class);
        List<Article> articles = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> articles.add(codec.decode(r.value())));
            }
        }
        return articles;
    }
}
