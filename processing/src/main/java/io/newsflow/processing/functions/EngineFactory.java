package io.newsflow.processing.functions;

import io.newsflow.processing.enrich.EnrichmentEngine;
import io.newsflow.processing.enrich.NewsEnrichmentEngine;
import io.newsflow.schemas.KnowledgeUpdate;
import java.io.Serializable;

/**
 * Creates the enrichment engine on each subtask (engines are loaded where they run, not shipped with the
 * job graph), and again when a knowledge update arrives on the control topic. Tests pass their own, e.g. one
 * that fails on a chosen article.
 */
@FunctionalInterface
public interface EngineFactory extends Serializable {

    /** The engine before any knowledge update. */
    EnrichmentEngine create();

    /**
     * The engine with a knowledge update applied.
     *
     * @throws IllegalArgumentException if the update cannot be applied (malformed rows), saying why
     */
    default EnrichmentEngine create(KnowledgeUpdate update) {
        throw new UnsupportedOperationException("this engine takes no knowledge updates");
    }

    /** The default engine with the bundled knowledge base, and updates applied on top of it. */
    static EngineFactory standard() {
        return new EngineFactory() {
            private static final long serialVersionUID = 1L;

            @Override
            public EnrichmentEngine create() {
                return EnrichmentEngine.loadDefault();
            }

            @Override
            public EnrichmentEngine create(KnowledgeUpdate update) {
                return NewsEnrichmentEngine.withKnowledge(update.getVersion(), update.getEntities(), update.getTopics());
            }
        };
    }
}
