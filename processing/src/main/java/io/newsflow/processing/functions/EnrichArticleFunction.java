package io.newsflow.processing.functions;

import io.newsflow.processing.enrich.Enrichment;
import io.newsflow.processing.enrich.EnrichmentEngine;
import io.newsflow.schemas.Article;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.FailureStage;
import java.time.Clock;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enriches each article with the engine from {@link EngineFactory}. If the engine fails on an article, the
 * article goes to the dead letters with the error; the job goes on with the next one.
 */
public final class EnrichArticleFunction extends ProcessFunction<SourcedArticle, EnrichedArticle> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EnrichArticleFunction.class);

    private final EngineFactory engineFactory;
    private transient EnrichmentEngine engine;
    private transient Clock clock;
    private transient Counter enriched;
    private transient Counter deadLettered;
    private transient LongCounter enrichedTotal;
    private transient LongCounter deadLetteredTotal;

    public EnrichArticleFunction(EngineFactory engineFactory) {
        this.engineFactory = engineFactory;
    }

    @Override
    public void open(OpenContext openContext) {
        engine = engineFactory.create();
        clock = Clock.systemUTC();
        enriched = getRuntimeContext().getMetricGroup().counter(PipelineCounters.ENRICHED);
        deadLettered = getRuntimeContext().getMetricGroup().counter(PipelineCounters.DEAD_LETTERED);
        enrichedTotal = new LongCounter();
        deadLetteredTotal = new LongCounter();
        getRuntimeContext().addAccumulator(PipelineCounters.ENRICHED, enrichedTotal);
        getRuntimeContext().addAccumulator(PipelineCounters.DEAD_LETTERED, deadLetteredTotal);
        LOG.info("Enrichment engine {} with knowledge base {} ready", engine.engineVersion(), engine.kbVersion());
    }

    @Override
    public void processElement(SourcedArticle in, Context ctx, Collector<EnrichedArticle> out) {
        Article article = in.article;
        Enrichment enrichment;
        try {
            enrichment = engine.enrich(article.getTitle(), article.getBody());
        } catch (RuntimeException e) {
            LOG.warn("Enrichment failed for article {} at {}: {}", article.getId(), in.source.coordinates(), e.toString());
            deadLettered.inc();
            deadLetteredTotal.add(1);
            ctx.output(DeadLetters.TAG, DeadLetters.of(in.source, article.getId(), FailureStage.ENRICH, e, clock.instant()));
            return;
        }
        enriched.inc();
        enrichedTotal.add(1);
        out.collect(EnrichmentMapper.toEvent(article, in.update, enrichment, engine.engineVersion(), engine.kbVersion(),
                clock.instant()));
    }
}
