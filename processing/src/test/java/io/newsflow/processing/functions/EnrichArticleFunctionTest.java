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
import io.newsflow.schemas.KnowledgeUpdate;
import io.newsflow.schemas.serde.AvroCodec;
import java.time.Instant;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithNonKeyedOperator;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class EnrichArticleFunctionTest {

    @Test
    void enrichesWithEntitiesTopicsAndVersions() throws Exception {
        Article article = article("a-1", "Elon Musk said xAI is training Grok-3 in Memphis. Musk wants AI to help.");
        try (BroadcastOperatorTestHarness<SourcedArticle, RawRecord, EnrichedArticle> harness = harness(EngineFactory.standard())) {
            harness.processElement(new SourcedArticle(article, raw(0, article)), 0);

            EnrichedArticle event = harness.extractOutputValues().get(0);
            assertThat(event.getArticle()).isEqualTo(article);
            assertThat(event.getLanguage()).isEqualTo("en");
            assertThat(event.getEntities()).anySatisfy(e -> {
                assertThat(e.getName()).isEqualTo("Elon Musk");
                assertThat(e.getType()).isEqualTo(EntityType.PERSON);
                assertThat(e.getMentionCount()).isEqualTo(2);
                assertThat(e.getMentions().get(1).getText()).isEqualTo("Musk");
                assertThat(e.getWikipedia()).isEqualTo("Elon Musk");
                assertThat(e.getWikipediaGuessed()).isFalse();
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
        try (BroadcastOperatorTestHarness<SourcedArticle, RawRecord, EnrichedArticle> harness = harness(FailingEngine::new)) {
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

    private static BroadcastOperatorTestHarness<SourcedArticle, RawRecord, EnrichedArticle> harness(EngineFactory engines)
            throws Exception {
        return ProcessFunctionTestHarnesses.forBroadcastProcessFunction(new EnrichArticleFunction(engines),
                EnrichArticleFunction.KNOWLEDGE);
    }

    private static final String ZORBLAX = "Zorblax Dynamics will open a plant in Memphis, its chief said.";

    private static RawRecord update(long offset, String version, String entities) {
        KnowledgeUpdate update = KnowledgeUpdate.newBuilder().setVersion(version).setEntities(entities)
                .setPublishedAt(Instant.parse("2026-11-26T00:00:00Z")).build();
        return new RawRecord("articles.control", 0, offset, 0L, null, AvroCodec.of(KnowledgeUpdate.class).encode(update));
    }

    private static EnrichedArticle enrich(BroadcastOperatorTestHarness<SourcedArticle, RawRecord, EnrichedArticle> harness,
                                          String id) throws Exception {
        Article article = article(id, ZORBLAX);
        harness.processElement(new SourcedArticle(article, raw(0, article)), 0);
        java.util.List<EnrichedArticle> out = harness.extractOutputValues();
        return out.get(out.size() - 1);
    }

    private static String zorblaxId(EnrichedArticle event) {
        return event.getEntities().stream().filter(e -> e.getName().equals("Zorblax Dynamics")).findFirst()
                .map(e -> e.getId()).orElse(null);
    }

    @Test
    void aKnowledgeUpdateTagsFromTheNextArticleOnAndSurvivesARestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (BroadcastOperatorTestHarness<SourcedArticle, RawRecord, EnrichedArticle> harness = harness(EngineFactory.standard())) {
            EnrichedArticle before = enrich(harness, "before");
            harness.processBroadcastElement(update(0, "local-companies-1",
                    "ORGANIZATION\tZorblax Dynamics\twikidata:Q999999901\tZorblax Dynamics\n"), 0);
            EnrichedArticle after = enrich(harness, "after");

            assertThat(zorblaxId(before)).isNull();
            assertThat(zorblaxId(after)).isEqualTo("wikidata:Q999999901");
            assertThat(before.getEnrichment().getKbVersion()).doesNotContain("local-companies-1");
            assertThat(after.getEnrichment().getKbVersion()).contains("+ local-companies-1");
            snapshot = harness.snapshot(1, 1);
        }
        try (BroadcastOperatorTestHarness<SourcedArticle, RawRecord, EnrichedArticle> restored = new BroadcastOperatorTestHarness<>(
                new CoBroadcastWithNonKeyedOperator<>(new EnrichArticleFunction(EngineFactory.standard()),
                        java.util.List.of(EnrichArticleFunction.KNOWLEDGE)), 1, 1, 0)) {
            restored.initializeState(snapshot);
            restored.open();
            EnrichedArticle again = enrich(restored, "after-restore");

            assertThat(zorblaxId(again)).isEqualTo("wikidata:Q999999901");
            assertThat(again.getEnrichment().getKbVersion()).contains("+ local-companies-1");
        }
    }

    @Test
    void aMalformedUpdateIsDeadLetteredAndTheEngineInUseStays() throws Exception {
        try (BroadcastOperatorTestHarness<SourcedArticle, RawRecord, EnrichedArticle> harness = harness(EngineFactory.standard())) {
            String versionBefore = enrich(harness, "first").getEnrichment().getKbVersion();
            harness.processBroadcastElement(update(3, "broken", "PLANET\tMars\n"), 0);
            harness.processBroadcastElement(new RawRecord("articles.control", 0, 4, 0L, null, "not avro".getBytes()), 0);
            EnrichedArticle next = enrich(harness, "second");

            assertThat(next.getEnrichment().getKbVersion()).isEqualTo(versionBefore);
            assertThat(harness.getSideOutput(DeadLetters.TAG)).extracting(StreamRecord::getValue).satisfiesExactly(
                    letter -> {
                        assertThat(letter.getStage()).isEqualTo(FailureStage.VALIDATE);
                        assertThat(letter.getReason()).isEqualTo("knowledge update refused: "
                                + "entities of update broken:1: unknown entity type 'PLANET'");
                        assertThat(letter.getSourceOffset()).isEqualTo(3);
                    },
                    letter -> assertThat(letter.getReason()).startsWith("knowledge update refused: not Avro single-object encoding"));
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
