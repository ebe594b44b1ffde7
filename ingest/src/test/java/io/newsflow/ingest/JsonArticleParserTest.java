package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.Article;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonArticleParserTest {

    private final JsonArticleParser parser = new JsonArticleParser(TextArticleParserTest.CLOCK);

    @Test
    void readsEveryField() throws Exception {
        Article article = parser.parse("""
                {"id": "x-1", "url": "https://example.com/x", "source": "S", "title": "T",
                 "body": "B", "authors": ["A", "C"], "published_at": "2024-01-02T03:04:05Z",
                 "metadata": {"lang": "en", "n": 3}, "ignored": true}""");

        assertThat(article.getId()).isEqualTo("x-1");
        assertThat(article.getAuthors()).containsExactly("A", "C");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(article.getMetadata()).containsEntry("lang", "en").containsEntry("n", "3");
    }

    @Test
    void acceptsTextAuthorAndEpochMillis() throws Exception {
        Article article = parser.parse("{\"text\": \"B\", \"author\": \"A and C\", \"date\": 1000}");

        assertThat(article.getBody()).isEqualTo("B");
        assertThat(article.getAuthors()).containsExactly("A", "C");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.ofEpochMilli(1000));
    }

    @Test
    void namesTheFieldOfTheWrongType() {
        assertThatThrownBy(() -> parser.parse("{\"body\": 42}")).hasMessage("field 'body' must be a string, got number");
        assertThatThrownBy(() -> parser.parse("{\"body\": \"B\", \"authors\": [1]}"))
                .hasMessage("field 'authors' must hold strings");
    }

    @Test
    void rejectsMissingBodyAndInvalidJson() {
        assertThatThrownBy(() -> parser.parse("{\"title\": \"T\"}")).hasMessage("body is missing");
        assertThatThrownBy(() -> parser.parse("{\"body\": ")).hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> parser.parse("{\"body\": \"B\""))
                .hasMessage("not valid JSON: Unexpected end-of-input: expected close marker for Object (start marker at column 1)");
        assertThatThrownBy(() -> parser.parse("[1, 2]")).hasMessage("expected a JSON object, got array");
        assertThatThrownBy(() -> parser.parse("{\"body\": \"A body long enough.\"} {\"body\": \"another\"}"))
                .hasMessage("not valid JSON: more after the JSON value, at column 33");
    }

    @Test
    void anHtmlBodyBecomesTextAndTheFieldsGivenWinOverThePage() throws Exception {
        String page = HtmlArticleExtractorTest.newsPage().replace("\"", "\\\"").replace("\n", "\\n");

        Article article = parser.parse("{\"title\": \"Bridge open again\", \"body\": \"" + page + "\"}");

        assertThat(article.getTitle()).as("given explicitly").isEqualTo("Bridge open again");
        assertThat(article.getBody()).startsWith("The harbour bridge reopened").doesNotContain("<", "Sport");
        assertThat(article.getPublishedAt()).as("from the page").isEqualTo(Instant.parse("2024-05-01T06:00:00Z"));
        assertThat(article.getUrl()).isEqualTo("https://courier.example/news/2024/05/harbour-bridge-reopens");
        assertThat(article.getAuthors()).containsExactly("Maria Lindqvist", "Tom Okafor");
        assertThat(article.getSource()).isEqualTo("The Riverside Courier");
        assertThat(article.getId()).as("derived from the page's canonical URL").startsWith("url-");
    }

    @Test
    void anHtmlFragmentBodyBecomesText() throws Exception {
        Article article = parser.parse("{\"body\": \"<p>Prices rose again.</p><p>Markets fell.</p>\", "
                + "\"published_at\": \"2024-01-02\"}");

        assertThat(article.getBody()).isEqualTo("Prices rose again.\n\nMarkets fell.");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
        assertThatThrownBy(() -> parser.parse("{\"body\": \"<div><script>x()</script></div>\"}"))
                .hasMessage("HTML with no article text in it");
    }
}
