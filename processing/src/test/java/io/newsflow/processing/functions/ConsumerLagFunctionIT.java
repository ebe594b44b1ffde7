package io.newsflow.processing.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.streaming.api.operators.StreamMap;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The lag a subtask reports: the partition's end on a real broker minus what it has read. */
class ConsumerLagFunctionIT {

    @Test
    void lagIsTheEndOfThePartitionMinusWhatWasRead() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Path.of("target", "kafka-" + UUID.randomUUID()))) {
            String topic = "lag-" + UUID.randomUUID();
            broker.createTopics(1, topic);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>(topic, "k", "v" + i)).get();
                }
            }
            ConsumerLagFunction lag = new ConsumerLagFunction(
                    Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), Duration.ofMillis(200));
            try (OneInputStreamOperatorTestHarness<RawRecord, RawRecord> harness =
                         new OneInputStreamOperatorTestHarness<>(new StreamMap<>(lag))) {
                harness.open();
                for (long offset = 0; offset < 4; offset++) {
                    harness.processElement(new RawRecord(topic, 0, offset, 0L, null, new byte[0]), 0);
                }

                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> lag.lag(new TopicPartition(topic, 0)) == 6);
                assertThat(harness.extractOutputValues()).hasSize(4);
            }
        }
    }
}
