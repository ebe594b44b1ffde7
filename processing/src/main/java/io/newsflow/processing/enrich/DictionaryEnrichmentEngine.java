package io.newsflow.processing.enrich;

import java.util.List;

/**
 * The first Newsflow engine: entities from the bundled knowledge base ({@link EntityTagger}), IPTC topics
 * from topic terms ({@link TopicClassifier}) and the language from function words ({@link LanguageDetector}).
 * Loading takes a moment; tagging is one dictionary pass per article.
 */
public final class DictionaryEnrichmentEngine implements EnrichmentEngine {

    public static final String ENGINE_VERSION = "newsflow-dictionary/0.1";
    private static final String SPORT = "medtop:15000000";

    private final EntityTagger entities;
    private final TopicClassifier topics;
    private final LanguageDetector language = new LanguageDetector();
    private final String kbVersion;

    public DictionaryEnrichmentEngine(KnowledgeBase kb, io.newsflow.processing.enrich.ner.NerModel model,
                                      TopicClassifier topics) {
        this.entities = new EntityTagger(kb, model, io.newsflow.processing.enrich.ner.WordClusters.loadDefault());
        this.topics = topics;
        this.kbVersion = kb.version();
    }

    /** The bundled knowledge base and topic terms with another entity model, e.g. one just trained. */
    public static DictionaryEnrichmentEngine withModel(io.newsflow.processing.enrich.ner.NerModel model) {
        return new DictionaryEnrichmentEngine(KnowledgeBase.loadDefault(), model,
                new TopicClassifier(TopicClassifier.DEFAULT_RESOURCE));
    }

    /** The engine with the bundled knowledge base and IPTC topic terms. */
    public static DictionaryEnrichmentEngine loadDefault() {
        return new DictionaryEnrichmentEngine(KnowledgeBase.loadDefault(),
                io.newsflow.processing.enrich.ner.NerModel.loadDefault(),
                new TopicClassifier(TopicClassifier.DEFAULT_RESOURCE));
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

    @Override
    public String kbVersion() {
        return kbVersion;
    }
}
