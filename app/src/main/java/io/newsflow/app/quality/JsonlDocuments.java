package io.newsflow.app.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads documents, one JSON object per line: {@code {"id", "title"?, "text", …}} — the {@code tag} input and
 * the gold files of {@code ../shared/eval} as they are. A malformed line is handed to {@code onError} with
 * its number and reason, and reading goes on.
 */
public final class JsonlDocuments {

    /** One input document and its whole JSON object (gold files carry their labels there). */
    public record Document(int line, String id, String title, String text, JsonNode json) {}

    private JsonlDocuments() {}

    /** What {@link #readValues} hands on: a line's number and the JSON value on it. */
    @FunctionalInterface
    public interface LineValue {
        void accept(int line, JsonNode value);
    }

    public static void read(BufferedReader reader, ObjectMapper mapper, Consumer<Document> onDocument,
                            BiConsumer<Integer, String> onError) {
        readValues(reader, mapper, (lineNumber, node) -> {
            if (!node.isObject()) {
                onError.accept(lineNumber, "expected a JSON object");
            } else if (!node.path("id").isTextual() || node.get("id").asText().isEmpty()) {
                onError.accept(lineNumber, "field 'id' must be a non-empty string");
            } else if (!node.path("text").isTextual()) {
                onError.accept(lineNumber, "field 'text' must be a string");
            } else if (node.has("title") && !node.get("title").isNull() && !node.get("title").isTextual()) {
                onError.accept(lineNumber, "field 'title' must be a string");
            } else {
                JsonNode title = node.get("title");
                onDocument.accept(new Document(lineNumber, node.get("id").asText(),
                        title == null || title.isNull() ? null : title.asText(), node.get("text").asText(), node));
            }
        }, onError);
    }

    /**
     * Reads one JSON value per line, skipping blank lines: each goes to {@code onValue} with its line number, and a
     * line that is not JSON to {@code onError}.
     */
    public static void readValues(BufferedReader reader, ObjectMapper mapper, LineValue onValue,
                                  BiConsumer<Integer, String> onError) {
        int lineNumber = 0;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = mapper.readTree(line);
                } catch (JsonProcessingException e) {
                    onError.accept(lineNumber, "not valid JSON: " + e.getOriginalMessage());
                    continue;
                }
                onValue.accept(lineNumber, node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read line " + (lineNumber + 1), e);
        }
    }
}
