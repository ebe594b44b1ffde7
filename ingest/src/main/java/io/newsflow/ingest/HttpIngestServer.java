package io.newsflow.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.newsflow.schemas.Article;
import io.newsflow.schemas.validate.ArticleValidator;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge: {@code POST /articles} takes one article (a JSON object, or text/plain in the header format
 * of {@link TextArticleParser}) or a batch (a JSON array, or JSON lines), checks every article with the job's
 * rules and answers {@code 202} with the ids only once Kafka acknowledged all of them. A batch is taken whole
 * or not at all: one invalid article fails the request ({@code 400}, naming the article and the field; {@code
 * 413} for a request or body over its limit) and nothing is published. {@code 415} for other media types,
 * {@code 401} without the bearer token when one is set, {@code 503} when Kafka did not acknowledge in time —
 * the client should retry; articles that were taken are dropped as re-sends by the job. {@code GET /health}
 * and a Prometheus {@code GET /metrics}. Runs on Javalin (Jetty).
 */
public final class HttpIngestServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpIngestServer.class);
    private static final List<String> JSON_LINES = List.of("application/x-ndjson", "application/jsonl",
            "application/x-jsonlines", "application/json-seq");

    /**
     * @param host the address to listen on ({@code 0.0.0.0} for all)
     * @param port the port, or 0 for any free one
     * @param maxRequestBytes the longest request body taken ({@code 413} above it)
     * @param bearerToken if present, requests to {@code /articles} must carry {@code Authorization: Bearer <token>}
     * @param ackTimeout how long a request waits for Kafka's acknowledgements before answering {@code 503}
     */
    public record Settings(String host, int port, long maxRequestBytes, Optional<String> bearerToken, Duration ackTimeout) {
        public Settings {
            if (maxRequestBytes <= 0) {
                throw new IllegalArgumentException("max request bytes must be > 0, got " + maxRequestBytes);
            }
            bearerToken = bearerToken.filter(t -> !t.isBlank());
        }
    }

    private final Settings settings;
    private final ArticlePublisher publisher;
    private final ArticleValidator validator;
    private final Clock clock;
    private final JsonArticleParser json;
    private final TextArticleParser text;
    private final ObjectMapper mapper = new ObjectMapper();
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests;
    private final Counter published;
    private final Histogram ackSeconds;
    private final Javalin app;

    private HttpIngestServer(Settings settings, ArticlePublisher publisher, ArticleValidator validator, Clock clock) {
        this.settings = settings;
        this.publisher = publisher;
        this.validator = validator;
        this.clock = clock;
        this.json = new JsonArticleParser(clock);
        this.text = new TextArticleParser(clock);
        this.requests = Counter.builder().name("newsflow_ingest_http_requests")
                .help("POST /articles requests by response status").labelNames("status").register(registry);
        this.published = Counter.builder().name("newsflow_ingest_http_articles_published")
                .help("Articles Kafka acknowledged").register(registry);
        this.ackSeconds = Histogram.builder().name("newsflow_ingest_http_ack_seconds")
                .help("Time from a valid request to Kafka's acknowledgement of all its articles").register(registry);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.routes.post("/articles", this::postArticles);
            config.routes.get("/health", this::health);
            config.routes.get("/metrics", this::metrics);
        });
    }

    /** Starts the server; {@link #close()} stops it (the publisher stays the caller's). */
    public static HttpIngestServer start(Settings settings, ArticlePublisher publisher, ArticleValidator validator,
                                         Clock clock) {
        HttpIngestServer server = new HttpIngestServer(settings, publisher, validator, clock);
        server.app.start();
        LOG.info("HTTP ingest listening on {}:{}, publishing to {}", settings.host(), server.port(), publisher.topic());
        return server;
    }

    /** The port it listens on (the one chosen when asked for 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private void postArticles(Context ctx) throws IOException {
        Response response = handle(ctx);
        requests.labelValues(String.valueOf(response.status)).inc();
        if (response.status == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        ctx.status(response.status).contentType("application/json").result(mapper.writeValueAsString(response.body));
    }

    private record Response(int status, ObjectNode body) {}

    private Response error(int status, String message, List<String> details) {
        ObjectNode body = mapper.createObjectNode().put("error", message);
        if (!details.isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            details.forEach(errors::add);
        }
        return new Response(status, body);
    }

    private Response handle(Context ctx) throws IOException {
        if (!authorised(ctx.header("Authorization"))) {
            return error(401, "missing or wrong bearer token", List.of());
        }
        String type = mediaType(ctx.contentType());
        boolean jsonLines = JSON_LINES.contains(type);
        if (!type.equals("application/json") && !type.equals("text/plain") && !jsonLines) {
            return error(415, "unsupported media type '" + (type.isEmpty() ? "none" : type) + "': send application/json "
                    + "(an article or an array of them), application/x-ndjson (one per line) or text/plain", List.of());
        }
        long declared = ctx.contentLength();
        if (declared > settings.maxRequestBytes()) {
            return error(413, "request is " + declared + " bytes, over the limit of " + settings.maxRequestBytes()
                    + " bytes", List.of());
        }
        byte[] bytes = readAtMost(ctx.req().getInputStream(), settings.maxRequestBytes() + 1);
        if (bytes.length > settings.maxRequestBytes()) {
            return error(413, "request is over the limit of " + settings.maxRequestBytes() + " bytes", List.of());
        }
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return error(400, "request body is not valid UTF-8", List.of());
        }
        Batch batch = new Batch();
        if (type.equals("text/plain")) {
            batch.add("", () -> text.parse(content));
        } else if (jsonLines) {
            parseLines(content, batch);
        } else {
            parseJson(content, batch);
        }
        if (batch.problems.isEmpty() && batch.articles.isEmpty()) {
            return error(400, "no article in the request", List.of());
        }
        if (!batch.problems.isEmpty()) {
            List<String> problems = batch.problems;
            String summary = problems.size() == 1 ? problems.get(0)
                    : problems.size() + " invalid articles; nothing was published";
            return error(batch.tooLong ? 413 : 400, summary, problems.size() == 1 ? List.of() : problems);
        }
        return publish(batch.articles);
    }

    @FunctionalInterface
    private interface ArticleSource {
        Article parse() throws InvalidArticleException;
    }

    /** The articles of one request, each parsed and checked, and the problems, in request order. */
    private final class Batch {
        final List<Article> articles = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        boolean tooLong;

        /** @param where how the problems of this article begin: "" for a lone article, "article [2]: " in a batch */
        void add(String where, ArticleSource source) {
            Article article;
            try {
                article = source.parse();
            } catch (InvalidArticleException e) {
                problems.add(where + e.getMessage());
                return;
            }
            Optional<String> invalid = validator.check(article, null, clock.instant());
            if (invalid.isPresent()) {
                problems.add(where + invalid.get());
                tooLong |= validator.isOverSizeLimit(article);
            } else {
                articles.add(article);
            }
        }
    }

    private Response publish(List<Article> articles) {
        long started = System.nanoTime();
        List<CompletableFuture<?>> acks = new ArrayList<>();
        try {
            for (Article article : articles) {
                acks.add(publisher.publish(article));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return unavailable(articles, acks, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            return unavailable(articles, acks, new TimeoutException("no acknowledgement in " + settings.ackTimeout().toSeconds() + " s"));
        } catch (RuntimeException e) {
            return unavailable(articles, acks, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(articles, acks, e);
        }
        ackSeconds.observe((System.nanoTime() - started) / 1e9);
        published.inc(articles.size());
        ObjectNode body = mapper.createObjectNode().put("published", articles.size());
        ArrayNode ids = body.putArray("ids");
        articles.forEach(a -> ids.add(a.getId()));
        return new Response(202, body);
    }

    /** 503, saying which articles Kafka did take (a retry of the whole request is safe: the job drops re-sends). */
    private Response unavailable(List<Article> articles, List<CompletableFuture<?>> acks, Throwable cause) {
        LOG.warn("Kafka did not acknowledge a request of {} article(s): {}", articles.size(), cause.toString());
        ObjectNode body = mapper.createObjectNode().put("error", "Kafka did not acknowledge the articles: "
                + cause.getMessage() + "; retry the request");
        ArrayNode taken = body.putArray("acknowledged");
        for (int i = 0; i < acks.size(); i++) {
            CompletableFuture<?> ack = acks.get(i);
            if (ack.isDone() && !ack.isCompletedExceptionally()) {
                taken.add(articles.get(i).getId());
            }
        }
        published.inc(taken.size());
        return new Response(503, body);
    }

    private void parseJson(String content, Batch batch) {
        JsonNode root;
        try {
            root = JsonErrors.strict(mapper).readTree(content);
        } catch (JsonProcessingException e) {
            batch.problems.add("not valid JSON: " + JsonErrors.reason(e));
            return;
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            batch.problems.add("expected a JSON object or an array of them");
            return;
        }
        if (root.isObject()) {
            batch.add("", () -> json.parse(root));
            return;
        }
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            batch.add("article [" + i + "]: ", () -> {
                if (!node.isObject()) {
                    throw new InvalidArticleException("expected a JSON object");
                }
                return json.parse(node);
            });
        }
    }

    private void parseLines(String content, Batch batch) {
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!line.isBlank()) {
                batch.add("line " + (i + 1) + ": ", () -> json.parse(line));
            }
        }
    }

    private boolean authorised(String header) {
        if (settings.bearerToken().isEmpty()) {
            return true;
        }
        byte[] expected = ("Bearer " + settings.bearerToken().get()).getBytes(StandardCharsets.UTF_8);
        return header != null && MessageDigest.isEqual(expected, header.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0 && out.size() < limit; n = in.read(buffer)) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private void health(Context ctx) throws IOException {
        Optional<Exception> stopped = publisher.failure();
        ObjectNode body = mapper.createObjectNode().put("status", stopped.isEmpty() ? "up" : "down")
                .put("topic", publisher.topic());
        stopped.ifPresent(e -> body.put("reason", "publishing stopped: " + e.getMessage()));
        ctx.status(stopped.isEmpty() ? 200 : 503).contentType("application/json").result(mapper.writeValueAsString(body));
    }

    private void metrics(Context ctx) throws IOException {
        PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out, registry.scrape());
        ctx.contentType(writer.getContentType()).result(out.toByteArray());
    }
}
