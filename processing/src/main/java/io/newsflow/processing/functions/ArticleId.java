package io.newsflow.processing.functions;

import org.apache.flink.api.java.functions.KeySelector;

/** Keys articles by their id, for the state that recognises re-sends. A named class, so the key is stable. */
public final class ArticleId implements KeySelector<SourcedArticle, String> {

    private static final long serialVersionUID = 1L;
    public static final ArticleId INSTANCE = new ArticleId();

    @Override
    public String getKey(SourcedArticle in) {
        return in.id;
    }
}
