package io.newsflow.app.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads the training corpora's format as gold documents: one tokenized sentence per line,
 * {@code {"id", "tokens": [...], "tags": ["B-PERSON", "I-PERSON", "O", ...]}} (BIO over our types, as in
 * {@code ../shared/train}). Consecutive sentences whose ids agree up to the last {@code -} are one document
 * (GUM's {@code <doc>-<n>}, wikigold's {@code dNNN-sNNN}), so the engine sees whole texts as it does in the job;
 * files that number bare sentences ({@code wnut17-dev-00002}) become one document. The tokens are joined into
 * text the way they were written (no space before "," or "n't", none after "("), a sentence ending in ".", "?" or
 * "!" is followed by a space and any other (a heading) by a line break, and each {@code B-X I-X…} run becomes an
 * entity {@code {start, end, type}} on that text: the document {@link JsonlDocuments} would have read.
 */
public final class BioDocuments {

    private static final Set<String> NO_SPACE_BEFORE = Set.of(",", ".", ";", ":", "!", "?", ")", "]", "}", "%",
            "'", "\u2019", "\u201d", "n't", "'s", "'re", "'ve", "'ll", "'d", "'m");
    private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[", "{", "$", "\u201c", "\u2018");

    private BioDocuments() {}

    /** Whether a JSON object is a sentence in this format. */
    public static boolean isSentence(JsonNode node) {
        return node.isObject() && node.has("tokens") && node.has("tags");
    }

    public static void read(InputStream in, ObjectMapper mapper, Consumer<JsonlDocuments.Document> onDocument,
                            BiConsumer<Integer, String> onError) {
        Documents documents = new Documents(mapper, onDocument);
        JsonlDocuments.readValues(in, mapper, (line, node) -> {
            String problem = problem(node);
            if (problem == null) {
                documents.add(line, node);
            } else {
                onError.accept(line, problem);
            }
        }, onError);
        documents.finish();
    }

    /** Groups the sentences read into documents, handing each on once its last sentence has been read. */
    private static final class Documents {
        private final ObjectMapper mapper;
        private final Consumer<JsonlDocuments.Document> onDocument;
        private Builder open;

        Documents(ObjectMapper mapper, Consumer<JsonlDocuments.Document> onDocument) {
            this.mapper = mapper;
            this.onDocument = onDocument;
        }

        void add(int line, JsonNode sentence) {
            String id = sentence.get("id").asText();
            String document = id.contains("-") ? id.substring(0, id.lastIndexOf('-')) : id;
            if (open != null && !open.id.equals(document)) {
                finish();
            }
            if (open == null) {
                open = new Builder(document, line);
            }
            open.add(sentence.get("tokens"), sentence.get("tags"));
        }

        void finish() {
            if (open != null) {
                onDocument.accept(open.build(mapper));
                open = null;
            }
        }
    }

    private static String problem(JsonNode node) {
        if (!node.isObject()) {
            return "expected a JSON object";
        }
        if (!node.path("id").isTextual() || node.get("id").asText().isEmpty()) {
            return "field 'id' must be a non-empty string";
        }
        JsonNode tokens = node.path("tokens");
        JsonNode tags = node.path("tags");
        if (!tokens.isArray() || !tags.isArray() || tokens.size() != tags.size()) {
            return "fields 'tokens' and 'tags' must be arrays of the same length";
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).isTextual() || tokens.get(i).asText().isEmpty()) {
                return "token " + (i + 1) + " must be a non-empty string";
            }
            String tag = tags.get(i).asText("");
            if (!tag.equals("O") && !tag.startsWith("B-") && !tag.startsWith("I-")) {
                return "tag " + (i + 1) + " must be O, B-TYPE or I-TYPE, not " + tags.get(i);
            }
        }
        return null;
    }

    /** One document's text and entities, sentence by sentence. */
    private static final class Builder {
        private final String id;
        private final int line;
        private final StringBuilder text = new StringBuilder();
        private final List<int[]> spans = new ArrayList<>();
        private final List<String> types = new ArrayList<>();
        private boolean headingBefore;

        Builder(String id, int line) {
            this.id = id;
            this.line = line;
        }

        void add(JsonNode tokens, JsonNode tags) {
            if (!text.isEmpty()) {
                text.append(headingBefore ? "\n" : " ");
            }
            String previous = null;
            int openStart = -1;
            String openType = null;
            int openEnd = -1;
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i).asText();
                if (previous != null && !NO_SPACE_BEFORE.contains(token) && !NO_SPACE_AFTER.contains(previous)) {
                    text.append(' ');
                }
                int start = text.length();
                text.append(token);
                String tag = tags.get(i).asText();
                boolean continues = tag.startsWith("I-") && tag.substring(2).equals(openType);
                if (openType != null && !continues) {
                    close(openStart, openEnd, openType);
                    openType = null;
                }
                if (tag.startsWith("B-") || (tag.startsWith("I-") && !continues)) {
                    openStart = start;
                    openType = tag.substring(2);
                }
                openEnd = text.length();
                previous = token;
            }
            if (openType != null) {
                close(openStart, openEnd, openType);
            }
            headingBefore = previous == null || !(previous.equals(".") || previous.equals("?") || previous.equals("!"));
        }

        private void close(int start, int end, String type) {
            spans.add(new int[] {start, end});
            types.add(type);
        }

        JsonlDocuments.Document build(ObjectMapper mapper) {
            ObjectNode json = mapper.createObjectNode();
            json.put("id", id);
            json.put("text", text.toString());
            ArrayNode entities = json.putArray("entities");
            for (int i = 0; i < spans.size(); i++) {
                entities.addObject().put("start", spans.get(i)[0]).put("end", spans.get(i)[1]).put("type", types.get(i))
                        .put("text", text.substring(spans.get(i)[0], spans.get(i)[1]));
            }
            return new JsonlDocuments.Document(line, id, null, text.toString(), json);
        }
    }
}
