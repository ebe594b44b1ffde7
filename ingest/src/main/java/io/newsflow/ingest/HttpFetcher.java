package io.newsflow.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLException;

/**
 * GETs feeds and pages politely, with the JDK's HTTP client: at most one request to a host at a time (however
 * many feeds share it), a User-Agent that says who asks, time limits on connecting and on the answer, redirects
 * followed (not from https to http), and a cap on the size of what is read. Conditional headers
 * ({@code If-None-Match}, {@code If-Modified-Since}) are the caller's to send.
 *
 * <p>A failure to get any answer is an {@link IOException} whose message says what happened in words
 * ({@link #describe}); an answer with any status is a {@link Response}.
 */
public final class HttpFetcher {

    public static final String USER_AGENT = "newsflow-feeds/0.1 (news enrichment; polls each feed every few minutes)";

    /** One answer: the address it came from after redirects, the status, the headers and the body (capped). */
    public record Response(URI uri, int status, HttpHeaders headers, byte[] body) {

        public Optional<String> header(String name) {
            return headers.firstValue(name).filter(v -> !v.isBlank());
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        /** The charset the Content-Type names, or null. */
        public String charset() {
            for (String part : contentType().split(";")) {
                String p = part.strip();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    return p.substring("charset=".length()).replace("\"", "").strip();
                }
            }
            return null;
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final int maxBytes;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

    /**
     * @param timeout  the longest wait for a connection, and again for the answer
     * @param maxBytes the largest body read; a larger one fails the request
     */
    public HttpFetcher(Duration timeout, int maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** GETs {@code uri} with the given extra headers, waiting for the host to be free first. */
    public Response get(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(timeout)
                .header("User-Agent", USER_AGENT);
        headers.forEach(request::header);
        Semaphore host = hosts.computeIfAbsent(hostKey(uri), k -> new Semaphore(1, true));
        host.acquire();
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw new IOException("the answer is larger than " + (maxBytes >= 1024 * 1024
                            ? maxBytes / (1024 * 1024) + " MB" : maxBytes + " bytes"));
                }
                return new Response(response.uri(), response.statusCode(), response.headers(), bytes);
            }
        } finally {
            host.release();
        }
    }

    /** How many requests wait for the host of {@code uri} to be free (for tests). */
    int queued(URI uri) {
        Semaphore host = hosts.get(hostKey(uri));
        return host == null ? 0 : host.getQueueLength();
    }

    private static String hostKey(URI uri) {
        return (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT)) + ":" + uri.getPort();
    }

    /** What a failed request ran into, in words: the JDK's exceptions often carry no message. */
    public static String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within the time limit";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within the time limit";
        }
        if (e instanceof UnknownHostException || e.getCause() instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        if (e instanceof ConnectException) {
            return e.getCause() instanceof UnresolvedAddressException ? "unknown host" : "connection refused";
        }
        if (e instanceof SSLException) {
            return "TLS failed: " + e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
