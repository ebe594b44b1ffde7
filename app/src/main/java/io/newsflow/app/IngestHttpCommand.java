package io.newsflow.app;

import io.newsflow.ingest.ArticlePublisher;
import io.newsflow.ingest.HttpIngestServer;
import io.newsflow.schemas.validate.ArticleValidator;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsflow ingest http}: an HTTP endpoint that publishes the articles POSTed to it. */
@Command(name = "http", mixinStandardHelpOptions = true,
        description = {"Serves POST /articles (JSON object or array, JSON lines, or text/plain) and publishes each "
                + "article to Kafka, answering 202 with the ids once Kafka acknowledged them.",
                "Also GET /health and GET /metrics (Prometheus). Runs until Ctrl-C."})
final class IngestHttpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Mixin
    HttpOptions http;

    @Mixin
    PublishOptions publish;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ArticlePublisher publisher = HttpOptions.publisher(publish.bootstrapServers, publish.topic, kafka.settings());
             HttpIngestServer server = HttpIngestServer.start(http.settings(host, port), publisher,
                     new ArticleValidator(publish.maxBodyBytes), Clock.systemUTC())) {
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "newsflow-http-shutdown"));
            out.printf("Listening on http://%s:%d/articles, publishing to %s on %s%s. Stop: Ctrl-C%n", host, server.port(),
                    publish.topic, publish.bootstrapServers, http.token == null ? "" : " (bearer token required)");
            out.flush();
            stopped.await();
        }
        return 0;
    }

    /** The settings the HTTP edge shares with {@code up}. */
    static final class HttpOptions {

        @Option(names = "--max-request-bytes", defaultValue = "16777216",
                description = "Longest request body; 413 above it (default: ${DEFAULT-VALUE}).")
        long maxRequestBytes;

        @Option(names = "--token", defaultValue = "${env:NEWSFLOW_HTTP_TOKEN}",
                description = "Bearer token required on POST /articles (default: $NEWSFLOW_HTTP_TOKEN; none if unset).")
        String token;

        @Option(names = "--ack-timeout", defaultValue = "PT30S",
                description = "How long a request waits for Kafka before answering 503 (default: ${DEFAULT-VALUE}).")
        Duration ackTimeout;

        HttpIngestServer.Settings settings(String host, int port) {
            return new HttpIngestServer.Settings(host, port, maxRequestBytes, Optional.ofNullable(token), ackTimeout);
        }

        /**
         * A publisher that gives up on an unreachable Kafka within the request's patience: a send waits at most
         * 10 s for metadata, and a record at most 20 s for its acknowledgement ({@code -k} settings override).
         */
        static ArticlePublisher publisher(String bootstrapServers, String topic, Map<String, String> kafka) {
            Map<String, String> settings = new HashMap<>(Map.of("max.block.ms", "10000",
                    "request.timeout.ms", "10000", "delivery.timeout.ms", "20000"));
            settings.putAll(kafka);
            return new ArticlePublisher(bootstrapServers, topic, settings);
        }
    }
}
