package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.HtmlArticleExtractor.HtmlPage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HtmlArticleExtractorTest {

    private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

    static String newsPage() throws IOException {
        try (InputStream in = HtmlArticleExtractorTest.class.getResourceAsStream("html/news-page.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void keepsTheArticleTextAndDropsThePageAroundIt() throws Exception {
        HtmlPage page = extractor.extract(newsPage(), null);

        assertThat(page.body()).isEqualTo("""
                The harbour bridge reopened to traffic on Wednesday morning, two years after engineers closed it \
                when inspectors found corrosion in the steel cables that hold up its main span.

                Mayor Elena Varga cut a ribbon at the eastern end shortly after seven o'clock, and the first buses \
                crossed a few minutes later. "This bridge carries the city's working life," she said.

                The repairs cost 48 million euros, about a fifth more than the council budgeted in 2022, mostly \
                because steel prices rose while the work was under way.

                Ferries return to winter timetable

                The temporary ferry service that carried commuters across the harbour will return to its winter \
                timetable from Monday, the transport authority said.""");
        assertThat(page.body()).doesNotContain("Sport", "cookies", "Advertisement", "Related", "Share", "Most read",
                "newsletter", "All rights reserved", "Photo: Courier", "dataLayer", "font-family", "ad slot");
    }

    @Test
    void takesTitleDateAuthorsAndSiteFromJsonLdAndTheCanonicalUrl() throws Exception {
        HtmlPage page = extractor.extract(newsPage(), "https://courier.example/news/2024/05/harbour-bridge-reopens?utm=x");

        assertThat(page.title()).isEqualTo("Harbour Bridge Reopens After Two Years of Repairs");
        assertThat(page.published()).isEqualTo(Instant.parse("2024-05-01T06:00:00Z"));
        assertThat(page.authors()).containsExactly("Maria Lindqvist", "Tom Okafor");
        assertThat(page.siteName()).isEqualTo("The Riverside Courier");
        assertThat(page.url()).as("<link rel=canonical>, resolved against the page's address")
                .isEqualTo("https://courier.example/news/2024/05/harbour-bridge-reopens");
    }

    @Test
    void aRelativeCanonicalWithoutABaseFallsBackToOgUrl() throws Exception {
        assertThat(extractor.extract(newsPage(), null).url())
                .isEqualTo("https://courier.example/news/2024/05/harbour-bridge-reopens");
    }

    @Test
    void withoutJsonLdMetaTagsAndMarkupGiveTheFacts() {
        String html = """
                <html><head><title>Storm closes schools - Valley News</title>
                <meta property="og:site_name" content="Valley News">
                <meta property="article:published_time" content="2024-03-02T06:30:00+0100">
                <meta name="author" content="By Ann Berg">
                <script type="application/ld+json">{ this is not json </script>
                </head><body>
                <div id="menu"><a href="/">Home</a> <a href="/weather">Weather</a></div>
                <div class="wrap"><div class="content">
                  <p>Schools across the valley stayed closed on Friday as the storm brought down power lines, and
                  the roads authority warned drivers to stay at home.</p>
                  <p>Crews expect to restore power to most homes by Saturday evening, the utility said.</p>
                </div><div class="links"><a href="/a">Another story</a> <a href="/b">And another one</a></div></div>
                </body></html>""";

        HtmlPage page = extractor.extract(html, null);

        assertThat(page.title()).as("<title> without the site name").isEqualTo("Storm closes schools");
        assertThat(page.published()).isEqualTo(Instant.parse("2024-03-02T05:30:00Z"));
        assertThat(page.authors()).containsExactly("Ann Berg");
        assertThat(page.url()).isNull();
        assertThat(page.body()).startsWith("Schools across the valley").endsWith("the utility said.")
                .contains("stay at home.\n\nCrews expect").doesNotContain("Home", "Another story");
    }

    @Test
    void takesTheDateFromTimeElementsAndTheTitleFromH1() {
        String html = "<body><article><h1>Council votes on budget</h1><time datetime=\"2024-02-10\">10 Feb</time>"
                + "<p>The council approved the budget by a narrow margin after a long debate.</p></article></body>";

        HtmlPage page = extractor.extract(html, null);

        assertThat(page.title()).isEqualTo("Council votes on budget");
        assertThat(page.published()).isEqualTo(Instant.parse("2024-02-10T00:00:00Z"));
        assertThat(page.body()).as("the headline is not repeated in the body")
                .isEqualTo("10 Feb\n\nThe council approved the budget by a narrow margin after a long debate.");
    }

    @Test
    void aFragmentBecomesParagraphsAndLineBreaksStay() {
        HtmlPage page = extractor.extract("<p>First&nbsp;paragraph, with <b>bold</b> words.</p>"
                + "<p>Second line one<br>line two</p><!-- a comment --><ul><li>one item</li></ul>", null);

        assertThat(page.body()).isEqualTo("First paragraph, with bold words.\n\nSecond line one\nline two\n\none item");
        assertThat(page.title()).isNull();
        assertThat(page.published()).isNull();
    }

    @Test
    void readsTheCharsetThePageDeclares() {
        byte[] latin1 = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\u00e9 owners in M\u00e1laga protest.</p></body></html>"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(extractor.extract(latin1, null, null).body()).isEqualTo("Caf\u00e9 owners in M\u00e1laga protest.");
    }

    @Test
    void anUnreadableDateIsPassedOverNotAnError() {
        HtmlPage page = extractor.extract("<html><head><meta property=\"article:published_time\" content=\"yesterday\">"
                + "<meta name=\"date\" content=\"2024-01-05T10:00:00Z\"></head><body><p>Some text here.</p></body></html>", null);

        assertThat(page.published()).isEqualTo(Instant.parse("2024-01-05T10:00:00Z"));
    }
}
