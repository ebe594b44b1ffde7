package io.newsflow.processing.functions;

import io.newsflow.schemas.Article;
import io.newsflow.schemas.ContentHash;
import io.newsflow.schemas.serde.AvroCodec;

/**
 * A decoded, valid article on its way through the job: its id, its content hash, the record it came from and
 * whether it updates an earlier version. A Flink POJO of strings and bytes: the decoded {@link Article} is not
 * serialized between operators. Within an operator chain it is passed along as it is; after a network hop
 * (the shuffle by article id) {@link #article()} decodes the record's bytes again, which costs less than
 * Flink's serialization of the decoded record on both sides of the hop.
 */
public class SourcedArticle {

    private static final AvroCodec<Article> CODEC = AvroCodec.of(Article.class);

    public String id;
    /** {@link ContentHash} of the title and body, computed from the text whatever the producer claimed. */
    public String contentHash;
    public RawRecord source;
    /** An article with this id went through before with other content. */
    public boolean update;
    /** The decoded article, or null after a network hop (transient: Flink's POJO serializer skips it). */
    private transient Article article;

    public SourcedArticle() {}

    public SourcedArticle(Article article, RawRecord source) {
        this.id = article.getId();
        this.contentHash = ContentHash.of(article.getTitle(), article.getBody());
        this.article = article;
        this.source = source;
    }

    /** The article, decoded from {@link #source} again if it crossed the network since it was decoded. */
    public Article article() {
        if (article == null) {
            // the bytes were decoded and validated once already, so this cannot fail
            article = CODEC.decode(source.value);
        }
        return article;
    }

    @Override
    public String toString() {
        return "SourcedArticle{" + id + " from " + source.coordinates() + "}";
    }
}
