package io.newsflow.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

class EmbeddedKafkaBrokerIT {

    private final Path logDir = Path.of("target", "kafka-" + UUID.randomUUID());

    @Test
    void keepsTransactionalDataAcrossARestartOnTheSameLogDirectory() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir)) {
            broker.createTopics(1, "t");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-test"), new StringSerializer(), new StringSerializer())) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("t", "k", "before restart"));
                producer.commitTransaction();
            }

            broker.restart();

            assertThat(readAll(broker.bootstrapServers(), "t")).containsExactly("before restart");
        }
        try (EmbeddedKafkaBroker again = EmbeddedKafkaBroker.start(logDir)) {
            assertThat(readAll(again.bootstrapServers(), "t")).as("a new broker on the same data").containsExactly("before restart");
        }
    }

    @Test
    void aTakenPortIsAClearError() {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(logDir)) {
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(Path.of("target", "kafka-" + UUID.randomUUID()),
                    first.port(), Map.of()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + first.port());
        }
    }

    private static List<String> readAll(String bootstrapServers, String topic) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                return consumer.position(partition) >= end;
            });
        }
        return values;
    }
}
