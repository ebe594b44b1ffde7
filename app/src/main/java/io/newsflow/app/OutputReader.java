package io.newsflow.app;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.serde.DeadLetterSerde;
import io.newsflow.schemas.serde.EnrichedArticleSerde;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the job's two outputs from the beginning, as a downstream consumer would: committed records only
 * ({@code read_committed}), decoded with the schema artifact's deserializers.
 */
final class OutputReader implements AutoCloseable {

    private final KafkaConsumer<String, EnrichedArticle> enriched;
    private final KafkaConsumer<String, DeadLetter> deadLetters;

    OutputReader(String bootstrapServers, String enrichedTopic, String dlqTopic) {
        this.enriched = new KafkaConsumer<>(config(bootstrapServers), new StringDeserializer(),
                new EnrichedArticleSerde.Deserializer());
        this.deadLetters = new KafkaConsumer<>(config(bootstrapServers), new StringDeserializer(),
                new DeadLetterSerde.Deserializer());
        assignFromBeginning(enriched, enrichedTopic);
        assignFromBeginning(deadLetters, dlqTopic);
    }

    /** Polls both topics once, handing each record to its consumer; returns how many records arrived. */
    int poll(Duration timeout, Consumer<EnrichedArticle> onEnriched, Consumer<DeadLetter> onDeadLetter) {
        int count = 0;
        for (ConsumerRecord<String, EnrichedArticle> r : enriched.poll(timeout)) {
            onEnriched.accept(r.value());
            count++;
        }
        for (ConsumerRecord<String, DeadLetter> r : deadLetters.poll(Duration.ZERO)) {
            onDeadLetter.accept(r.value());
            count++;
        }
        return count;
    }

    private static <V> void assignFromBeginning(KafkaConsumer<String, V> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    private static Map<String, Object> config(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-demo-reader");
        return config;
    }

    @Override
    public void close() {
        enriched.close();
        deadLetters.close();
    }
}
