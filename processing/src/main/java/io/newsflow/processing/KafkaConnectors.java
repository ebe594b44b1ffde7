package io.newsflow.processing;

import io.newsflow.processing.functions.AvroRecordSerializationSchema;
import io.newsflow.processing.functions.RawRecord;
import io.newsflow.processing.functions.RawRecordDeserializationSchema;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EnrichedArticle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The job's Kafka source and sinks, built from {@link EnrichmentJobConfig}. The source reads committed data
 * only ({@code isolation.level=read_committed}); the sinks write in the configured delivery guarantee, with
 * transactions that time out before the broker's limit. User {@code kafka.*} settings are applied last.
 */
public final class KafkaConnectors {

    private KafkaConnectors() {}

    public static KafkaSource<RawRecord> articles(EnrichmentJobConfig config) {
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(config.bootstrapServers())
                .setTopics(config.inputTopic())
                .setGroupId(config.groupId())
                .setClientIdPrefix(config.groupId())
                .setStartingOffsets(startingOffsets(config))
                .setDeserializer(new RawRecordDeserializationSchema())
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .setProperties(properties(config))
                .build();
    }

    /**
     * The control topic, always read from its start when the job starts without state: the job applies every
     * knowledge update in order and so ends with the latest (a restored job resumes where its checkpoint was).
     */
    public static KafkaSource<RawRecord> knowledgeUpdates(EnrichmentJobConfig config) {
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(config.bootstrapServers())
                .setTopics(config.controlTopic())
                .setGroupId(config.groupId())
                .setClientIdPrefix(config.groupId() + "-control")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new RawRecordDeserializationSchema())
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .setProperties(properties(config))
                .build();
    }

    /** What each sink appends to {@code --transactional-id-prefix}: two sinks in one job need their own ids. */
    static final List<String> TRANSACTIONAL_ID_SUFFIXES = List.of("-enriched", "-dlq");

    public static KafkaSink<EnrichedArticle> enriched(EnrichmentJobConfig config) {
        return sink(config, AvroRecordSerializationSchema.enriched(config.outputTopic()), TRANSACTIONAL_ID_SUFFIXES.get(0));
    }

    public static KafkaSink<DeadLetter> deadLetters(EnrichmentJobConfig config) {
        return sink(config, AvroRecordSerializationSchema.deadLetters(config.dlqTopic()), TRANSACTIONAL_ID_SUFFIXES.get(1));
    }

    private static <T> KafkaSink<T> sink(EnrichmentJobConfig config, KafkaRecordSerializationSchema<T> schema,
                                         String idSuffix) {
        var builder = KafkaSink.<T>builder()
                .setBootstrapServers(config.bootstrapServers())
                .setRecordSerializer(schema)
                .setDeliveryGuarantee(config.deliveryGuarantee())
                .setKafkaProducerConfig(sinkProducerConfig(config));
        if (config.deliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE) {
            builder.setTransactionalIdPrefix(config.transactionalIdPrefix() + idSuffix);
        }
        return builder.build();
    }

    /**
     * The sinks' producer settings: zstd, transactions that time out before the broker's limit, and large
     * batches ({@value #SINK_BATCH_BYTES} bytes). A produce request costs the broker and the producer about the
     * same whatever it carries, so batches of many articles save CPU per article. How long a batch waits to
     * fill depends on the guarantee: with exactly-once, {@code read_committed} readers see nothing before the
     * checkpoint commits the transaction, and the checkpoint sends what waits before it commits, so waiting
     * ({@value #EXACTLY_ONCE_LINGER_MS} ms) costs them no latency; with at-least-once every wait
     * ({@value #AT_LEAST_ONCE_LINGER_MS} ms) is latency. The user's settings last.
     */
    static Properties sinkProducerConfig(EnrichmentJobConfig config) {
        Properties producer = new Properties();
        producer.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, String.valueOf(EnrichmentJobConfig.SINK_TRANSACTION_TIMEOUT_MS));
        producer.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        producer.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(SINK_BATCH_BYTES));
        producer.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(
                config.deliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE ? EXACTLY_ONCE_LINGER_MS : AT_LEAST_ONCE_LINGER_MS));
        producer.putAll(properties(config));
        return producer;
    }

    /** Half the broker's default largest batch ({@code message.max.bytes}), so that a full batch always fits. */
    static final int SINK_BATCH_BYTES = 512 * 1024;
    static final int EXACTLY_ONCE_LINGER_MS = 100;
    static final int AT_LEAST_ONCE_LINGER_MS = 20;

    private static OffsetsInitializer startingOffsets(EnrichmentJobConfig config) {
        return switch (config.startingOffsets()) {
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
            case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        };
    }

    /** Settings for an admin client of the job's cluster: the bootstrap servers and the user's settings. */
    public static Map<String, Object> adminConfig(EnrichmentJobConfig config) {
        Map<String, Object> admin = new HashMap<>(config.kafka());
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        return admin;
    }

    private static Properties properties(EnrichmentJobConfig config) {
        Properties props = new Properties();
        props.putAll(config.kafka());
        return props;
    }
}
