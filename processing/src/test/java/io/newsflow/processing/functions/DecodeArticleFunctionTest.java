package io.newsflow.processing.functions;

import static io.newsflow.processing.functions.TestRecords.article;
import static io.newsflow.processing.functions.TestRecords.raw;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.FailureStage;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DecodeArticleFunctionTest {

    private OneInputStreamOperatorTestHarness<RawRecord, SourcedArticle> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new DecodeArticleFunction(1000));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private List<DeadLetter> deadLetters() {
        return harness.getSideOutput(DeadLetters.TAG).stream().map(StreamRecord::getValue).toList();
    }

    @Test
    void decodesValidArticlesWithTheirSource() throws Exception {
        harness.processElement(raw(7, article("a-1", "A body long enough to be an article.")), 0);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(out -> {
            assertThat(out.article().getId()).isEqualTo("a-1");
            assertThat(out.source.offset).isEqualTo(7);
        });
        assertThat(harness.getSideOutput(DeadLetters.TAG)).isNull();
    }

    @Test
    void undecodableRecordsBecomeDeadLettersWithTheirBytesAndCoordinates() throws Exception {
        byte[] garbage = "garbage bytes".getBytes();
        harness.processElement(raw(3, "k", garbage), 0);
        harness.processElement(raw(4, "k", null), 0);

        assertThat(harness.extractOutputValues()).isEmpty();
        List<DeadLetter> letters = deadLetters();
        assertThat(letters).extracting(DeadLetter::getReason).containsExactly(
                "not Avro single-object encoding: expected header C3 01, got 67 61 72 62 (13 bytes)",
                "value is null (tombstone)");
        DeadLetter first = letters.get(0);
        assertThat(first.getStage()).isEqualTo(FailureStage.DECODE);
        assertThat(first.getValue()).isEqualTo(ByteBuffer.wrap(garbage));
        assertThat(first.getKey()).isEqualTo(ByteBuffer.wrap("k".getBytes()));
        assertThat(first.getSourceTopic()).isEqualTo("articles");
        assertThat(first.getSourceOffset()).isEqualTo(3);
        assertThat(first.getErrorClass()).isEqualTo("io.newsflow.schemas.serde.AvroDecodeException");
        assertThat(letters.get(1).getValue()).isNull();
    }

    @Test
    void invalidArticlesBecomeDeadLettersNamingTheRule() throws Exception {
        harness.processElement(raw(1, article("a-2", "   ")), 0);
        harness.processElement(raw(2, "other-key", TestRecords.encode(article("a-3", "A body long enough to be an article."))), 0);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(deadLetters()).extracting(DeadLetter::getStage).containsOnly(FailureStage.VALIDATE);
        assertThat(deadLetters()).extracting(DeadLetter::getArticleId).containsExactly("a-2", "a-3");
        assertThat(deadLetters()).extracting(DeadLetter::getReason).containsExactly(
                "body is whitespace only (3 characters)", "record key 'other-key' differs from article id 'a-3'");
    }
}
