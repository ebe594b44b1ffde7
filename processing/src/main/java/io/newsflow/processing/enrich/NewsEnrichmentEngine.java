package io.newsflow.processing.enrich;

import io.newsflow.processing.enrich.ner.FirstNames;
import io.newsflow.processing.enrich.ner.NerModel;
import io.newsflow.processing.enrich.ner.WordClusters;
import java.util.List;

/**
 * The Newsflow engine: topics first ({@link TopicClassifier}), then entities ({@link EntityTagger}: the trained
 * tagger, the knowledge base and the rules around them, told whether the story is about sport), and the
 * language ({@link LanguageDetector}). Loading takes about a second; then it tags hundreds of thousands of
 * words a second on one thread. One instance per thread.
 */
public final class NewsEnrichmentEngine implements EnrichmentEngine {

    public static final String ENGINE_VERSION = "newsflow-engine/0.40";
    private static final String SPORT = "medtop:15000000";

    private final EntityTagger entities;
    private final TopicClassifier topics;
    private final LanguageDetector language = new LanguageDetector();
    private final String kbVersion;

    public NewsEnrichmentEngine(KnowledgeBase kb, NerModel model, WordClusters clusters, FirstNames firstNames,
                                TopicClassifier topics) {
        this.entities = new EntityTagger(kb, model, clusters, firstNames);
        this.topics = topics;
        this.kbVersion = "kb " + kb.version() + ", model " + model.version() + ", topics " + topics.version();
    }

    /** The bundled knowledge base, clusters, first names and topic lexicon with another entity model, e.g. one just trained. */
    public static NewsEnrichmentEngine withModel(NerModel model) {
        return new NewsEnrichmentEngine(KnowledgeBase.loadDefault(), model, WordClusters.loadDefault(),
                FirstNames.loadDefault(), new TopicClassifier(TopicClassifier.DEFAULT_RESOURCE));
    }

    /** The engine with everything bundled. */
    public static NewsEnrichmentEngine loadDefault() {
        return withModel(NerModel.loadDefault());
    }

    /**
     * The bundled engine updated while it runs: more knowledge-base rows on top of the bundled ones and/or a
     * whole new topic lexicon (each null to keep the bundled one). Its {@link #kbVersion()} names the update.
     *
     * @throws IllegalArgumentException if the rows or the lexicon are malformed, naming the line
     */
    public static NewsEnrichmentEngine withKnowledge(String version, String entityRows, String topicLexicon) {
        KnowledgeBase kb = KnowledgeBase.loadDefault()
                .withEntries(version, "entities of update " + version, entityRows == null ? "" : entityRows);
        TopicClassifier topics = topicLexicon == null ? new TopicClassifier(TopicClassifier.DEFAULT_RESOURCE)
                : TopicClassifier.fromText("topics of update " + version, topicLexicon);
        return new NewsEnrichmentEngine(kb, NerModel.loadDefault(), WordClusters.loadDefault(), FirstNames.loadDefault(),
                topics);
    }

    /**
     * English text gets the whole engine. Text in another language the detector recognises gets only the
     * entities the knowledge base knows and no topics (the tagger and the topic lexicon are English); its
     * {@code language} says so. Text too short or too odd to tell ({@code und}) is treated as English.
     */
    @Override
    public Enrichment enrich(String title, String body) {
        String lang = language.detect(body);
        if (!isTaggedInFull(lang)) {
            return new Enrichment(lang, entities.tagKnown(title, body), List.of());
        }
        List<Enrichment.Topic> found = topics.classify(title, body);
        boolean sportsStory = !found.isEmpty() && found.get(0).code().equals(SPORT);
        return new Enrichment(lang, entities.tag(title, body, sportsStory), found);
    }

    /** Whether text in this language (an ISO 639-1 code, or {@code und}) gets the whole engine. */
    public static boolean isTaggedInFull(String language) {
        return language.equals("en") || language.equals(LanguageDetector.UNDETERMINED);
    }

    @Override
    public String engineVersion() {
        return ENGINE_VERSION;
    }

    /** The versions of what the engine tags with: knowledge base, entity model and topic lexicon. */
    @Override
    public String kbVersion() {
        return kbVersion;
    }
}
