package io.newsflow.app;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * A topic's partitions, for the commands that read a topic by assigning them ({@code tail}, {@code dlq}): a broker
 * that does not answer, or a topic it does not have, is one message that names the broker, not Kafka's "Timeout
 * expired while fetching topic metadata" after 30 s.
 */
final class TopicPartitions {

    /** As long as {@code ingest} waits for Kafka to answer its check. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private TopicPartitions() {}

    static List<TopicPartition> of(Consumer<?, ?> consumer, String topic, String bootstrapServers) {
        return of(consumer, topic, bootstrapServers, TIMEOUT);
    }

    static List<TopicPartition> of(Consumer<?, ?> consumer, String topic, String bootstrapServers, Duration timeout) {
        List<TopicPartition> partitions;
        try {
            partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrapServers + ": no answer in "
                    + timeout.toSeconds() + " s", e);
        }
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("topic " + topic + " does not exist on Kafka at " + bootstrapServers);
        }
        return partitions;
    }
}
