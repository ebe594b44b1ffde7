package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

class TopicPartitionsTest {

    @Test
    void aBrokerThatDoesNotAnswerIsNamed() {
        // nothing listens on port 1
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"),
                new StringDeserializer(), new StringDeserializer())) {
            assertThatThrownBy(() -> TopicPartitions.of(consumer, "articles.enriched", "127.0.0.1:1", Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot reach Kafka at 127.0.0.1:1: no answer in 1 s");
        }
    }
}
