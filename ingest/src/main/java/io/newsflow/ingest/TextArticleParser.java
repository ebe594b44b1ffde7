package io.newsflow.ingest;

import io.newsflow.schemas.Article;
import io.newsflow.schemas.validate.ArticleValidator;
import java.time.Clock;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an article in the plain-text form articles often arrive in: header lines ({@code Author: …},
 * {@code Title: …}, {@code Source: …}, {@code Date: …}, {@code URL: …}, {@code Id: …}), a blank line, then the
 * body. Without a header block the first non-blank line is the title and the rest is the body. Header lines
 * with other names are kept in the article's metadata. A text that is an HTML page as a whole (no headers) is
 * the body, converted to text with the page's own title and date ({@link ArticleFields}).
 */
public final class TextArticleParser {

    private static final Pattern HEADER = Pattern.compile("^([A-Za-z][A-Za-z -]{0,30}):\\s*(.*)$");
    private static final Pattern KNOWN_HEADER = Pattern.compile(
            "^(author|authors|by|title|headline|source|publisher|date|published|url|link|id):.*",
            Pattern.CASE_INSENSITIVE);

    private final Clock clock;

    public TextArticleParser(Clock clock) {
        this.clock = clock;
    }

    public Article parse(String text) throws InvalidArticleException {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        String[] lines = normalized.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first == lines.length) {
            throw new InvalidArticleException(text.isEmpty() ? "file is empty (0 bytes)" : "body is empty");
        }
        ArticleFields fields = new ArticleFields();
        if (ArticleValidator.looksLikeHtml(normalized)) {
            fields.body = normalized; // a page: its first line is markup, not a title
            return fields.build(clock);
        }
        int bodyStart;
        if (KNOWN_HEADER.matcher(lines[first]).matches()) {
            int i = first;
            for (; i < lines.length && !lines[i].isBlank(); i++) {
                Matcher header = HEADER.matcher(lines[i]);
                if (!header.matches()) {
                    throw new InvalidArticleException("line " + (i + 1) + " is neither a 'Name: value' header "
                            + "nor blank; put a blank line between the headers and the body");
                }
                apply(fields, header.group(1), header.group(2).strip());
            }
            bodyStart = i;
        } else {
            fields.title = lines[first].strip();
            bodyStart = first + 1;
        }
        fields.body = String.join("\n", java.util.Arrays.copyOfRange(lines, bodyStart, lines.length)).strip();
        return fields.build(clock);
    }

    private static void apply(ArticleFields fields, String name, String value) {
        switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "author", "authors", "by" -> fields.addAuthors(value);
            case "title", "headline" -> fields.title = value;
            case "source", "publisher" -> fields.source = value;
            case "date", "published" -> fields.published = value;
            case "url", "link" -> fields.url = value;
            case "id" -> fields.id = value;
            default -> fields.metadata.put(name.strip(), value);
        }
    }
}
