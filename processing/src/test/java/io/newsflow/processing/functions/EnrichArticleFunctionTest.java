package io.newsflow.processing.functions;

import static io.newsflow.processing.functions.TestRecords.article;
import static io.newsflow.processing.functions.TestRecords.raw;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.processing.enrich.NewsEnrichmentEngine;
import io.newsflow.processing.enrich.Enrichment;
import io.newsflow.processing.enrich.EnrichmentEngine;
import io.newsflow.schemas.Article;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.EntityType;
import io.newsflow.schemas.FailureStage;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class EnrichArticleFunctionTest {

    @Test
    void enrichesWithEntitiesTopicsAndVersions() throws Exception {
        Article article = article("a-1", "Elon Musk said xAI is training Grok-3 in Memphis. Musk wants AI to help.");
        try (OneInputStreamOperatorTestHarness<SourcedArticle, EnrichedArticle> harness =
                     ProcessFunctionTestHarnesses.forProcessFunction(new EnrichArticleFunction(EngineFactory.standard()))) {
            harness.processElement(new SourcedArticle(article, raw(0, article)), 0);

            EnrichedArticle event = harness.extractOutputValues().get(0);
            assertThat(event.getArticle()).isEqualTo(article);
            assertThat(event.getLanguage()).isEqualTo("en");
            assertThat(event.getEntities()).anySatisfy(e -> {
                assertThat(e.getName()).isEqualTo("Elon Musk");
                assertThat(e.getType()).isEqualTo(EntityType.PERSON);
                assertThat(e.getMentionCount()).isEqualTo(2);
                assertThat(e.getMentions().get(1).getText()).isEqualTo("Musk");
            });
            assertThat(event.getTopics().get(0).getCode()).isEqualTo("medtop:13000000");
            assertThat(event.getEnrichment().getEngineVersion()).isEqualTo(NewsEnrichmentEngine.ENGINE_VERSION);
            assertThat(event.getEnrichment().getKbVersion()).isNotBlank();
        }
    }

    @Test
    void anEngineFailureDeadLettersThatArticleAndTheNextOneIsEnriched() throws Exception {
        Article bad = article("boom", "A body long enough to be an article.");
        Article good = article("fine", "A body long enough to be an article.");
        try (OneInputStreamOperatorTestHarness<SourcedArticle, EnrichedArticle> harness =
                     ProcessFunctionTestHarnesses.forProcessFunction(new EnrichArticleFunction(FailingEngine::new))) {
            harness.processElement(new SourcedArticle(bad, raw(5, bad)), 0);
            harness.processElement(new SourcedArticle(good, raw(6, good)), 0);

            assertThat(harness.extractOutputValues()).extracting(e -> e.getArticle().getId()).containsExactly("fine");
            assertThat(harness.getSideOutput(DeadLetters.TAG)).singleElement().extracting(StreamRecord::getValue)
                    .satisfies(letter -> {
                        assertThat(letter.getStage()).isEqualTo(FailureStage.ENRICH);
                        assertThat(letter.getArticleId()).isEqualTo("boom");
                        assertThat(letter.getReason()).isEqualTo("engine failed on purpose");
                        assertThat(letter.getErrorClass()).isEqualTo(IllegalStateException.class.getName());
                        assertThat(letter.getSourceOffset()).isEqualTo(5);
                    });
        }
    }

    /** A test hook: an engine that finds nothing and fails on titles that mention "boom". */
    static final class FailingEngine extends HookedEngine {
        FailingEngine() {
            super(new EnrichmentEngine() {
                @Override
                public Enrichment enrich(String title, String body) {
                    return new Enrichment("en", java.util.List.of(), java.util.List.of());
                }

                @Override
                public String engineVersion() {
                    return "failing";
                }

                @Override
                public String kbVersion() {
                    return "none";
                }
            });
        }

        @Override
        protected void hook(String title) {
            if (title != null && title.contains("boom")) {
                throw new IllegalStateException("engine failed on purpose");
            }
        }
    }
}
