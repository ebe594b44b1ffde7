package io.newsflow.processing.enrich;

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

    public static final String ENGINE_VERSION = "newsflow-engine/0.2";
    private static final String SPORT = "medtop:15000000";

    private final EntityTagger entities;
    private final TopicClassifier topics;
    private final LanguageDetector language = new LanguageDetector();
    private final String kbVersion;

    public NewsEnrichmentEngine(KnowledgeBase kb, NerModel model, WordClusters clusters, TopicClassifier topics) {
        this.entities = new EntityTagger(kb, model, clusters);
        this.topics = topics;
        this.kbVersion = "kb " + kb.version() + ", model " + model.version() + ", topics " + topics.version();
    }

    /** The bundled knowledge base, clusters and topic lexicon with another entity model, e.g. one just trained. */
    public static NewsEnrichmentEngine withModel(NerModel model) {
        return new NewsEnrichmentEngine(KnowledgeBase.loadDefault(), model, WordClusters.loadDefault(),
                new TopicClassifier(TopicClassifier.DEFAULT_RESOURCE));
    }

    /** The engine with everything bundled. */
    public static NewsEnrichmentEngine loadDefault() {
        return withModel(NerModel.loadDefault());
    }

    @Override
    public Enrichment enrich(String title, String body) {
        List<Enrichment.Topic> found = topics.classify(title, body);
        boolean sportsStory = !found.isEmpty() && found.get(0).code().equals(SPORT);
        return new Enrichment(language.detect(body), entities.tag(title, body, sportsStory), found);
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
