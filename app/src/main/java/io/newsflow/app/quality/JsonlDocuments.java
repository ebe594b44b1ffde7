package io.newsflow.app.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.newsflow.ingest.JsonErrors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads documents, one JSON object per line: {@code {"id", "title"?, "text", …}} — the {@code tag} input and
 * the gold files of {@code ../shared/eval} as they are — or with {@code body} for {@code text}, as {@code ingest}
 * reads articles ({@code text} wins where both are there). Each line is decoded as UTF-8 on its own, strictly: a
 * malformed line (not UTF-8, not JSON, not a document) is handed to {@code onError} with its number and reason,
 * and reading goes on.
 */
public final class JsonlDocuments {

    /** The byte order mark some editors write at the start of a UTF-8 file. */
    private static final String BOM = "\uFEFF";

    /** One input document and its whole JSON object (gold files carry their labels there). */
    public record Document(int line, String id, String title, String text, JsonNode json) {}

    private JsonlDocuments() {}

    /** What {@link #readValues} hands on: a line's number and the JSON value on it. */
    @FunctionalInterface
    public interface LineValue {
        void accept(int line, JsonNode value);
    }

    public static void read(InputStream in, ObjectMapper mapper, Consumer<Document> onDocument,
                            BiConsumer<Integer, String> onError) {
        readValues(in, mapper, (lineNumber, node) -> {
            String text = node.has("text") || !node.has("body") ? "text" : "body";
            if (!node.isObject()) {
                onError.accept(lineNumber, "expected a JSON object, got " + typeOf(node));
            } else if (!node.has("id")) {
                onError.accept(lineNumber, "field 'id' is missing");
            } else if (!node.get("id").isTextual() || node.get("id").asText().isEmpty()) {
                onError.accept(lineNumber, "field 'id' must be a non-empty string, got "
                        + (node.get("id").isTextual() ? "\"\"" : typeOf(node.get("id"))));
            } else if (!node.has(text)) {
                onError.accept(lineNumber, "field 'text' (or 'body') is missing");
            } else if (!node.get(text).isTextual()) {
                onError.accept(lineNumber, "field '" + text + "' must be a string, got " + typeOf(node.get(text)));
            } else if (node.has("title") && !node.get("title").isNull() && !node.get("title").isTextual()) {
                onError.accept(lineNumber, "field 'title' must be a string, got " + typeOf(node.get("title")));
            } else {
                JsonNode title = node.get("title");
                onDocument.accept(new Document(lineNumber, node.get("id").asText(),
                        title == null || title.isNull() ? null : title.asText(), node.get(text).asText(), node));
            }
        }, onError);
    }

    /**
     * Reads one JSON value per line ({@code \n} or {@code \r\n}; a byte order mark at the start is dropped), skipping
     * blank lines: each goes to {@code onValue} with its line number, and a line that is not UTF-8 or not one JSON
     * value to {@code onError}. Memory holds one line at a time, whatever the size of the input.
     */
    public static void readValues(InputStream in, ObjectMapper mapper, LineValue onValue,
                                  BiConsumer<Integer, String> onError) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ObjectReader values = JsonErrors.strict(mapper); // a line is one value, with nothing after it
        Lines lines = new Lines(in);
        int lineNumber = 0;
        try {
            for (ByteBuffer bytes = lines.next(); bytes != null; bytes = lines.next()) {
                lineNumber++;
                String line;
                try {
                    line = utf8.decode(bytes).toString();
                } catch (CharacterCodingException e) {
                    // decode leaves the buffer at the first byte it could not decode
                    onError.accept(lineNumber, String.format("not valid UTF-8 (byte 0x%02X at offset %d of the line)",
                            bytes.get(bytes.position()) & 0xFF, bytes.position()));
                    continue;
                }
                if (lineNumber == 1 && line.startsWith(BOM)) {
                    line = line.substring(BOM.length());
                }
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = values.readTree(line);
                } catch (JsonProcessingException e) {
                    onError.accept(lineNumber, "not valid JSON: " + JsonErrors.reason(e));
                    continue;
                }
                onValue.accept(lineNumber, node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read line " + (lineNumber + 1), e);
        }
    }

    private static String typeOf(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /**
     * Splits a byte stream into lines before anything decodes them, so that a byte that is not UTF-8 spoils its own
     * line only (a decoding reader would fail on it, or replace it, blocks of 8 KB ahead of the line it reads).
     */
    private static final class Lines {
        /** A line buffer grown past this (by a huge line) is dropped after its line rather than kept for the rest. */
        private static final int KEEP_BYTES = 1 << 20;

        private final InputStream in;
        private final byte[] block = new byte[1 << 16];
        private int position;
        private int limit;
        private Line line = new Line();

        Lines(InputStream in) {
            this.in = in;
        }

        /** The next line's bytes, without its {@code \n} or {@code \r\n}; null at the end of the input. */
        ByteBuffer next() throws IOException {
            line = line.capacity() > KEEP_BYTES ? new Line() : line;
            line.reset();
            boolean read = false;
            while (true) {
                if (position == limit) {
                    int n = in.read(block);
                    if (n < 0) {
                        return read ? line.bytes() : null;
                    }
                    position = 0;
                    limit = n;
                }
                read = true;
                int start = position;
                while (position < limit && block[position] != '\n') {
                    position++;
                }
                line.write(block, start, position - start);
                if (position < limit) {
                    position++; // past the \n
                    return line.bytes();
                }
            }
        }
    }

    /** A line's bytes, handed on without copying them. */
    private static final class Line extends ByteArrayOutputStream {
        int capacity() {
            return buf.length;
        }

        ByteBuffer bytes() {
            int length = count > 0 && buf[count - 1] == '\r' ? count - 1 : count;
            return ByteBuffer.wrap(buf, 0, length);
        }
    }
}
