package io.newsflow.schemas.serde;

import io.newsflow.schemas.DeadLetter;

/** Kafka serializer and deserializer for {@link DeadLetter}, nameable in client configuration. */
public final class DeadLetterSerde {

    private DeadLetterSerde() {}

    /** {@code value.serializer=io.newsflow.schemas.serde.DeadLetterSerde$Serializer} */
    public static final class Serializer extends AvroSerializer<DeadLetter> {
        public Serializer() {
            super(DeadLetter.class);
        }
    }

    /** {@code value.deserializer=io.newsflow.schemas.serde.DeadLetterSerde$Deserializer} */
    public static final class Deserializer extends AvroDeserializer<DeadLetter> {
        public Deserializer() {
            super(DeadLetter.class);
        }
    }
}
