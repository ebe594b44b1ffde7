package io.newsflow.schemas.serde;

/** A message could not be decoded; the message says why in words fit for a dead-letter reason. */
public final class AvroDecodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AvroDecodeException(String reason) {
        super(reason);
    }

    public AvroDecodeException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
