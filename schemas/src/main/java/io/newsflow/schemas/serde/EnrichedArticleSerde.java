package io.newsflow.schemas.serde;

import io.newsflow.schemas.EnrichedArticle;

/** Kafka serializer and deserializer for {@link EnrichedArticle}, nameable in client configuration. */
public final class EnrichedArticleSerde {

    private EnrichedArticleSerde() {}

    /** {@code value.serializer=io.newsflow.schemas.serde.EnrichedArticleSerde$Serializer} */
    public static final class Serializer extends AvroSerializer<EnrichedArticle> {
        public Serializer() {
            super(EnrichedArticle.class);
        }
    }

    /** {@code value.deserializer=io.newsflow.schemas.serde.EnrichedArticleSerde$Deserializer} */
    public static final class Deserializer extends AvroDeserializer<EnrichedArticle> {
        public Deserializer() {
            super(EnrichedArticle.class);
        }
    }
}
