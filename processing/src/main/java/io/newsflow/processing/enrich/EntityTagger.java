package io.newsflow.processing.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the knowledge base's entities in a text, and resolves in-document short forms: once "Elon Musk" is
 * seen, a later "Musk" is the same person. Salience grows with the number of mentions, an early first mention
 * and a mention in the title; the saliences of an article sum to 1.
 */
public final class EntityTagger {

    private static final double CONFIDENCE_KNOWN_NAME = 0.9;
    private static final double CONFIDENCE_AMBIGUOUS = 0.6;
    private static final double CONFIDENCE_SHORT_FORM = 0.75;

    private final TermMatcher<Candidate> matcher;

    /** A surface form and the entity it names, with how sure the knowledge base is of it. */
    private record Candidate(KnowledgeBase.Entry entry, double confidence) {}

    public EntityTagger(KnowledgeBase kb) {
        Map<String, List<KnowledgeBase.Entry>> byForm = new LinkedHashMap<>();
        for (KnowledgeBase.Entry entry : kb.entries()) {
            byForm.computeIfAbsent(entry.name(), k -> new ArrayList<>()).add(entry);
            for (String alias : entry.aliases()) {
                byForm.computeIfAbsent(alias, k -> new ArrayList<>()).add(entry);
            }
        }
        Map<String, Candidate> terms = new HashMap<>();
        byForm.forEach((form, entries) -> terms.put(form, new Candidate(entries.get(0),
                entries.stream().distinct().count() > 1 ? CONFIDENCE_AMBIGUOUS : CONFIDENCE_KNOWN_NAME)));
        this.matcher = new TermMatcher<>(terms);
    }

    public List<Enrichment.Entity> tag(String title, String body) {
        Map<KnowledgeBase.Entry, Found> found = new LinkedHashMap<>();
        List<TermMatcher.Match<Candidate>> matches = matcher.find(body);
        for (TermMatcher.Match<Candidate> match : matches) {
            found.computeIfAbsent(match.value().entry(), e -> new Found(match.value().confidence()))
                    .add(match.start(), match.end(), body);
        }
        resolveShortForms(body, matches, found);
        return salience(title, body.length(), found);
    }

    /** "Musk" after "Elon Musk": a person's last name alone refers to the person already named. */
    private static void resolveShortForms(String body, List<TermMatcher.Match<Candidate>> matches,
                                          Map<KnowledgeBase.Entry, Found> found) {
        Map<String, KnowledgeBase.Entry> shortForms = new HashMap<>();
        for (KnowledgeBase.Entry entry : found.keySet()) {
            if (entry.type() == EntityType.PERSON) {
                String[] parts = entry.name().split(" ");
                if (parts.length > 1) {
                    shortForms.putIfAbsent(parts[parts.length - 1], entry);
                }
            }
        }
        if (shortForms.isEmpty()) {
            return;
        }
        boolean[] covered = new boolean[body.length()];
        for (TermMatcher.Match<Candidate> match : matches) {
            java.util.Arrays.fill(covered, match.start(), match.end(), true);
        }
        shortForms.forEach((form, entry) -> {
            for (int at = body.indexOf(form); at >= 0; at = body.indexOf(form, at + form.length())) {
                int end = at + form.length();
                if (!covered[at] && TermMatcher.isBoundary(body, at - 1) && TermMatcher.isBoundary(body, end)) {
                    Found f = found.get(entry);
                    f.add(at, end, body);
                    f.shortForms++;
                }
            }
        });
    }

    private static List<Enrichment.Entity> salience(String title, int length, Map<KnowledgeBase.Entry, Found> found) {
        Map<KnowledgeBase.Entry, Double> weights = new HashMap<>();
        double total = 0;
        for (Map.Entry<KnowledgeBase.Entry, Found> e : found.entrySet()) {
            Found f = e.getValue();
            double weight = f.mentions.size()
                    + (length == 0 ? 0 : 1.0 - (double) f.mentions.get(0).start() / length)
                    + (title != null && title.contains(e.getKey().name()) ? 2.0 : 0.0);
            weights.put(e.getKey(), weight);
            total += weight;
        }
        List<Enrichment.Entity> entities = new ArrayList<>(found.size());
        for (Map.Entry<KnowledgeBase.Entry, Found> e : found.entrySet()) {
            KnowledgeBase.Entry entry = e.getKey();
            Found f = e.getValue();
            f.mentions.sort(java.util.Comparator.comparingInt(Enrichment.Mention::start));
            double confidence = f.shortForms == f.mentions.size() ? CONFIDENCE_SHORT_FORM : f.confidence;
            entities.add(new Enrichment.Entity(entry.name(), entry.type(), entry.id(), entry.wikipedia(),
                    f.mentions, weights.get(entry) / total, confidence));
        }
        entities.sort(java.util.Comparator.comparingDouble(Enrichment.Entity::salience).reversed());
        return entities;
    }

    /** The mentions of one entity collected so far. */
    private static final class Found {
        final List<Enrichment.Mention> mentions = new ArrayList<>();
        final double confidence;
        int shortForms;

        Found(double confidence) {
            this.confidence = confidence;
        }

        void add(int start, int end, String body) {
            mentions.add(new Enrichment.Mention(start, end, body.substring(start, end)));
        }
    }
}
