package io.newsflow.processing.functions;

import io.newsflow.schemas.Article;

/** A decoded, valid article together with the record it came from. A Flink POJO. */
public class SourcedArticle {

    public Article article;
    public RawRecord source;
    /** An article with this id went through before with other content. */
    public boolean update;

    public SourcedArticle() {}

    public SourcedArticle(Article article, RawRecord source) {
        this.article = article;
        this.source = source;
    }

    @Override
    public String toString() {
        return "SourcedArticle{" + article.getId() + " from " + source.coordinates() + "}";
    }
}
