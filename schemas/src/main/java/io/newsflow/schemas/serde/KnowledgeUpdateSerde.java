package io.newsflow.schemas.serde;

import io.newsflow.schemas.KnowledgeUpdate;

/** Kafka serializer and deserializer for {@link KnowledgeUpdate}, nameable in client configuration. */
public final class KnowledgeUpdateSerde {

    private KnowledgeUpdateSerde() {}

    /** {@code value.serializer=io.newsflow.schemas.serde.KnowledgeUpdateSerde$Serializer} */
    public static final class Serializer extends AvroSerializer<KnowledgeUpdate> {
        public Serializer() {
            super(KnowledgeUpdate.class);
        }
    }

    /** {@code value.deserializer=io.newsflow.schemas.serde.KnowledgeUpdateSerde$Deserializer} */
    public static final class Deserializer extends AvroDeserializer<KnowledgeUpdate> {
        public Deserializer() {
            super(KnowledgeUpdate.class);
        }
    }
}
