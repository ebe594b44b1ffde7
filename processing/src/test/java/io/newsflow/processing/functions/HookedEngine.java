package io.newsflow.processing.functions;

import io.newsflow.processing.enrich.Enrichment;
import io.newsflow.processing.enrich.EnrichmentEngine;

/**
 * A test hook around a real engine: {@link #hook} runs before each article and may fail it (a data problem),
 * fail the task (an {@link Error}) or act on the world (restart the broker); then the real engine tags it.
 */
public abstract class HookedEngine implements EnrichmentEngine {

    private final EnrichmentEngine delegate;

    protected HookedEngine(EnrichmentEngine delegate) {
        this.delegate = delegate;
    }

    /** Called with each article's title before it is tagged. */
    protected abstract void hook(String title);

    @Override
    public final Enrichment enrich(String title, String body) {
        hook(title);
        return delegate.enrich(title, body);
    }

    @Override
    public final String engineVersion() {
        return delegate.engineVersion();
    }

    @Override
    public final String kbVersion() {
        return delegate.kbVersion();
    }
}
