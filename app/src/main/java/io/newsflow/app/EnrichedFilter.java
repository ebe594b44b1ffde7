package io.newsflow.app;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Entity;
import io.newsflow.schemas.TopicTag;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which enriched articles {@code tail} shows. The entity conditions hold for one and the same entity: "--entity
 * Musk --type PERSON --min-salience 0.2" is an article where a person named (or id'd) Musk is salient.
 *
 * @param entity part of an entity's name, or its exact id ({@code wikidata:Q317521}), any case; null for any
 * @param type an entity type ({@code PERSON}); null for any
 * @param topic an IPTC code ({@code medtop:15000000} or {@code 15000000}) or part of a topic's label ({@code sport})
 * @param minSalience the least salience of the matching entity
 */
record EnrichedFilter(String entity, String type, String topic, double minSalience) implements Predicate<EnrichedArticle> {

    EnrichedFilter {
        entity = lower(entity);
        type = type == null ? null : type.toUpperCase(Locale.ROOT);
        topic = lower(topic);
    }

    private boolean entityConditions() {
        return entity != null || type != null || minSalience > 0;
    }

    @Override
    public boolean test(EnrichedArticle event) {
        if (entityConditions() && event.getEntities().stream().noneMatch(this::matches)) {
            return false;
        }
        return topic == null || event.getTopics().stream().anyMatch(this::matches);
    }

    private boolean matches(Entity e) {
        return (entity == null || e.getName().toLowerCase(Locale.ROOT).contains(entity)
                || entity.equalsIgnoreCase(e.getId() == null ? "" : e.getId()))
                && (type == null || e.getType().name().equals(type))
                && e.getSalience() >= minSalience;
    }

    private boolean matches(TopicTag t) {
        String code = t.getCode().toLowerCase(Locale.ROOT);
        return code.equals(topic) || code.equals("medtop:" + topic) || t.getLabel().toLowerCase(Locale.ROOT).contains(topic);
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
