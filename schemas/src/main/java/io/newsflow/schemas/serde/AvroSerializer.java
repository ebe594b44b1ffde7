package io.newsflow.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka {@link Serializer} writing a record type in Avro single-object encoding (see {@link AvroCodec}).
 * Use the concrete subclasses ({@link ArticleSerde.Serializer} …) where Kafka wants a class name.
 */
public class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final AvroCodec<T> codec;

    public AvroSerializer(Class<T> type) {
        this.codec = AvroCodec.of(type);
    }

    @Override
    public byte[] serialize(String topic, T record) {
        return record == null ? null : codec.encode(record);
    }
}
