package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafkaExtension;
import io.newsflow.ingest.HttpFetcher;
import io.newsflow.schemas.Article;
import io.newsflow.schemas.serde.AvroCodec;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.assertj.core.groups.Tuple;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code ingest feed} against feeds and pages from a local HTTP server, publishing to the embedded broker. */
class FeedCommandIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private FeedServer server;
    private String topic;
    private Path state;

    @BeforeEach
    void setUp() throws Exception {
        server = new FeedServer();
        topic = "articles-" + UUID.randomUUID();
        KAFKA.broker().createTopics(1, topic);
        state = Path.of("target", "feed-state-" + UUID.randomUUID());
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void publishesEachItemOnceAndPollsConditionally() {
        server.serve("/rss.xml", "application/rss+xml; charset=utf-8", rss(
                item("Harbour bridge reopens", "/news/bridge", "courier-1", "The bridge reopened."),
                item("Schools close for the storm", "/news/storm", "courier-2", "Schools closed.")));
        server.serve("/atom.xml", "application/atom+xml", atom("Council passes budget", "/news/budget"));
        servePage("/news/bridge", "Harbour bridge reopens", "The harbour bridge reopened to traffic on Wednesday, two years after "
                + "engineers closed it when inspectors found corrosion in its cables.", "The first buses crossed at seven.");
        servePage("/news/storm", "Schools close", "Schools across the valley stayed closed on Friday as the storm brought "
                + "down power lines.", "Crews expect to restore power by Saturday.");
        servePage("/news/budget", "Budget passed", "The council passed the budget by a narrow margin after a long debate "
                + "on Tuesday night.", "The opposition voted against it.");
        String rss = server.url("/rss.xml");
        String atom = server.url("/atom.xml");

        CommandRunner first = feed(rss, atom);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("feed " + rss + ": 2 new item(s), published 2, rejected 0",
                "feed " + atom + ": 1 new item(s), published 1, rejected 0",
                "published 3 article(s) from 2 feed(s) to " + topic);
        List<Article> articles = consume(3);
        Article bridge = articles.stream().filter(a -> a.getUrl().endsWith("/news/bridge")).findFirst().orElseThrow();
        assertThat(bridge.getTitle()).as("the item's title").isEqualTo("Harbour bridge reopens");
        assertThat(bridge.getBody()).as("the page's article text, without the page around it").isEqualTo(
                "The harbour bridge reopened to traffic on Wednesday, two years after engineers closed it when "
                        + "inspectors found corrosion in its cables.\n\nThe first buses crossed at seven.");
        assertThat(bridge.getSource()).isEqualTo("Local Courier");
        assertThat(bridge.getMetadata()).containsEntry("feed", rss).containsEntry("feed_guid", "courier-1");
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.userAgent()).isEqualTo(HttpFetcher.USER_AGENT));
        assertThat(server.maxInFlight()).as("one request per host at a time").isEqualTo(1);

        server.clearRequests();
        CommandRunner second = feed(rss, atom);

        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("feed " + rss + ": not modified", "feed " + atom + ": not modified",
                "published 0 article(s)");
        assertThat(server.requests()).as("only the feeds, each asked conditionally and answered 304")
                .extracting(FeedServer.Request::path, FeedServer.Request::status)
                .containsExactlyInAnyOrder(Tuple.tuple("/rss.xml", 304),
                        Tuple.tuple("/atom.xml", 304));
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.ifNoneMatch()).startsWith("\""));

        server.serve("/rss.xml", "application/rss+xml; charset=utf-8", rss(
                item("Ferries return to winter timetable", "/news/ferries", "courier-3", "Ferries change."),
                item("Harbour bridge reopens", "/news/bridge", "courier-1", "The bridge reopened."),
                item("Schools close for the storm", "/news/storm", "courier-2", "Schools closed.")));
        servePage("/news/ferries", "Ferries", "The temporary ferry service will return to its winter timetable from "
                + "Monday, the transport authority said.", "Tickets stay valid.");
        server.clearRequests();
        CommandRunner third = feed(rss, atom);

        assertThat(third.out()).contains("feed " + rss + ": 1 new item(s), published 1, rejected 0",
                "feed " + atom + ": not modified");
        assertThat(server.requests()).extracting(FeedServer.Request::path)
                .as("only the new item's page is fetched").containsExactlyInAnyOrder("/rss.xml", "/atom.xml", "/news/ferries");
        assertThat(consume(4)).extracting(Article::getTitle).contains("Ferries return to winter timetable");
    }

    @Test
    void aDeadFeedIsNamedWithItsReasonAndTheOthersGoOn() throws Exception {
        server.serve("/rss.xml", "application/rss+xml", rss(item("Harbour bridge reopens", "/news/bridge", "c-1", "x")));
        servePage("/news/bridge", "Bridge", "The harbour bridge reopened to traffic on Wednesday after two years of repairs.",
                "Buses crossed first.");
        server.status("/gone.xml", 410);
        server.serve("/page.html", "text/html", "<html><body><p>Not a feed</p></body></html>");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String refused = "http://127.0.0.1:" + closedPort + "/feed.xml";

        CommandRunner result = feed(server.url("/missing.xml"), server.url("/gone.xml"), server.url("/page.html"),
                refused, server.url("/rss.xml"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().lines().toList()).contains(
                "feed " + server.url("/missing.xml") + " failed: HTTP 404 Not Found",
                "feed " + server.url("/gone.xml") + " failed: HTTP 410 Gone (the publisher removed it for good)",
                "feed " + server.url("/page.html") + " failed: not an RSS or Atom feed (Content-Type text/html)",
                "feed " + refused + " failed: connection refused");
        assertThat(result.out()).contains("feed " + server.url("/rss.xml") + ": 1 new item(s), published 1",
                "published 1 article(s) from 5 feed(s)", "feeds failed 4");
        assertThat(consume(1)).extracting(Article::getTitle).containsExactly("Harbour bridge reopens");
    }

    @Test
    void xxeAndBillionLaughsFeedsAreRefusedAndNothingLeaks() throws Exception {
        Path secret = Files.createDirectories(Path.of("target", "secret-" + UUID.randomUUID())).resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-VALUE");
        server.serve("/xxe.xml", "application/rss+xml", "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE rss [<!ENTITY secret SYSTEM \"" + secret.toAbsolutePath().toUri() + "\">]>\n"
                + "<rss version=\"2.0\"><channel><title>x</title><link>http://x.example/</link><description>x</description>"
                + "<item><title>Leak &secret;</title><link>" + server.url("/leak") + "</link>"
                + "<description>&secret;</description></item></channel></rss>");
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]>\n<rss version=\"2.0\"><channel><title>x</title><link>http://x.example/</link><description>x"
                + "</description><item><title>&lol9;</title><link>" + server.url("/laughs") + "</link></item></channel></rss>");
        server.serve("/laughs.xml", "application/rss+xml", laughs.toString());

        CommandRunner result = feed(server.url("/xxe.xml"), server.url("/laughs.xml"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().lines().toList()).contains(
                "feed " + server.url("/xxe.xml") + " failed: refused: the document declares a DOCTYPE, which feeds "
                        + "are not allowed to (external entities and entity expansion are how XXE and billion-laughs attacks work)",
                "feed " + server.url("/laughs.xml") + " failed: refused: the document declares a DOCTYPE, which feeds "
                        + "are not allowed to (external entities and entity expansion are how XXE and billion-laughs attacks work)");
        assertThat(result.out() + result.err()).doesNotContain("TOP-SECRET");
        assertThat(server.requests()).extracting(FeedServer.Request::path).containsOnly("/xxe.xml", "/laughs.xml");
        assertThat(result.out()).contains("published 0 article(s)");
        assertThat(endOffset()).as("nothing reached Kafka").isZero();
    }

    @Test
    void anItemWhosePageFailsUsesTheFeedsTextOrIsRejectedWithTheReason() {
        String longText = "The museum reopened its east wing on Saturday after a renovation that took three years and "
                + "cost twelve million euros. Visitors queued from early morning to see the restored ceiling paintings, "
                + "which had been hidden behind scaffolding since the work began.";
        server.serve("/rss.xml", "application/rss+xml", rss(
                item("Museum reopens east wing", "/news/museum", "m-1", longText),
                item("Short note", "/news/short", "m-2", "Too short to stand in for a page.")));
        server.status("/news/museum", 404);
        server.status("/news/short", 404);

        CommandRunner result = feed(server.url("/rss.xml"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("2 new item(s), published 1, rejected 1");
        assertThat(result.err()).contains("rejected " + server.url("/news/short") + ": page HTTP 404 Not Found, and the "
                + "feed's own text is only 33 characters (200 needed to stand in for the page)");
        Article museum = consume(1).get(0);
        assertThat(museum.getBody()).isEqualTo(longText);
        assertThat(museum.getMetadata()).containsEntry("body_from", "feed");
    }

    @Test
    void anItemWhosePageIsDownForNowIsTriedAgainOnTheNextPass() {
        server.serve("/rss.xml", "application/rss+xml", rss(item("Harbour bridge reopens", "/news/bridge", "c-1", "x")));
        server.status("/news/bridge", 503);

        CommandRunner down = feed(server.url("/rss.xml"));

        assertThat(down.err()).contains("rejected " + server.url("/news/bridge") + ": page HTTP 503");
        servePage("/news/bridge", "Bridge", "The harbour bridge reopened to traffic on Wednesday after two years of repairs.",
                "Buses crossed first.");
        server.clearRequests();

        CommandRunner up = feed(server.url("/rss.xml"));

        assertThat(server.requests("/rss.xml")).as("the feed's ETag was not kept while an item waits for a retry")
                .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(up.exitCode()).isZero();
        assertThat(up.out()).contains("1 new item(s), published 1, rejected 0");
        assertThat(consume(1)).extracting(Article::getTitle).containsExactly("Harbour bridge reopens");
    }

    private CommandRunner feed(String... urls) {
        List<String> args = new ArrayList<>(List.of("ingest", "feed", "--once", "--state", state.toString(),
                "-b", KAFKA.broker().bootstrapServers(), "-t", topic));
        args.addAll(List.of(urls));
        return CommandRunner.run(args.toArray(String[]::new));
    }

    private void servePage(String path, String title, String... paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String paragraph : paragraphs) {
            body.append("<p>").append(paragraph).append("</p>\n");
        }
        server.serve(path, "text/html; charset=utf-8", """
                <!DOCTYPE html><html><head><title>%s | Local Courier</title>
                <meta property="og:site_name" content="Local Courier"></head>
                <body><header><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav></header>
                <main><article><h1>%s</h1>%s<div class="share"><a href="/s">Share</a></div></article></main>
                <footer><p>Copyright Local Courier. All rights reserved.</p></footer></body></html>
                """.formatted(title, title, body));
    }

    private String item(String title, String path, String guid, String description) {
        return "<item><title>" + title + "</title><link>" + server.url(path) + "</link><guid isPermaLink=\"false\">" + guid
                + "</guid><pubDate>Wed, 01 May 2024 06:00:00 GMT</pubDate><description>" + description
                + "</description></item>";
    }

    private static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Local Courier</title>"
                + "<link>http://courier.example/</link><description>Local news</description>" + String.join("", items)
                + "</channel></rss>";
    }

    private String atom(String title, String path) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Council News"
                + "</title><id>urn:council</id><updated>2024-05-01T06:00:00Z</updated><entry><title>" + title + "</title>"
                + "<link href=\"" + server.url(path) + "\"/><id>urn:council:1</id><updated>2024-05-01T06:00:00Z</updated>"
                + "<summary>The budget passed.</summary></entry></feed>";
    }

    private List<Article> consume(int expected) {
        AvroCodec<Article> codec = AvroCodec.of(Article.class);
        List<Article> articles = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> articles.add(codec.decode(r.value())));
                return articles.size() >= expected;
            });
        }
        assertThat(articles).hasSize(expected);
        return articles;
    }

    private long endOffset() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            TopicPartition partition = new TopicPartition(topic, 0);
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.broker().bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
