package io.newsflow.ingest;

import io.newsflow.schemas.Article;
import io.newsflow.schemas.ContentHash;
import io.newsflow.schemas.validate.ArticleValidator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the fields of one article as a parser reads them, then builds the {@link Article}: converts an HTML
 * body to text, derives the id and the content hash, parses the date, and rejects what no consumer could use
 * (an empty body).
 *
 * <p>HTML: a body the job would reject as HTML (a page or a fragment, by {@link ArticleValidator#looksLikeHtml})
 * is replaced by the text {@link HtmlArticleExtractor} finds in it, and the page's title, date, canonical URL,
 * authors and site name fill the fields the input left empty: what the input says explicitly wins.
 *
 * <p>Ids: the source's own id if it has one; else {@code url-} + 20 hex digits of the URL's SHA-256; else
 * {@code sha-} + 20 hex digits of the content hash. The same article sent twice gets the same id.
 */
final class ArticleFields {

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final HtmlArticleExtractor HTML = new HtmlArticleExtractor();

    static final String NO_TEXT_IN_HTML = "HTML with no article text in it";

    String id;
    String url;
    String source;
    String title;
    String body;
    String published;
    final List<String> authors = new ArrayList<>();
    final Map<String, String> metadata = new LinkedHashMap<>();

    Article build(Clock clock) throws InvalidArticleException {
        if (body == null || body.isBlank()) {
            throw new InvalidArticleException(body == null ? "body is missing" : "body is empty");
        }
        if (ArticleValidator.looksLikeHtml(body)) {
            fillFrom(HTML.extract(body, blankToNull(url)));
            if (body.isBlank()) {
                throw new InvalidArticleException(NO_TEXT_IN_HTML);
            }
        }
        String cleanTitle = blankToNull(title);
        String contentHash = contentHash(cleanTitle, body);
        String cleanUrl = blankToNull(url);
        return Article.newBuilder()
                .setId(blankToNull(id) != null ? id.strip() : deriveId(cleanUrl, contentHash))
                .setUrl(cleanUrl)
                .setSource(blankToNull(source))
                .setTitle(cleanTitle)
                .setBody(body)
                .setAuthors(List.copyOf(authors))
                .setPublishedAt(parseDate(published))
                .setIngestedAt(clock.instant())
                .setContentHash(contentHash)
                .setMetadata(new LinkedHashMap<>(metadata))
                .build();
    }

    /** Takes the page's text as the body, and the page's facts for the fields not set yet. */
    void fillFrom(HtmlArticleExtractor.HtmlPage page) {
        body = page.body();
        if (blankToNull(title) == null) {
            title = page.title();
        }
        if (blankToNull(published) == null && page.published() != null) {
            published = page.published().toString();
        }
        if (blankToNull(url) == null) {
            url = page.url();
        }
        if (blankToNull(source) == null) {
            source = page.siteName();
        }
        if (authors.isEmpty()) {
            authors.addAll(page.authors());
        }
    }

    void addAuthors(String value) {
        if (value == null) {
            return;
        }
        for (String author : value.split("\\s*(?:,|;|\\band\\b)\\s*")) {
            if (!author.isBlank()) {
                authors.add(author.strip());
            }
        }
    }

    static String contentHash(String title, String body) {
        return ContentHash.of(title, body);
    }

    private static String deriveId(String url, String contentHash) {
        if (url != null) {
            return "url-" + ContentHash.sha256Hex(url).substring(0, 20);
        }
        return "sha-" + contentHash.substring("sha256:".length(), "sha256:".length() + 20);
    }

    static Instant parseDate(String value) throws InvalidArticleException {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        text = text.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(text, RFC_1123).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidArticleException("date '" + text + "' is not ISO-8601 (2024-05-01, "
                    + "2024-05-01T12:00:00Z) nor RFC 1123 (Wed, 01 May 2024 12:00:00 GMT)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
