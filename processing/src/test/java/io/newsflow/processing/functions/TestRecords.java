package io.newsflow.processing.functions;

import io.newsflow.schemas.Article;
import io.newsflow.schemas.serde.AvroCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Articles and raw records for the function and pipeline tests. */
public final class TestRecords {

    private static final AvroCodec<Article> CODEC = AvroCodec.of(Article.class);

    private TestRecords() {}

    public static Article article(String id, String body) {
        return Article.newBuilder()
                .setId(id)
                .setTitle("Title of " + id)
                .setBody(body)
                .setAuthors(List.of())
                .setIngestedAt(Instant.parse("2024-05-01T00:00:00Z"))
                .setContentHash("sha256:" + Integer.toHexString(body.hashCode()))
                .setMetadata(Map.of())
                .build();
    }

    public static byte[] encode(Article article) {
        return CODEC.encode(article);
    }

    public static RawRecord raw(long offset, String key, byte[] value) {
        return new RawRecord("articles", 0, offset, 0L, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
    }

    public static RawRecord raw(long offset, Article article) {
        return raw(offset, article.getId(), encode(article));
    }
}
