package io.newsflow.ingest;

/** An input is not a valid article; the message is the reason, fit to show next to the input's name. */
public final class InvalidArticleException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidArticleException(String reason) {
        super(reason);
    }
}
