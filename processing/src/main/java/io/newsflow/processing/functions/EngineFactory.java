package io.newsflow.processing.functions;

import io.newsflow.processing.enrich.EnrichmentEngine;
import java.io.Serializable;

/**
 * Creates the enrichment engine on each subtask (engines are loaded where they run, not shipped with the
 * job graph). Tests pass their own, e.g. one that fails on a chosen article.
 */
@FunctionalInterface
public interface EngineFactory extends Serializable {

    EnrichmentEngine create();

    /** The default engine with the bundled knowledge base. */
    static EngineFactory standard() {
        return EnrichmentEngine::loadDefault;
    }
}
