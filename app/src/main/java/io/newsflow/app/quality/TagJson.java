package io.newsflow.app.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.processing.enrich.Enrichment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code tag} output line of one document: language, every mention with its entity (in the text, and in the
 * title where the text does not begin with it), the entities and the topics, best first. Offsets are Java
 * {@code String} indexes into the document's text, end exclusive; a title mention's into the title.
 */
public final class TagJson {

    private final ObjectMapper mapper;

    public TagJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode toJson(String id, Enrichment enrichment) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", id);
        node.put("language", enrichment.language());
        ArrayNode mentions = node.putArray("mentions");
        ArrayNode titleMentions = node.putArray("title_mentions");
        ArrayNode entities = node.putArray("entities");
        for (Enrichment.Entity entity : enrichment.entities()) {
            addMentions(mentions, entity.mentions(), entity);
            addMentions(titleMentions, entity.titleMentions(), entity);
            ObjectNode e = entities.addObject()
                    .put("name", entity.name())
                    .put("type", entity.type().name())
                    .put("id", entity.id());
            entity.externalIds().forEach(e.putArray("ids")::add);
            e.put("wikipedia", entity.wikipedia())
                    .put("wikipedia_guessed", entity.wikipediaGuessed())
                    .put("mentions", entity.mentions().size() + entity.titleMentions().size())
                    .put("salience", round(entity.salience()))
                    .put("confidence", round(entity.confidence()));
        }
        sortByStart(mentions);
        sortByStart(titleMentions);
        ArrayNode topics = node.putArray("topics");
        for (Enrichment.Topic topic : enrichment.topics()) {
            ObjectNode t = topics.addObject().put("code", topic.code()).put("label", topic.label())
                    .put("score", round(topic.score()));
            topic.evidence().forEach(t.putArray("evidence")::add);
        }
        return node;
    }

    private static void addMentions(ArrayNode to, List<Enrichment.Mention> mentions, Enrichment.Entity entity) {
        for (Enrichment.Mention m : mentions) {
            to.addObject()
                    .put("start", m.start())
                    .put("end", m.end())
                    .put("type", entity.type().name())
                    .put("text", m.text())
                    .put("entity", entity.name());
        }
    }

    private static void sortByStart(ArrayNode mentions) {
        List<JsonNode> sorted = new ArrayList<>();
        mentions.forEach(sorted::add);
        sorted.sort(Comparator.comparingInt(n -> n.get("start").asInt()));
        mentions.removeAll();
        mentions.addAll(sorted);
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
