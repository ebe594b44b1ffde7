package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafkaExtension;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.FailureStage;
import io.newsflow.schemas.serde.DeadLetterSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DlqCommandIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static DeadLetter letter(String id, String reason, byte[] value) {
        return DeadLetter.newBuilder().setArticleId(id).setKey(ByteBuffer.wrap(id.getBytes(StandardCharsets.UTF_8)))
                .setValue(value == null ? null : ByteBuffer.wrap(value)).setSourceTopic("articles").setSourcePartition(0)
                .setSourceOffset(7).setStage(FailureStage.VALIDATE).setErrorClass("E").setReason(reason)
                .setFailedAt(Instant.parse("2026-01-01T00:00:00Z")).build();
    }

    @Test
    void listsByReasonAndReplaysEachMatchingLetterOnce() throws Exception {
        String run = UUID.randomUUID().toString();
        String dlq = "dlq-" + run;
        String input = "in-" + run;
        KAFKA.broker().createTopics(1, dlq, input);
        try (KafkaProducer<String, DeadLetter> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.broker().bootstrapServers()),
                new StringSerializer(), new DeadLetterSerde.Serializer())) {
            producer.send(new ProducerRecord<>(dlq, "a", letter("a", "body is empty", "A-BYTES".getBytes()))).get();
            producer.send(new ProducerRecord<>(dlq, "b", letter("b", "published_at 2099-01-01T00:00:00Z is in the future",
                    "B-BYTES".getBytes()))).get();
            producer.send(new ProducerRecord<>(dlq, "c", letter("c", "body is empty", "C-BYTES".getBytes()))).get();
        }
        String[] common = {"-b", KAFKA.broker().bootstrapServers(), "--dlq-topic", dlq};

        CommandRunner list = CommandRunner.run(concat(new String[] {"dlq", "list"}, common));
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("3 dead letter(s) in " + dlq)
                .contains("     2  VALIDATE  body is empty")
                .contains("     1  VALIDATE  published_at 2099-01-01T00:00:00Z is in the future")
                .contains("a from articles-0@7");

        String[] replay = concat(new String[] {"dlq", "replay", "--input-topic", input, "--reason", "empty"}, common);
        assertThat(CommandRunner.run(replay).out()).contains("replayed 2 dead letter(s) to " + input + "; 0 replayed before");
        assertThat(CommandRunner.run(replay).out()).contains("replayed 0 dead letter(s) to " + input + "; 2 replayed before");

        List<String> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.broker().bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(input, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(new String(r.key()) + "=" + new String(r.value()));
                }
                return values.size() >= 2;
            });
        }
        assertThat(values).containsExactly("a=A-BYTES", "c=C-BYTES");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
