package io.newsflow.schemas.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.Article;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleValidatorTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final ArticleValidator validator = new ArticleValidator(100);

    static Article.Builder article() {
        return Article.newBuilder().setId("a-1").setBody("Elon Musk spoke.").setIngestedAt(NOW)
                .setContentHash("sha256:00").setUrl("https://example.com/a");
    }

    private String reason(Article.Builder article, String key) {
        return validator.check(article.build(), key == null ? null : key.getBytes(StandardCharsets.UTF_8), NOW)
                .orElse("valid");
    }

    @Test
    void acceptsAValidArticle() {
        assertThat(reason(article(), "a-1")).isEqualTo("valid");
        assertThat(reason(article().setUrl(null), null)).isEqualTo("valid");
        assertThat(reason(article().setPublishedAt(NOW.plus(Duration.ofHours(23))), "a-1")).isEqualTo("valid");
    }

    @Test
    void namesWhatIsWrong() {
        assertThat(reason(article().setBody(""), "a-1")).isEqualTo("body is empty");
        assertThat(reason(article().setBody(" \n\t"), "a-1")).isEqualTo("body is whitespace only (3 characters)");
        assertThat(reason(article().setBody("é".repeat(51)), "a-1")).isEqualTo("body is 102 bytes, over the limit of 100 bytes");
        assertThat(reason(article().setPublishedAt(Instant.parse("2099-01-01T00:00:00Z")), "a-1"))
                .isEqualTo("published_at 2099-01-01T00:00:00Z is in the future");
        assertThat(reason(article().setUrl("ftp://example.com/a"), "a-1")).isEqualTo("url 'ftp://example.com/a' is not an http(s) URL");
        assertThat(reason(article().setUrl("https://exa mple.com"), "a-1")).startsWith("url 'https://exa mple.com' is malformed");
        assertThat(reason(article().setUrl("https:///path"), "a-1")).isEqualTo("url 'https:///path' has no host");
        assertThat(reason(article(), "other")).isEqualTo("record key 'other' differs from article id 'a-1'");
        assertThat(reason(article().setId(" "), null)).isEqualTo("article id is empty");
        assertThat(reason(article().setBody("x"), "a-1")).isEqualTo("body is 1 character, shorter than the minimum of 10");
        assertThat(reason(article().setBody("%PDF-1.7 binary stuff"), "a-1")).isEqualTo("body is a PDF document, not text");
        assertThat(reason(article().setBody("Caf\uFFFD au lait, said the barista."), "a-1"))
                .isEqualTo("body holds invalid UTF-8 (a replacement character at offset 3)");
        assertThat(reason(article().setBody("ab\u0000cdefghijklmn"), "a-1"))
                .isEqualTo("body is binary, not text (control character 0x00 at offset 2)");
        assertThat(reason(article().setBody("<!DOCTYPE html><html><body><p>News</p></body></html>"), "a-1"))
                .isEqualTo("body is HTML, not text: convert it to text before publishing");
        assertThat(reason(article().setBody("Prices rose 3% as x < y and y > z, analysts said."), "a-1")).isEqualTo("valid");
    }
}
