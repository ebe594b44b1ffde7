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

    public String pretty(ObjectNode node) {
        return node.toPrettyString();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
