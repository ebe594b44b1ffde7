package io.newsflow.ingest;

import io.newsflow.schemas.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Turns the inputs a user names (files, folders read recursively, {@code -} for stdin) into articles.
 * The format follows the file name: {@code .json} holds one article object, {@code .jsonl}/{@code .ndjson}
 * one per line, {@code .html}/{@code .htm} is a web page ({@link HtmlArticleExtractor}: its text, title, date
 * and canonical URL), anything else is plain text with optional headers ({@link TextArticleParser}). Standard
 * input is JSONL when it starts with <code>{</code>, text otherwise. An HTML body in any format is converted to
 * text ({@link ArticleFields}).
 *
 * <p>Every input yields a result: an article, or a rejection naming the file (and line) and the reason.
 * Nothing is skipped silently; hidden files and folders (names starting with a dot) are not inputs.
 */
public final class ArticleReader {

    /** The name standard input goes by in paths and messages. */
    public static final String STDIN = "-";

    private final TextArticleParser text;
    private final JsonArticleParser json;
    private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();
    private final Clock clock;
    private final InputStream stdin;

    public ArticleReader(Clock clock, InputStream stdin) {
        this.text = new TextArticleParser(clock);
        this.json = new JsonArticleParser(clock);
        this.clock = clock;
        this.stdin = stdin;
    }

    /** Lists the files the given paths stand for, in a stable order; {@code -} stays as it is. */
    public List<String> expand(List<String> paths) throws IOException {
        List<String> files = new ArrayList<>();
        for (String path : paths) {
            if (STDIN.equals(path)) {
                files.add(STDIN);
                continue;
            }
            Path p = Path.of(path);
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> !isHidden(p.relativize(f)))
                            .sorted()
                            .forEach(f -> files.add(f.toString()));
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    /** Reads one file (or {@code -}) and hands each result, accepted or rejected, to {@code results}. */
    public void read(String file, Consumer<ParseResult> results) {
        if (STDIN.equals(file)) {
            readStream("<stdin>", new java.io.BufferedInputStream(stdin), null, results);
            return;
        }
        Path path = Path.of(file);
        if (!Files.exists(path)) {
            results.accept(new ParseResult.Rejected(file, "no such file or folder"));
            return;
        }
        if (!Files.isReadable(path)) {
            results.accept(new ParseResult.Rejected(file, "not readable (permission denied)"));
            return;
        }
        try (InputStream in = Files.newInputStream(path)) {
            readStream(file, in, formatOf(file), results);
        } catch (IOException e) {
            results.accept(new ParseResult.Rejected(file, "cannot read: " + e.getMessage()));
        }
    }

    private void readStream(String origin, InputStream in, Format format, Consumer<ParseResult> results) {
        try {
            if (format == Format.JSONL || (format == null && startsWithBrace(in))) {
                readLines(origin, in, results);
                return;
            }
            if (format == Format.HTML) {
                results.accept(new ParseResult.Accepted(origin, html(in.readAllBytes())));
                return;
            }
            String content = decode(in.readAllBytes());
            results.accept(new ParseResult.Accepted(origin,
                    format == Format.JSON ? json.parse(content) : text.parse(content)));
        } catch (InvalidArticleException e) {
            results.accept(new ParseResult.Rejected(origin, e.getMessage()));
        } catch (IOException e) {
            results.accept(new ParseResult.Rejected(origin, "cannot read: " + e.getMessage()));
        }
    }

    private void readLines(String origin, InputStream in, Consumer<ParseResult> results) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, strictUtf8()));
        int lineNumber = 0;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String where = origin + ":" + lineNumber;
                try {
                    results.accept(new ParseResult.Accepted(where, json.parse(line)));
                } catch (InvalidArticleException e) {
                    results.accept(new ParseResult.Rejected(where, e.getMessage()));
                }
            }
        } catch (MalformedInputException e) {
            results.accept(new ParseResult.Rejected(origin + ":" + (lineNumber + 1),
                    "not valid UTF-8; the rest of the input is skipped"));
        }
    }

    private static boolean startsWithBrace(InputStream in) throws IOException {
        in.mark(64);
        try {
            for (int i = 0, c = in.read(); i < 64 && c != -1; i++, c = in.read()) {
                if (!Character.isWhitespace(c) && c != 0xEF && c != 0xBB && c != 0xBF) {
                    return c == '{';
                }
            }
            return false;
        } finally {
            in.reset();
        }
    }

    /** Decodes strict UTF-8, refusing binary documents with a reason a person understands. */
    static String decode(byte[] bytes) throws InvalidArticleException {
        if (bytes.length == 0) {
            throw new InvalidArticleException("file is empty (0 bytes)");
        }
        if (bytes.length >= 5 && new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new InvalidArticleException("a PDF document, not text; extract its text first");
        }
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                throw new InvalidArticleException("binary content (NUL byte at offset " + i + "), not text");
            }
        }
        CharsetDecoder decoder = strictUtf8();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(buffer).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidArticleException("not valid UTF-8 (bad byte at offset " + buffer.position() + ")");
        }
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** An HTML page, in the charset it declares (UTF-8 if none): its text and its own title, date and URL. */
    private Article html(byte[] bytes) throws InvalidArticleException {
        if (bytes.length == 0) {
            throw new InvalidArticleException("file is empty (0 bytes)");
        }
        ArticleFields fields = new ArticleFields();
        fields.fillFrom(extractor.extract(bytes, null, null));
        if (fields.body.isBlank()) {
            throw new InvalidArticleException(ArticleFields.NO_TEXT_IN_HTML);
        }
        return fields.build(clock);
    }

    private static Format formatOf(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Format.JSONL;
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return Format.HTML;
        }
        return name.endsWith(".json") ? Format.JSON : Format.TEXT;
    }

    private enum Format { TEXT, JSON, JSONL, HTML }
}
