package io.newsflow.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.Article;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads an article from one JSON object. Fields: {@code id}, {@code url}, {@code source}, {@code title},
 * {@code body} (or {@code text}), {@code authors} (array or string; also {@code author}), {@code published_at}
 * (or {@code date}/{@code published}: ISO-8601 text or epoch milliseconds) and {@code metadata} (object of
 * strings). Unknown fields are ignored; a field of the wrong JSON type is an error that names the field.
 */
public final class JsonArticleParser {

    private final ObjectMapper mapper = new ObjectMapper();
    private final Clock clock;

    public JsonArticleParser(Clock clock) {
        this.clock = clock;
    }

    public Article parse(String json) throws InvalidArticleException {
        JsonNode node;
        try {
            node = JsonErrors.strict(mapper).readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidArticleException("not valid JSON: " + JsonErrors.reason(e));
        }
        if (node == null || !node.isObject()) {
            throw new InvalidArticleException("expected a JSON object, got "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return parse(node);
    }

    Article parse(JsonNode node) throws InvalidArticleException {
        ArticleFields fields = new ArticleFields();
        fields.id = text(node, "id");
        fields.url = text(node, "url");
        fields.source = text(node, "source");
        fields.title = text(node, "title");
        fields.body = node.has("body") ? text(node, "body") : text(node, "text");
        fields.published = date(node);
        for (String name : new String[] {"authors", "author"}) {
            JsonNode authors = node.get(name);
            if (authors == null || authors.isNull()) {
                continue;
            }
            if (authors.isArray()) {
                for (JsonNode author : authors) {
                    if (!author.isTextual()) {
                        throw new InvalidArticleException("field '" + name + "' must hold strings");
                    }
                    fields.authors.add(author.asText().strip());
                }
            } else if (authors.isTextual()) {
                fields.addAuthors(authors.asText());
            } else {
                throw new InvalidArticleException("field '" + name + "' must be a string or an array of strings");
            }
        }
        JsonNode metadata = node.get("metadata");
        if (metadata != null && !metadata.isNull()) {
            if (!metadata.isObject()) {
                throw new InvalidArticleException("field 'metadata' must be an object of strings");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = metadata.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                fields.metadata.put(entry.getKey(), entry.getValue().isTextual()
                        ? entry.getValue().asText() : entry.getValue().toString());
            }
        }
        return fields.build(clock);
    }

    private static String date(JsonNode node) throws InvalidArticleException {
        for (String name : new String[] {"published_at", "date", "published"}) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isIntegralNumber()) {
                return Instant.ofEpochMilli(value.asLong()).toString();
            }
            if (!value.isTextual()) {
                throw new InvalidArticleException("field '" + name + "' must be ISO-8601 text or epoch milliseconds");
            }
            return value.asText();
        }
        return null;
    }

    private static String text(JsonNode node, String field) throws InvalidArticleException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidArticleException("field '" + field + "' must be a string, got "
                    + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return value.asText();
    }
}
