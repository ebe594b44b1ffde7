package io.newsflow.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Entity;
import io.newsflow.schemas.TopicTag;

/**
 * Renders events for a person to read: an enriched article as JSON without its body (id, title, language,
 * entities with types and ids, topics with scores and evidence), a dead letter as its reason and origin.
 */
public final class EventFormatter {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ObjectNode toJson(EnrichedArticle event) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", event.getArticle().getId());
        node.put("title", event.getArticle().getTitle());
        node.put("source", event.getArticle().getSource());
        if (event.getArticle().getPublishedAt() != null) {
            node.put("published_at", event.getArticle().getPublishedAt().toString());
        }
        node.put("language", event.getLanguage());
        ArrayNode entities = node.putArray("entities");
        for (Entity e : event.getEntities()) {
            ObjectNode entity = entities.addObject();
            entity.put("name", e.getName());
            entity.put("type", e.getType().name());
            entity.put("id", e.getId());
            if (!e.getExternalIds().isEmpty()) {
                e.getExternalIds().forEach(entity.putArray("ids")::add);
            }
            entity.put("wikipedia", e.getWikipedia());
            entity.put("wikipedia_guessed", e.getWikipediaGuessed());
            entity.put("mentions", e.getMentionCount());
            entity.put("salience", round(e.getSalience()));
            entity.put("confidence", round(e.getConfidence()));
        }
        ArrayNode topics = node.putArray("topics");
        for (TopicTag t : event.getTopics()) {
            ObjectNode topic = topics.addObject();
            topic.put("code", t.getCode());
            topic.put("label", t.getLabel());
            topic.put("score", round(t.getScore()));
            t.getEvidence().forEach(topic.putArray("evidence")::add);
        }
        node.put("engine", event.getEnrichment().getEngineVersion());
        node.put("kb", event.getEnrichment().getKbVersion());
        return node;
    }

    public ObjectNode toJson(DeadLetter letter) {
        ObjectNode node = mapper.createObjectNode();
        node.put("article_id", letter.getArticleId());
        node.put("stage", letter.getStage().name());
        node.put("reason", letter.getReason());
        node.put("error_class", letter.getErrorClass());
        node.put("source", letter.getSourceTopic() + "-" + letter.getSourcePartition() + "@" + letter.getSourceOffset());
        node.put("value_bytes", letter.getValue() == null ? 0 : letter.getValue().remaining());
        return node;
    }

    /**
     * One readable line: time, title (or the start of the body), the top entities with their types, the top
     * topics with their scores — "2024-05-01 12:00  Musk on Grok 3 | Elon Musk PERSON, xAI ORGANIZATION | science
     * and technology 0.91".
     */
    public String line(EnrichedArticle event, int entities, int topics) {
        var article = event.getArticle();
        String when = article.getPublishedAt() != null ? article.getPublishedAt().toString() : article.getIngestedAt().toString();
        when = when.length() >= 16 ? when.substring(0, 10) + " " + when.substring(11, 16) : when;
        String title = article.getTitle() != null && !article.getTitle().isBlank() ? article.getTitle()
                : article.getBody().strip().lines().findFirst().orElse("");
        if (title.length() > 70) {
            title = title.substring(0, 69) + "…";
        }
        String people = event.getEntities().stream().limit(entities)
                .map(e -> e.getName() + " " + e.getType().name()).collect(java.util.stream.Collectors.joining(", "));
        String subjects = event.getTopics().stream().limit(topics)
                .map(t -> t.getLabel() + " " + String.format(java.util.Locale.ROOT, "%.2f", t.getScore()))
                .collect(java.util.stream.Collectors.joining(", "));
        return when + "  " + title + " | " + (people.isEmpty() ? "-" : people) + " | " + (subjects.isEmpty() ? "-" : subjects)
                + (event.getIsUpdate() ? " (update)" : "");
    }

    public String pretty(ObjectNode node) {
        return node.toPrettyString();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
