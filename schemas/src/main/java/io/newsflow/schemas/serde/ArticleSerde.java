package io.newsflow.schemas.serde;

import io.newsflow.schemas.Article;

/** Kafka serializer and deserializer for {@link Article}, nameable in client configuration. */
public final class ArticleSerde {

    private ArticleSerde() {}

    /** {@code value.serializer=io.newsflow.schemas.serde.ArticleSerde$Serializer} */
    public static final class Serializer extends AvroSerializer<Article> {
        public Serializer() {
            super(Article.class);
        }
    }

    /** {@code value.deserializer=io.newsflow.schemas.serde.ArticleSerde$Deserializer} */
    public static final class Deserializer extends AvroDeserializer<Article> {
        public Deserializer() {
            super(Article.class);
        }
    }
}
