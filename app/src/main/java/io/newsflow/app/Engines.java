package io.newsflow.app;

import io.newsflow.processing.enrich.NewsEnrichmentEngine;
import io.newsflow.processing.enrich.EnrichmentEngine;
import io.newsflow.processing.enrich.ner.NerModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The engine the commands use: the default one, or the default with another entity model. */
final class Engines {

    private Engines() {}

    static EnrichmentEngine load(Path nerModel) {
        if (nerModel == null) {
            return EnrichmentEngine.loadDefault();
        }
        if (!Files.isRegularFile(nerModel)) {
            throw new IllegalArgumentException("--ner-model " + nerModel + ": no such file");
        }
        try (InputStream in = Files.newInputStream(nerModel)) {
            return NewsEnrichmentEngine.withModel(NerModel.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read entity model " + nerModel, e);
        }
    }
}
