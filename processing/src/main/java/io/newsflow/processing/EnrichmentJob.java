package io.newsflow.processing;

import io.newsflow.processing.functions.ArticleId;
import io.newsflow.processing.functions.ConsumerLagFunction;
import io.newsflow.processing.functions.DeadLetters;
import io.newsflow.processing.functions.DecodeArticleFunction;
import io.newsflow.processing.functions.DeduplicateFunction;
import io.newsflow.processing.functions.EngineFactory;
import io.newsflow.processing.functions.EnrichArticleFunction;
import io.newsflow.processing.functions.RawRecord;
import io.newsflow.processing.functions.SourcedArticle;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EnrichedArticle;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enriches raw articles with entity and topic tags: Kafka {@code articles} -> decode and validate -> drop
 * re-sends and flag updates (keyed by article id) -> enrich
 * -> Kafka {@code articles.enriched}; every record that cannot be decoded, is invalid or fails enrichment
 * goes to {@code articles.dlq} with the reason. Options: see {@link EnrichmentJobConfig}.
 *
 * <p>Checkpointing, state backend and restart strategy are cluster settings (Flink configuration); when
 * exactly-once is asked for and checkpointing is off, the job turns it on at {@link #DEFAULT_CHECKPOINT_INTERVAL},
 * since the sink commits its transactions on checkpoints.
 */
public final class EnrichmentJob {

    public static final String JOB_NAME = "newsflow-enrichment";
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);
    /** How often the consumer-lag metric asks Kafka for the input partitions' end offsets. */
    static final Duration CONSUMER_LAG_REFRESH = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(EnrichmentJob.class);

    private EnrichmentJob() {}

    public static void main(String[] args) throws Exception {
        EnrichmentJobConfig config;
        try {
            config = EnrichmentJobConfig.fromArgs(args);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n\n" + EnrichmentJobConfig.usage(), e);
        }
        StartupChecks.check(config);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.getConfig().setGlobalJobParameters(ParameterTool.fromMap(config.toDisplayMap()));
        prepare(env, config);
        define(env, config, KafkaConnectors.articles(config), KafkaConnectors.knowledgeUpdates(config),
                EngineFactory.standard(), KafkaConnectors.enriched(config), KafkaConnectors.deadLetters(config));
        env.execute(JOB_NAME);
    }

    /** Settings every run of the job needs, whatever its sources and sinks. */
    public static void prepare(StreamExecutionEnvironment env, EnrichmentJobConfig config) {
        // Functions never mutate their input, so records pass between chained operators without copies.
        env.getConfig().enableObjectReuse();
        if (config.deliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE
                && !env.getCheckpointConfig().isCheckpointingEnabled()) {
            LOG.info("Exactly-once needs checkpoints; enabling them every {} s", DEFAULT_CHECKPOINT_INTERVAL.toSeconds());
            env.enableCheckpointing(DEFAULT_CHECKPOINT_INTERVAL.toMillis());
        }
    }

    /** The topology without knowledge updates (tests that need none). */
    public static void define(StreamExecutionEnvironment env, EnrichmentJobConfig config,
                              Source<RawRecord, ?, ?> articles, EngineFactory engine,
                              Sink<EnrichedArticle> enriched, Sink<DeadLetter> deadLetters) {
        define(env, config, articles, null, engine, enriched, deadLetters);
    }

    /**
     * The whole topology; tests pass their own sources, engine and sinks.
     *
     * @param knowledgeUpdates the control topic's records, broadcast to every enrichment subtask; null for none
     */
    public static void define(StreamExecutionEnvironment env, EnrichmentJobConfig config,
                              Source<RawRecord, ?, ?> articles, Source<RawRecord, ?, ?> knowledgeUpdates,
                              EngineFactory engine, Sink<EnrichedArticle> enriched, Sink<DeadLetter> deadLetters) {
        DataStream<RawRecord> raw = env.fromSource(articles, WatermarkStrategy.noWatermarks(), "articles")
                .uid("articles-source")
                .map(new ConsumerLagFunction(KafkaConnectors.adminConfig(config), CONSUMER_LAG_REFRESH))
                .uid("consumer-lag").name("consumer lag");
        DataStream<RawRecord> control = knowledgeUpdates == null ? raw.filter(new NoRecords()).name("no knowledge updates")
                : env.fromSource(knowledgeUpdates, WatermarkStrategy.noWatermarks(), "knowledge updates")
                        .uid("knowledge-updates-source").setParallelism(1);

        SingleOutputStreamOperator<SourcedArticle> decoded = raw
                .process(new DecodeArticleFunction(config.maxBodyBytes()))
                .uid("decode-articles").name("decode and validate");

        SingleOutputStreamOperator<SourcedArticle> fresh = decoded
                .keyBy(ArticleId.INSTANCE)
                .process(new DeduplicateFunction(config.dedupTtl()))
                .uid("deduplicate").name("drop re-sends, flag updates");

        SingleOutputStreamOperator<EnrichedArticle> tagged = fresh
                .connect(control.broadcast(EnrichArticleFunction.KNOWLEDGE))
                .process(new EnrichArticleFunction(engine))
                .uid("enrich-articles").name("enrich");

        tagged.sinkTo(enriched).uid("enriched-sink").name("articles.enriched");

        decoded.getSideOutput(DeadLetters.TAG)
                .union(tagged.getSideOutput(DeadLetters.TAG))
                .sinkTo(deadLetters).uid("dead-letter-sink").name("articles.dlq");
    }

    /** The stream of knowledge updates when there is no control topic: nothing passes. */
    private static final class NoRecords implements FilterFunction<RawRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean filter(RawRecord record) {
            return false;
        }
    }
}
