package io.newsflow.processing.enrich;

import java.util.ArrayList;
import java.util.List;

/**
 * What the engine found in one article: the body's language, its entities (most salient first) and its
 * topics (best first). Offsets in the mentions are Java {@code String} indexes into the body, end exclusive; in
 * the title mentions, into the title.
 */
public record Enrichment(String language, List<Entity> entities, List<Topic> topics) {

    public Enrichment {
        entities = List.copyOf(entities);
        topics = List.copyOf(topics);
    }

    /**
     * This enrichment with flat mentions, as CoNLL-style annotation writes them: the mentions that lie inside
     * another mention are left out ("Helsinki" in "University of Helsinki"), and so are the entities left with no
     * mention. The engine finds nested names because they say more (the place an institution is named after);
     * scored against flat gold, each counts as a false positive.
     */
    public Enrichment withoutNestedMentions() {
        List<Mention> all = entities.stream().flatMap(e -> e.mentions().stream()).toList();
        List<Mention> allInTitle = entities.stream().flatMap(e -> e.titleMentions().stream()).toList();
        List<Entity> kept = new ArrayList<>();
        for (Entity e : entities) {
            List<Mention> outer = outermost(e.mentions(), all);
            List<Mention> outerInTitle = outermost(e.titleMentions(), allInTitle);
            if (!outer.isEmpty() || !outerInTitle.isEmpty()) {
                kept.add(new Entity(e.name(), e.type(), e.id(), e.externalIds(), e.wikipedia(), e.wikipediaGuessed(),
                        outer, outerInTitle, e.salience(), e.confidence()));
            }
        }
        return new Enrichment(language, kept, topics);
    }

    private static List<Mention> outermost(List<Mention> mentions, List<Mention> all) {
        return mentions.stream().filter(m -> all.stream().noneMatch(o -> o.contains(m))).toList();
    }

    /**
     * One entity with every place it is mentioned: in the body ({@code mentions}) and in the title
     * ({@code titleMentions}; an entity the title alone names has no body mentions). {@code id} is e.g.
     * {@code wikidata:Q317521}, or null; {@code externalIds} are further ids such as {@code iso3166:US};
     * {@code wikipediaGuessed} says the knowledge base does not hold the entity and {@code wikipedia} is a title
     * guessed from its name.
     */
    public record Entity(String name, EntityType type, String id, List<String> externalIds, String wikipedia,
                         boolean wikipediaGuessed, List<Mention> mentions, List<Mention> titleMentions,
                         double salience, double confidence) {
        public Entity {
            externalIds = List.copyOf(externalIds);
            mentions = List.copyOf(mentions);
            titleMentions = List.copyOf(titleMentions);
        }
    }

    public record Mention(int start, int end, String text) {

        /** Whether {@code other} lies inside this mention and is shorter. */
        public boolean contains(Mention other) {
            return start <= other.start && other.end <= end && end - start > other.end - other.start;
        }
    }

    /** An IPTC Media Topic, e.g. {@code medtop:13000000} "science and technology", with its evidence terms. */
    public record Topic(String code, String label, double score, List<String> evidence) {
        public Topic {
            evidence = List.copyOf(evidence);
        }
    }
}
