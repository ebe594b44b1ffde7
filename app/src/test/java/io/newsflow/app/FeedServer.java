package io.newsflow.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server for feed tests (the JDK's, on a free loopback port): serves documents with an ETag and
 * answers 304 to a matching If-None-Match, or answers a fixed status; records every request and the most
 * requests it ever held unanswered at once.
 */
final class FeedServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Request(String path, String ifNoneMatch, String userAgent, int status) { }

    private record Resource(int status, String contentType, byte[] body, String etag) { }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Serves {@code body} at {@code path}; its ETag changes with its content. */
    void serve(String path, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resources.put(path, new Resource(200, contentType, bytes, "\"" + Integer.toHexString(body.hashCode()) + "\""));
    }

    void status(String path, int status) {
        resources.put(path, new Resource(status, "text/plain", ("status " + status).getBytes(StandardCharsets.UTF_8), null));
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<Request> requests(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    void clearRequests() {
        synchronized (requests) {
            requests.clear();
        }
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        boolean counted = true;
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            Resource resource = resources.getOrDefault(path, new Resource(404, "text/plain", new byte[0], null));
            int status = resource.status();
            if (resource.etag() != null && resource.etag().equals(ifNoneMatch)) {
                status = 304;
            }
            synchronized (requests) {
                requests.add(new Request(path, ifNoneMatch, exchange.getRequestHeaders().getFirst("User-Agent"), status));
            }
            // no longer in flight once the answer starts: the client may send its next request as soon as it has it
            inFlight.decrementAndGet();
            counted = false;
            exchange.getResponseHeaders().add("Content-Type", resource.contentType());
            if (resource.etag() != null) {
                exchange.getResponseHeaders().add("ETag", resource.etag());
            }
            if (status == 304) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.sendResponseHeaders(status, resource.body().length == 0 ? -1 : resource.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(resource.body());
            }
        } finally {
            if (counted) {
                inFlight.decrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
