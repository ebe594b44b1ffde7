package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.broker.EmbeddedKafkaBroker;
import io.newsflow.broker.EmbeddedKafkaExtension;
import io.newsflow.schemas.Article;
import io.newsflow.schemas.validate.ArticleValidator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP edge over real HTTP, publishing to a real broker: every answer and what reached Kafka. */
class HttpIngestServerIT {

    private static final String BODY = "Elon Musk said xAI will train Grok in Memphis.";
    private static final long MAX_REQUEST_BYTES = 4_000;
    private static final int MAX_BODY_BYTES = 1_000;

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeServers() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    /** A server publishing to a new topic; returns its base URL. */
    private String serve(String topic, EmbeddedKafkaBroker to, Optional<String> token, Map<String, String> kafka) {
        ArticlePublisher publisher = new ArticlePublisher(to.bootstrapServers(), topic, kafka);
        open.add(publisher);
        HttpIngestServer server = HttpIngestServer.start(new HttpIngestServer.Settings("127.0.0.1", 0, MAX_REQUEST_BYTES,
                token, Duration.ofSeconds(5)), publisher, new ArticleValidator(MAX_BODY_BYTES), Clock.systemUTC());
        open.add(server);
        return "http://127.0.0.1:" + server.port();
    }

    private String serve(String topic) {
        KAFKA.broker().createTopics(1, topic);
        return serve(topic, KAFKA.broker(), Optional.empty(), Map.of());
    }

    private HttpResponse<String> post(String base, String contentType, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/articles"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> response) throws Exception {
        return mapper.readTree(response.body());
    }

    @Test
    void oneArticleIsPublishedAndItsIdReturnedOnceKafkaHasIt() throws Exception {
        String topic = "http-" + UUID.randomUUID();
        String base = serve(topic);

        HttpResponse<String> response = post(base, "application/json; charset=utf-8",
                "{\"id\": \"a-1\", \"title\": \"Grok\", \"body\": \"" + BODY + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(json(response).get("ids").get(0).asText()).isEqualTo("a-1");
        assertThat(read(topic)).extracting(Article::getId).containsExactly("a-1");
    }

    @Test
    void batchesAsJsonArraysJsonLinesAndTextArePublishedWhole() throws Exception {
        String topic = "http-" + UUID.randomUUID();
        String base = serve(topic);

        HttpResponse<String> array = post(base, "application/json",
                "[{\"id\": \"b-1\", \"body\": \"" + BODY + "\"}, {\"id\": \"b-2\", \"body\": \"" + BODY + " Again.\"}]");
        HttpResponse<String> lines = post(base, "application/x-ndjson",
                "{\"id\": \"b-3\", \"body\": \"" + BODY + "\"}\n\n{\"id\": \"b-4\", \"body\": \"" + BODY + "\"}\n");
        HttpResponse<String> text = post(base, "text/plain", "Title: A text article\nId: b-5\n\n" + BODY);

        assertThat(List.of(array, lines, text)).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(202));
        assertThat(json(array).get("published").asInt()).isEqualTo(2);
        assertThat(read(topic)).extracting(Article::getId).containsExactlyInAnyOrder("b-1", "b-2", "b-3", "b-4", "b-5");
    }

    @Test
    void invalidInputIsRefusedNamingTheArticleAndTheFieldAndNothingOfTheBatchIsPublished() throws Exception {
        String topic = "http-" + UUID.randomUUID();
        String base = serve(topic);

        HttpResponse<String> wrongType = post(base, "application/json", "{\"title\": 7, \"body\": \"" + BODY + "\"}");
        HttpResponse<String> batch = post(base, "application/json", "[{\"id\": \"ok\", \"body\": \"" + BODY + "\"}, "
                + "{\"id\": \"short\", \"body\": \"x\"}, {\"id\": \"page\", \"body\": \"<html><body>hi</body></html>\"}, "
                + "{\"id\": [], \"body\": \"" + BODY + "\"}]");
        HttpResponse<String> notJson = post(base, "application/json", "{not json");
        // two objects without an array around them: the second was read by no one
        HttpResponse<String> trailing = post(base, "application/json",
                "{\"body\": \"" + BODY + "\"} {\"body\": \"" + BODY + "\"}");
        HttpResponse<String> badLine = post(base, "application/x-ndjson", "{\"body\": \"" + BODY + "\"}\n[1]\n");

        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType).get("error").asText()).contains("'title'");
        assertThat(batch.statusCode()).isEqualTo(400);
        assertThat(json(batch).get("error").asText()).isEqualTo("3 invalid articles; nothing was published");
        assertThat(json(batch).get("errors")).extracting(JsonNode::asText).containsExactly(
                "article [1]: body is 1 character, shorter than the minimum of 10",
                "article [2]: body is 2 characters, shorter than the minimum of 10",
                "article [3]: field 'id' must be a string, got array");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).get("error").asText()).startsWith("not valid JSON");
        assertThat(trailing.statusCode()).isEqualTo(400);
        assertThat(json(trailing).get("error").asText()).startsWith("not valid JSON: more after the JSON value");
        assertThat(badLine.statusCode()).isEqualTo(400);
        assertThat(json(badLine).get("error").asText()).startsWith("line 2: ");
        assertThat(post(base, "application/json", "[]").statusCode()).isEqualTo(400);

        // the next valid article is the first record on the topic: nothing of the refused requests got there
        assertThat(post(base, "application/json", "{\"id\": \"after\", \"body\": \"" + BODY + "\"}").statusCode()).isEqualTo(202);
        assertThat(read(topic)).extracting(Article::getId).containsExactly("after");
    }

    @Test
    void tooLargeAndUnsupportedRequestsGetTheirOwnStatus() throws Exception {
        String base = serve("http-" + UUID.randomUUID());

        HttpResponse<String> hugeRequest = post(base, "application/json", "[" + ("{\"body\": \"" + BODY + "\"},").repeat(100) + "{}]");
        HttpResponse<String> hugeBody = post(base, "text/plain", "Title: Long\n\n" + "word ".repeat(300));
        HttpResponse<String> xml = post(base, "application/xml", "<article/>");
        HttpResponse<String> none = post(base, null, BODY);

        assertThat(hugeRequest.statusCode()).isEqualTo(413);
        assertThat(json(hugeRequest).get("error").asText()).contains("over the limit of " + MAX_REQUEST_BYTES + " bytes");
        assertThat(hugeBody.statusCode()).isEqualTo(413);
        assertThat(json(hugeBody).get("error").asText()).isEqualTo("body is 1499 bytes, over the limit of 1000 bytes");
        assertThat(xml.statusCode()).isEqualTo(415);
        assertThat(json(xml).get("error").asText()).startsWith("unsupported media type 'application/xml'");
        assertThat(none.statusCode()).isEqualTo(415);
    }

    @Test
    void aBearerTokenWhenOneIsSet() throws Exception {
        String topic = "http-" + UUID.randomUUID();
        KAFKA.broker().createTopics(1, topic);
        String base = serve(topic, KAFKA.broker(), Optional.of("s3cret"), Map.of());
        String article = "{\"id\": \"t-1\", \"body\": \"" + BODY + "\"}";

        HttpResponse<String> without = post(base, "application/json", article);
        HttpResponse<String> wrong = post(base, "application/json", article, "Authorization", "Bearer guess");
        HttpResponse<String> right = post(base, "application/json", article, "Authorization", "Bearer s3cret");

        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(202);
        assertThat(read(topic)).extracting(Article::getId).containsExactly("t-1");
    }

    @Test
    void kafkaDownIs503AndTheSameRequestSucceedsOnceItIsBack() throws Exception {
        EmbeddedKafkaBroker flaky = EmbeddedKafkaBroker.start(Path.of("target", "kafka-" + UUID.randomUUID()));
        open.add(flaky);
        String topic = "http-" + UUID.randomUUID();
        flaky.createTopics(1, topic);
        String base = serve(topic, flaky, Optional.empty(), Map.of("max.block.ms", "2000",
                "request.timeout.ms", "1500", "delivery.timeout.ms", "3000"));
        String article = "{\"id\": \"d-1\", \"body\": \"" + BODY + "\"}";
        assertThat(post(base, "application/json", article).statusCode()).isEqualTo(202);

        flaky.stop();
        HttpResponse<String> down = post(base, "application/json", article.replace("d-1", "d-2"));
        flaky.restart();
        HttpResponse<String> back = post(base, "application/json", article.replace("d-1", "d-2"));

        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(json(down).get("error").asText()).startsWith("Kafka did not acknowledge the articles: ").endsWith("retry the request");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(202);
        assertThat(read(topic, flaky)).extracting(Article::getId).contains("d-1", "d-2");
    }

    @Test
    void healthAndPrometheusMetrics() throws Exception {
        String base = serve("http-" + UUID.randomUUID());
        post(base, "application/json", "{\"body\": \"" + BODY + "\"}");
        post(base, "application/xml", "<a/>");

        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("status").asText()).isEqualTo("up");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("newsflow_ingest_http_requests_total{status=\"202\"} 1.0")
                .contains("newsflow_ingest_http_requests_total{status=\"415\"} 1.0")
                .contains("newsflow_ingest_http_articles_published_total 1.0")
                .contains("newsflow_ingest_http_ack_seconds_count 1");
    }

    private static List<Article> read(String topic) {
        return read(topic, KAFKA.broker());
    }

    /** Everything on the topic now (the server answered only after Kafka acknowledged, so it is all there). */
    private static List<Article> read(String topic, EmbeddedKafkaBroker from) {
        return TopicContents.articles(from.bootstrapServers(), topic);
    }
}
