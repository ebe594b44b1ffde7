package io.newsflow.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka {@link Deserializer} reading a record type in Avro single-object encoding (see {@link AvroCodec}).
 * A tombstone reads as {@code null}; a message that cannot be decoded raises a {@link SerializationException}
 * that names the topic and the reason, which the consumer reports as a poison record at that offset.
 */
public class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final AvroCodec<T> codec;

    public AvroDeserializer(Class<T> type) {
        this.codec = AvroCodec.of(type);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return codec.decode(data);
        } catch (AvroDecodeException e) {
            throw new SerializationException("cannot decode record from topic " + topic + ": " + e.getMessage(), e);
        }
    }
}
