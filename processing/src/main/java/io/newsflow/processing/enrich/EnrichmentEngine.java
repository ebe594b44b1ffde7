package io.newsflow.processing.enrich;

/**
 * Tags an article with entities, topics and its language. Implementations are plain Java (no Flink), load
 * their knowledge once, and are safe to call from one thread at a time; the Flink job keeps one per subtask.
 */
public interface EnrichmentEngine {

    /** The engine Newsflow runs by default: the one the Flink job, {@code tag} and {@code eval} use. */
    static EnrichmentEngine loadDefault() {
        return NewsEnrichmentEngine.loadDefault();
    }

    /**
     * Enriches one article.
     *
     * @param title the title, or null; it informs salience and topics but carries no mentions
     * @param body the text that mention offsets refer to
     */
    Enrichment enrich(String title, String body);

    /** Version of the engine's code, written on every enriched event. */
    String engineVersion();

    /** Version of the knowledge base and taxonomy the engine tags with. */
    String kbVersion();
}
