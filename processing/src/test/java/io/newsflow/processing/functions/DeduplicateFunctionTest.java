package io.newsflow.processing.functions;

import static io.newsflow.processing.functions.TestRecords.article;
import static io.newsflow.processing.functions.TestRecords.raw;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.Article;
import java.time.Duration;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.Types;
import org.junit.jupiter.api.Test;

class DeduplicateFunctionTest {

    private static KeyedOneInputStreamOperatorTestHarness<String, SourcedArticle, SourcedArticle> harness() throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DeduplicateFunction(Duration.ofDays(7))), ArticleId.INSTANCE, Types.STRING);
        harness.open();
        return harness;
    }

    private static SourcedArticle sourced(long offset, Article article) {
        return new SourcedArticle(article, raw(offset, article));
    }

    @Test
    void dropsExactResendsAndFlagsUpdates() throws Exception {
        Article first = article("a-1", "The first version of this article.");
        Article resend = article("a-1", "The first version of this article.");
        Article update = article("a-1", "The second version of this article, corrected.");
        Article other = article("b-2", "Another article altogether, not a copy.");
        try (var harness = harness()) {
            harness.processElement(sourced(0, first), 0);
            harness.processElement(sourced(1, resend), 0);
            harness.processElement(sourced(2, update), 0);
            harness.processElement(sourced(3, other), 0);

            assertThat(harness.extractOutputValues()).extracting(s -> s.source.offset).containsExactly(0L, 2L, 3L);
            assertThat(harness.extractOutputValues()).extracting(s -> s.update).containsExactly(false, true, false);
            assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        }
    }

    @Test
    void idsExpireAfterTheirLastWriteAndRocksDbAsksTheTimeRarely() {
        StateTtlConfig config = DeduplicateFunction.ttlConfig(Duration.ofDays(7));

        assertThat(config.getTimeToLive()).isEqualTo(Duration.ofDays(7));
        assertThat(config.getUpdateType()).isEqualTo(StateTtlConfig.UpdateType.OnCreateAndWrite);
        assertThat(config.getStateVisibility()).isEqualTo(StateTtlConfig.StateVisibility.NeverReturnExpired);
        assertThat(config.getCleanupStrategies().inRocksdbCompactFilter()).isTrue();
        assertThat(config.getCleanupStrategies().getRocksdbCompactFilterCleanupStrategy().getQueryTimeAfterNumEntries())
                .isEqualTo(1_000_000);
    }

    @Test
    void remembersAcrossARestoreFromASnapshot() throws Exception {
        Article first = article("a-1", "The first version of this article.");
        OperatorSubtaskState snapshot;
        try (var harness = harness()) {
            harness.processElement(sourced(0, first), 0);
            snapshot = harness.snapshot(1, 1);
        }
        var restored = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DeduplicateFunction(Duration.ofDays(7))), ArticleId.INSTANCE, Types.STRING);
        restored.initializeState(snapshot);
        restored.open();
        try (restored) {
            restored.processElement(sourced(5, article("a-1", "The first version of this article.")), 0);

            assertThat(restored.extractOutputValues()).as("the re-send after the restart").isEmpty();
        }
    }
}
