package io.newsflow.processing.functions;

import io.newsflow.processing.enrich.Enrichment;
import io.newsflow.processing.enrich.EnrichmentEngine;
import io.newsflow.schemas.Article;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.FailureStage;
import io.newsflow.schemas.KnowledgeUpdate;
import io.newsflow.schemas.serde.AvroCodec;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enriches each article with the engine from {@link EngineFactory}. If the engine fails on an article, the
 * article goes to the dead letters with the error; the job goes on with the next one.
 *
 * <p>Knowledge updates ({@link KnowledgeUpdate}, from the control topic) arrive on the broadcast side: every
 * subtask builds the updated engine and uses it from the next article on, and the update is kept in broadcast
 * state, so a job restored from a checkpoint or savepoint tags with it again. An update that cannot be read or
 * applied becomes a dead letter (sent once, by the first subtask) and the engine in use stays.
 *
 * <p>Metrics besides the counters: {@code entitiesPerArticle}, {@code topicsPerArticle} and
 * {@code enrichMicros} (histograms), and {@code kbActive} under a {@code kb_version} group (1 for the version in
 * use, 0 for ones used before).
 */
public final class EnrichArticleFunction extends BroadcastProcessFunction<SourcedArticle, RawRecord, EnrichedArticle> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EnrichArticleFunction.class);
    private static final int HISTOGRAM_WINDOW = 10_000;

    /** The knowledge update in force, as its encoded bytes under {@link #CURRENT}; empty for the bundled engine. */
    public static final MapStateDescriptor<String, byte[]> KNOWLEDGE = new MapStateDescriptor<>("knowledge-update",
            Types.STRING, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
    private static final String CURRENT = "current";

    private final EngineFactory engineFactory;
    private transient EnrichmentEngine engine;
    /** The encoded update the engine was built with, or null for the bundled engine. */
    private transient byte[] applied;
    private transient AvroCodec<KnowledgeUpdate> updates;
    private transient Clock clock;
    private transient Counter enriched;
    private transient Counter deadLettered;
    private transient LongCounter enrichedTotal;
    private transient LongCounter deadLetteredTotal;
    private transient Histogram entitiesPerArticle;
    private transient Histogram topicsPerArticle;
    private transient Histogram enrichMicros;
    private transient Set<String> versionGauges;

    public EnrichArticleFunction(EngineFactory engineFactory) {
        this.engineFactory = engineFactory;
    }

    @Override
    public void open(OpenContext openContext) {
        updates = AvroCodec.of(KnowledgeUpdate.class);
        clock = Clock.systemUTC();
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        enriched = metrics.counter(PipelineCounters.ENRICHED);
        deadLettered = metrics.counter(PipelineCounters.DEAD_LETTERED);
        entitiesPerArticle = metrics.histogram("entitiesPerArticle", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
        topicsPerArticle = metrics.histogram("topicsPerArticle", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
        enrichMicros = metrics.histogram("enrichMicros", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
        enrichedTotal = new LongCounter();
        deadLetteredTotal = new LongCounter();
        getRuntimeContext().addAccumulator(PipelineCounters.ENRICHED, enrichedTotal);
        getRuntimeContext().addAccumulator(PipelineCounters.DEAD_LETTERED, deadLetteredTotal);
        versionGauges = new HashSet<>();
        use(engineFactory.create(), null);
    }

    /** Puts an engine in service and shows its knowledge-base version as a metric. */
    private void use(EnrichmentEngine next, byte[] update) {
        engine = next;
        applied = update;
        String version = next.kbVersion();
        if (versionGauges.add(version)) {
            EnrichmentEngine mine = next;
            getRuntimeContext().getMetricGroup().addGroup("kb_version", version)
                    .gauge("kbActive", () -> engine == mine ? 1 : 0);
        }
        LOG.info("Enrichment engine {} with knowledge base {} in use", next.engineVersion(), version);
    }

    @Override
    public void processElement(SourcedArticle in, ReadOnlyContext ctx, Collector<EnrichedArticle> out) throws Exception {
        byte[] current = ctx.getBroadcastState(KNOWLEDGE).get(CURRENT);
        if (current != applied && current != null && !Arrays.equals(current, applied)) {
            // restored from a checkpoint: the update in state is not the one this subtask's engine was built with
            use(engineFactory.create(updates.decode(current)), current);
        }
        Article article;
        Enrichment enrichment;
        long started = System.nanoTime();
        try {
            article = in.article();
            enrichment = engine.enrich(article.getTitle(), article.getBody());
        } catch (RuntimeException e) {
            LOG.warn("Enrichment failed for article {} at {}: {}", in.id, in.source.coordinates(), e.toString());
            deadLettered.inc();
            deadLetteredTotal.add(1);
            ctx.output(DeadLetters.TAG, DeadLetters.of(in.source, in.id, FailureStage.ENRICH, e, clock.instant()));
            return;
        }
        enrichMicros.update((System.nanoTime() - started) / 1_000);
        entitiesPerArticle.update(enrichment.entities().size());
        topicsPerArticle.update(enrichment.topics().size());
        enriched.inc();
        enrichedTotal.add(1);
        out.collect(EnrichmentMapper.toEvent(article, in.update, enrichment, engine.engineVersion(), engine.kbVersion(),
                clock.instant()));
    }

    @Override
    public void processBroadcastElement(RawRecord control, Context ctx, Collector<EnrichedArticle> out) throws Exception {
        KnowledgeUpdate update;
        EnrichmentEngine next;
        try {
            if (control.value == null || control.value.length == 0) {
                throw new IllegalArgumentException("a knowledge update with no value");
            }
            update = updates.decode(control.value);
            next = engineFactory.create(update);
        } catch (RuntimeException e) {
            LOG.warn("Knowledge update at {} refused, keeping {}: {}", control.coordinates(), engine.kbVersion(), e.toString());
            if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
                ctx.output(DeadLetters.TAG, DeadLetters.of(control, null, FailureStage.VALIDATE, e.getClass().getName(),
                        "knowledge update refused: " + e.getMessage(), clock.instant()));
            }
            return;
        }
        ctx.getBroadcastState(KNOWLEDGE).put(CURRENT, control.value);
        use(next, control.value);
    }
}
