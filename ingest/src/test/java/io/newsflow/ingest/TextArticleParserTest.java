package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.Article;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TextArticleParserTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final TextArticleParser parser = new TextArticleParser(CLOCK);

    @Test
    void readsHeadersThenBody() throws Exception {
        Article article = parser.parse("""
                Title: Grok-3 is training
                Author: Ann Lee, Bo Chen
                Source: Example News
                Date: 2024-05-01T10:00:00+02:00
                URL: https://example.com/grok
                Desk: Technology

                Musk said Grok-3 is training in Memphis.
                Second paragraph.
                """);

        assertThat(article.getTitle()).isEqualTo("Grok-3 is training");
        assertThat(article.getAuthors()).containsExactly("Ann Lee", "Bo Chen");
        assertThat(article.getSource()).isEqualTo("Example News");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
        assertThat(article.getUrl()).isEqualTo("https://example.com/grok");
        assertThat(article.getMetadata()).containsEntry("Desk", "Technology");
        assertThat(article.getBody()).isEqualTo("Musk said Grok-3 is training in Memphis.\nSecond paragraph.");
        assertThat(article.getIngestedAt()).isEqualTo(CLOCK.instant());
        assertThat(article.getId()).startsWith("url-").hasSize(24);
        assertThat(article.getContentHash()).startsWith("sha256:").hasSize(71);
    }

    @Test
    void withoutHeadersTheFirstLineIsTheTitle() throws Exception {
        Article article = parser.parse("\n\nA headline\nThe body.\n");

        assertThat(article.getTitle()).isEqualTo("A headline");
        assertThat(article.getBody()).isEqualTo("The body.");
        assertThat(article.getId()).startsWith("sha-");
    }

    @Test
    void readsTheBundledSampleArticle() throws Exception {
        Article article = parser.parse(Files.readString(Path.of("../samples/articles/musk-interview.txt")));

        assertThat(article.getAuthors()).containsExactly("Zheng Songyi");
        assertThat(article.getTitle()).isNull();
        assertThat(article.getBody()).startsWith("A few hours ago, Elon Musk was interviewed");
    }

    @Test
    void sameContentGetsTheSameIdAndHash() throws Exception {
        Article a = parser.parse("Title: T\n\nBody");
        Article b = parser.parse("Title: T\r\n\r\nBody\r\n");

        assertThat(a.getId()).isEqualTo(b.getId());
        assertThat(a.getContentHash()).isEqualTo(b.getContentHash());
    }

    @Test
    void explicitIdWins() throws Exception {
        assertThat(parser.parse("Id: story-42\nTitle: T\n\nBody").getId()).isEqualTo("story-42");
    }

    @Test
    void rejectsHeadersWithoutBody() {
        assertThatThrownBy(() -> parser.parse("Title: Only a title\n\n   \n"))
                .isInstanceOf(InvalidArticleException.class).hasMessage("body is empty");
    }

    @Test
    void rejectsBlankText() {
        assertThatThrownBy(() -> parser.parse(" \n\t\n")).hasMessage("body is empty");
    }

    @Test
    void rejectsAMalformedHeaderBlock() {
        assertThatThrownBy(() -> parser.parse("Title: T\nno colon here\n\nBody"))
                .hasMessageStartingWith("line 2 is neither a 'Name: value' header nor blank");
    }

    @Test
    void rejectsAnUnreadableDateNamingIt() {
        assertThatThrownBy(() -> parser.parse("Date: next Tuesday\n\nBody"))
                .hasMessageStartingWith("date 'next Tuesday' is not ISO-8601");
    }

    @Test
    void acceptsRfc1123AndPlainDates() throws Exception {
        assertThat(parser.parse("Date: Wed, 01 May 2024 12:00:00 GMT\n\nBody").getPublishedAt())
                .isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(parser.parse("Date: 2024-05-01\n\nBody").getPublishedAt())
                .isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
    }

    @Test
    void aWholePageIsTheBodyNotATitleAndABody() throws Exception {
        Article article = parser.parse(HtmlArticleExtractorTest.newsPage());

        assertThat(article.getTitle()).isEqualTo("Harbour Bridge Reopens After Two Years of Repairs");
        assertThat(article.getBody()).startsWith("The harbour bridge reopened").endsWith("the transport authority said.");
    }

    @Test
    void headersWinOverTheHtmlBodysOwnFacts() throws Exception {
        Article article = parser.parse("Title: Our title\nDate: 2024-05-02\nURL: https://example.com/ours\n\n"
                + HtmlArticleExtractorTest.newsPage());

        assertThat(article.getTitle()).isEqualTo("Our title");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2024-05-02T00:00:00Z"));
        assertThat(article.getUrl()).isEqualTo("https://example.com/ours");
        assertThat(article.getAuthors()).as("not given: the page's").containsExactly("Maria Lindqvist", "Tom Okafor");
    }
}
