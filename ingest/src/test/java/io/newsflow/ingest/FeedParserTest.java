package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    static byte[] resource(String name) throws IOException {
        try (InputStream in = FeedParserTest.class.getResourceAsStream("feeds/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsRss2ItemsWithGuidDateAuthorAndTheLongestText() throws Exception {
        FeedParser.Feed feed = parser.parse(resource("rss2.xml"), "application/rss+xml; charset=utf-8");

        assertThat(feed.title()).isEqualTo("The Riverside Courier & Friends");
        assertThat(feed.items()).hasSize(2);
        FeedParser.Item first = feed.items().get(0);
        assertThat(first.guid()).isEqualTo("courier-1001");
        assertThat(first.link()).isEqualTo("http://courier.example/news/bridge");
        assertThat(first.title()).isEqualTo("Harbour bridge reopens");
        assertThat(first.published()).isEqualTo(Instant.parse("2024-05-01T06:00:00Z"));
        assertThat(first.authors()).containsExactly("Maria Lindqvist");
        assertThat(first.text()).as("content:encoded, longer than the description").startsWith("<p>The bridge reopened");
        FeedParser.Item second = feed.items().get(1);
        assertThat(second.guid()).as("no guid: the link").isEqualTo("http://courier.example/news/storm");
        assertThat(second.text()).as("&nbsp; healed").contains("closed").contains("on Friday");
    }

    @Test
    void readsAtomAndRss091() throws Exception {
        FeedParser.Item atom = parser.parse(resource("atom.xml"), "application/atom+xml").items().get(0);
        assertThat(atom.guid()).isEqualTo("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
        assertThat(atom.title()).isEqualTo("Storm closes schools");
        assertThat(atom.published()).isEqualTo(Instant.parse("2024-03-02T05:30:00Z"));
        assertThat(atom.authors()).containsExactly("Ann Berg");
        assertThat(atom.link()).isEqualTo("http://valley.example/storm");

        FeedParser.Item old = parser.parse(resource("rss091.xml"), null).items().get(0);
        assertThat(old.title()).isEqualTo("Town hall renovated");
        assertThat(old.guid()).isEqualTo("http://old.example/town-hall");
    }

    @Test
    void refusesExternalEntitiesWithoutReadingTheFile() throws Exception {
        Path secret = Files.createDirectories(Path.of("target", "xxe-" + UUID.randomUUID())).resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        byte[] feed = new String(resource("xxe.xml"), StandardCharsets.UTF_8)
                .replace("SECRET_FILE_URL", secret.toAbsolutePath().toUri().toString()).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(feed, "application/rss+xml"))
                .isInstanceOf(FeedParser.InvalidFeedException.class)
                .hasMessageStartingWith("refused: the document declares a DOCTYPE")
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void refusesEntityExpansion() {
        assertThatThrownBy(() -> parser.parse(resource("billion-laughs.xml"), "application/rss+xml"))
                .isInstanceOf(FeedParser.InvalidFeedException.class)
                .hasMessageStartingWith("refused: the document declares a DOCTYPE");
    }

    @Test
    void namesWhatANonFeedIs() {
        assertThatThrownBy(() -> parser.parse("<html><body><p>Hi</p></body></html>".getBytes(StandardCharsets.UTF_8),
                "text/html")).hasMessage("not an RSS or Atom feed (Content-Type text/html)");
        assertThatThrownBy(() -> parser.parse("Service unavailable".getBytes(StandardCharsets.UTF_8), "text/plain"))
                .hasMessageStartingWith("not XML: ");
    }
}
