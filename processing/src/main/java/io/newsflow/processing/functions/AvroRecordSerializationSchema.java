package io.newsflow.processing.functions;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.serde.AvroCodec;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Writes records to a Kafka topic in the Newsflow wire format (Avro single-object encoding) with a key and
 * headers chosen per record type: {@link #enriched} keys by article id; {@link #deadLetters} keeps the
 * original key and adds {@code newsflow.*} headers, so that a tool can filter dead letters without decoding.
 */
public final class AvroRecordSerializationSchema<T extends SpecificRecord> implements KafkaRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    /** What a record is keyed by, and which headers it carries. */
    private interface Envelope<T> extends Serializable {
        byte[] key(T record);

        default List<Header> headers(T record) {
            return List.of();
        }
    }

    private final Class<T> type;
    private final String topic;
    private final Envelope<T> envelope;
    private transient AvroCodec<T> codec;

    private AvroRecordSerializationSchema(Class<T> type, String topic, Envelope<T> envelope) {
        this.type = type;
        this.topic = topic;
        this.envelope = envelope;
    }

    public static AvroRecordSerializationSchema<EnrichedArticle> enriched(String topic) {
        return new AvroRecordSerializationSchema<>(EnrichedArticle.class, topic, e -> utf8(e.getArticle().getId()));
    }

    public static AvroRecordSerializationSchema<DeadLetter> deadLetters(String topic) {
        return new AvroRecordSerializationSchema<>(DeadLetter.class, topic, new Envelope<>() {
            @Override
            public byte[] key(DeadLetter letter) {
                return DeadLetters.bytes(letter.getKey());
            }

            @Override
            public List<Header> headers(DeadLetter letter) {
                return AvroRecordSerializationSchema.headers(letter);
            }
        });
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
        codec = AvroCodec.of(type);
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T record, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic, null, timestamp, envelope.key(record), codec.encode(record),
                envelope.headers(record));
    }

    /** The headers of a dead letter. */
    static List<Header> headers(DeadLetter letter) {
        return List.of(
                new RecordHeader("newsflow.reason", utf8(letter.getReason())),
                new RecordHeader("newsflow.stage", utf8(letter.getStage().name())),
                new RecordHeader("newsflow.error.class", utf8(letter.getErrorClass())),
                new RecordHeader("newsflow.source.topic", utf8(letter.getSourceTopic())),
                new RecordHeader("newsflow.source.partition", utf8(String.valueOf(letter.getSourcePartition()))),
                new RecordHeader("newsflow.source.offset", utf8(String.valueOf(letter.getSourceOffset()))));
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
