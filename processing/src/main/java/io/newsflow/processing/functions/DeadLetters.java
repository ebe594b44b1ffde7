package io.newsflow.processing.functions;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.FailureStage;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.flink.util.OutputTag;

/** Builds dead letters: the one place that decides what a dead letter carries. */
public final class DeadLetters {

    /** The side output every function sends its dead letters to. */
    public static final OutputTag<DeadLetter> TAG = new OutputTag<>("dead-letters") {};

    private DeadLetters() {}

    public static DeadLetter of(RawRecord source, String articleId, FailureStage stage, String errorClass,
                                String reason, Instant now) {
        return DeadLetter.newBuilder()
                .setArticleId(articleId)
                .setKey(source.key == null ? null : ByteBuffer.wrap(source.key))
                .setValue(source.value == null ? null : ByteBuffer.wrap(source.value))
                .setSourceTopic(source.topic)
                .setSourcePartition(source.partition)
                .setSourceOffset(source.offset)
                .setStage(stage)
                .setErrorClass(errorClass)
                .setReason(reason)
                .setFailedAt(now)
                .build();
    }

    /** The bytes of a dead letter's key or value (a copy), or null. */
    public static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    public static DeadLetter of(RawRecord source, String articleId, FailureStage stage, Throwable error, Instant now) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return of(source, articleId, stage, error.getClass().getName(), message, now);
    }
}
