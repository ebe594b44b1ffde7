package io.newsflow.schemas.validate;

import io.newsflow.schemas.Article;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether an article can be enriched, and if not, says why in words fit for a dead-letter reason or
 * an ingest report. Part of the contract, so every edge applies the same rules: the ingest tools reject an
 * invalid article before it reaches Kafka, and the job dead-letters one that arrives from any other producer.
 */
public final class ArticleValidator {

    /** How far in the future a publication date may lie before it is taken for an error (clock skew, time zones). */
    public static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    /** The default longest body, in UTF-8 bytes. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    /** Shorter bodies are not articles (a stray character, a test message). */
    public static final int MIN_BODY_CHARS = 10;
    private static final java.util.regex.Pattern HTML = java.util.regex.Pattern.compile(
            "<(html|head|body|div|p|span|table|script|!doctype)[\\s>]");

    private final int maxBodyBytes;

    public ArticleValidator(int maxBodyBytes) {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("max body bytes must be > 0, got " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * @param key the record key (UTF-8), or null
     * @return the reason the article is rejected, or empty if it is valid
     */
    public Optional<String> check(Article article, byte[] key, Instant now) {
        if (article.getId().isBlank()) {
            return Optional.of("article id is empty");
        }
        String body = article.getBody();
        if (body.isEmpty()) {
            return Optional.of("body is empty");
        }
        if (body.isBlank()) {
            return Optional.of("body is whitespace only (" + body.length() + " characters)");
        }
        if (isOverSizeLimit(article)) {
            return Optional.of("body is " + body.getBytes(StandardCharsets.UTF_8).length + " bytes, over the limit of "
                    + maxBodyBytes + " bytes");
        }
        String stripped = body.strip();
        if (stripped.length() < MIN_BODY_CHARS) {
            return Optional.of("body is " + stripped.length() + " character" + (stripped.length() == 1 ? "" : "s")
                    + ", shorter than the minimum of " + MIN_BODY_CHARS);
        }
        Optional<String> notText = notText(body);
        if (notText.isPresent()) {
            return notText;
        }
        Instant published = article.getPublishedAt();
        if (published != null && published.isAfter(now.plus(FUTURE_TOLERANCE))) {
            return Optional.of("published_at " + published + " is in the future");
        }
        if (article.getUrl() != null) {
            Optional<String> url = checkUrl(article.getUrl());
            if (url.isPresent()) {
                return url;
            }
        }
        if (key != null && !Arrays.equals(key, article.getId().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("record key '" + new String(key, StandardCharsets.UTF_8)
                    + "' differs from article id '" + article.getId() + "'");
        }
        return Optional.empty();
    }

    /** Whether the body is longer than the limit (one of the rules {@link #check} applies; an HTTP edge answers 413). */
    public boolean isOverSizeLimit(Article article) {
        String body = article.getBody();
        return body.length() > maxBodyBytes || (body.length() * 3L > maxBodyBytes
                && body.getBytes(StandardCharsets.UTF_8).length > maxBodyBytes);
    }

    /** Bodies that are not plain text: binary documents, text whose bytes were not UTF-8, HTML pages. */
    private static Optional<String> notText(String body) {
        if (body.startsWith("%PDF-")) {
            return Optional.of("body is a PDF document, not text");
        }
        int replacement = body.indexOf('\uFFFD');
        if (replacement >= 0) {
            return Optional.of("body holds invalid UTF-8 (a replacement character at offset " + replacement + ")");
        }
        for (int i = 0, n = Math.min(body.length(), 4096); i < n; i++) {
            char c = body.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                return Optional.of(String.format("body is binary, not text (control character 0x%02X at offset %d)", (int) c, i));
            }
        }
        if (looksLikeHtml(body)) {
            return Optional.of("body is HTML, not text: convert it to text before publishing");
        }
        return Optional.empty();
    }

    /**
     * Whether a body is HTML (a page or a fragment such as {@code <p>…</p>}) rather than text: the test this
     * validator rejects HTML by, so an edge that converts HTML first converts exactly what would be rejected.
     */
    public static boolean looksLikeHtml(String body) {
        String head = body.substring(0, Math.min(body.length(), 2048)).toLowerCase(Locale.ROOT);
        return head.stripLeading().startsWith("<") && HTML.matcher(head).find();
    }

    private static Optional<String> checkUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.of("url '" + url + "' is not an http(s) URL");
            }
            if (uri.getHost() == null) {
                return Optional.of("url '" + url + "' has no host");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("url '" + url + "' is malformed: " + e.getReason());
        }
    }
}
