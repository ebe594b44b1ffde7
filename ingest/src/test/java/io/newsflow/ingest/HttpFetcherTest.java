package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final ExecutorService clients = Executors.newFixedThreadPool(2);
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                seen.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("User-Agent"));
                if (exchange.getRequestURI().getPath().startsWith("/slow")) {
                    release.await();
                }
                if (exchange.getRequestURI().getPath().equals("/moved")) {
                    exchange.getResponseHeaders().add("Location", "/big");
                    exchange.sendResponseHeaders(301, -1);
                    return;
                }
                byte[] body = "x".repeat(exchange.getRequestURI().getPath().equals("/big") ? 2048 : 10)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=\"ISO-8859-1\"");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
        clients.shutdownNow();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void sendsOneRequestToAHostAtATime() throws Exception {
        HttpFetcher fetcher = new HttpFetcher(Duration.ofSeconds(10), 1024);
        CompletableFuture<HttpFetcher.Response> first = CompletableFuture.supplyAsync(() -> get(fetcher, "/slow/1"), clients);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 1);
        CompletableFuture<HttpFetcher.Response> second = CompletableFuture.supplyAsync(() -> get(fetcher, "/slow/2"), clients);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> fetcher.queued(uri("/")) == 1);
        assertThat(seen).as("the second request waits for the host, not on the wire").hasSize(1);

        release.countDown();
        assertThat(first.get().status()).isEqualTo(200);
        assertThat(second.get().status()).isEqualTo(200);
        assertThat(seen).hasSize(2).allSatisfy(r -> assertThat(r).endsWith(HttpFetcher.USER_AGENT));
    }

    @Test
    void followsRedirectsCapsTheBodyAndReadsTheCharset() throws Exception {
        HttpFetcher fetcher = new HttpFetcher(Duration.ofSeconds(10), 4096);
        HttpFetcher.Response response = fetcher.get(uri("/moved"), Map.of());
        assertThat(response.uri()).isEqualTo(uri("/big"));
        assertThat(response.body()).hasSize(2048);
        assertThat(response.charset()).isEqualTo("ISO-8859-1");

        HttpFetcher small = new HttpFetcher(Duration.ofSeconds(10), 1024);
        assertThatThrownBy(() -> small.get(uri("/big"), Map.of())).hasMessage("the answer is larger than 1024 bytes");
    }

    @Test
    void namesAConnectionRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        HttpFetcher fetcher = new HttpFetcher(Duration.ofSeconds(10), 1024);

        assertThatThrownBy(() -> fetcher.get(URI.create("http://127.0.0.1:" + port + "/feed.xml"), Map.of()))
                .isInstanceOfSatisfying(IOException.class,
                        e -> assertThat(HttpFetcher.describe(e)).isEqualTo("connection refused"));
    }

    private HttpFetcher.Response get(HttpFetcher fetcher, String path) {
        try {
            return fetcher.get(uri(path), Map.of());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
