package io.newsflow.app.bench;

import io.newsflow.processing.enrich.Enrichment;
import io.newsflow.processing.enrich.EnrichmentEngine;
import io.newsflow.processing.functions.EngineFactory;
import java.util.List;

/**
 * An engine that finds nothing, at no cost: {@code bench} runs the pipeline with it to measure what Flink and
 * Kafka cost per article on their own (decode, validate, dedup, Avro encode, the sink's transactions).
 */
public final class NoOpEngine implements EnrichmentEngine {

    /** Creates a no-op engine on each subtask. */
    public static final EngineFactory FACTORY = NoOpEngine::new;

    private static final Enrichment NOTHING = new Enrichment("und", List.of(), List.of());

    @Override
    public Enrichment enrich(String title, String body) {
        return NOTHING;
    }

    @Override
    public String engineVersion() {
        return "newsflow-noop/0";
    }

    @Override
    public String kbVersion() {
        return "none";
    }
}
