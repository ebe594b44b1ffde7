package io.newsflow.processing.functions;

import io.newsflow.schemas.validate.ArticleValidator;
import io.newsflow.schemas.Article;
import io.newsflow.schemas.FailureStage;
import io.newsflow.schemas.serde.AvroCodec;
import io.newsflow.schemas.serde.AvroDecodeException;
import java.time.Clock;
import java.util.Optional;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes raw records into articles and checks them ({@link ArticleValidator}). A record that cannot be
 * decoded or is invalid goes to the {@link DeadLetters#TAG} side output with the reason; nothing is thrown,
 * nothing is dropped.
 */
public final class DecodeArticleFunction extends ProcessFunction<RawRecord, SourcedArticle> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DecodeArticleFunction.class);

    private final int maxBodyBytes;
    private transient AvroCodec<Article> codec;
    private transient ArticleValidator validator;
    private transient Clock clock;
    private transient Counter recordsIn;
    private transient Counter deadLettered;
    private transient LongCounter recordsInTotal;
    private transient LongCounter deadLetteredTotal;

    public DecodeArticleFunction(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void open(OpenContext openContext) {
        codec = AvroCodec.of(Article.class);
        validator = new ArticleValidator(maxBodyBytes);
        clock = Clock.systemUTC();
        recordsIn = getRuntimeContext().getMetricGroup().counter(PipelineCounters.RECORDS_IN);
        deadLettered = getRuntimeContext().getMetricGroup().counter(PipelineCounters.DEAD_LETTERED);
        recordsInTotal = new LongCounter();
        deadLetteredTotal = new LongCounter();
        getRuntimeContext().addAccumulator(PipelineCounters.RECORDS_IN, recordsInTotal);
        getRuntimeContext().addAccumulator(PipelineCounters.DEAD_LETTERED, deadLetteredTotal);
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<SourcedArticle> out) {
        recordsIn.inc();
        recordsInTotal.add(1);
        Article article;
        try {
            article = codec.decode(record.value);
        } catch (AvroDecodeException e) {
            LOG.debug("Cannot decode {}: {}", record.coordinates(), e.getMessage());
            deadLettered.inc();
            deadLetteredTotal.add(1);
            ctx.output(DeadLetters.TAG, DeadLetters.of(record, null, FailureStage.DECODE, e, clock.instant()));
            return;
        }
        Optional<String> invalid = validator.check(article, record.key, clock.instant());
        if (invalid.isPresent()) {
            LOG.debug("Article {} at {} is invalid: {}", article.getId(), record.coordinates(), invalid.get());
            deadLettered.inc();
            deadLetteredTotal.add(1);
            ctx.output(DeadLetters.TAG, DeadLetters.of(record, article.getId(), FailureStage.VALIDATE,
                    ArticleValidator.class.getName(), invalid.get(), clock.instant()));
            return;
        }
        out.collect(new SourcedArticle(article, record));
    }
}
