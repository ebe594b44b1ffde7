package io.newsflow.processing.functions;

import static io.newsflow.processing.functions.TestRecords.article;
import static io.newsflow.processing.functions.TestRecords.raw;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.Article;
import io.newsflow.schemas.ContentHash;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class SourcedArticleTest {

    private final Article article = article("a-1", "Elon Musk met OpenAI engineers in Memphis.");

    @Test
    void carriesTheIdAndTheHashOfTheTextNotTheProducersClaim() {
        SourcedArticle sourced = new SourcedArticle(article, raw(3, article));

        assertThat(sourced.id).isEqualTo("a-1");
        assertThat(sourced.contentHash).isEqualTo(ContentHash.of(article.getTitle(), article.getBody()))
                .isNotEqualTo(article.getContentHash());
        assertThat(sourced.article()).isSameAs(article);
    }

    @Test
    void crossesTheNetworkAsAFlinkPojoWithoutTheDecodedArticleAndDecodesItAgain() throws Exception {
        TypeInformation<SourcedArticle> type = TypeInformation.of(SourcedArticle.class);
        assertThat(type).isInstanceOf(PojoTypeInfo.class);
        assertThat(((PojoTypeInfo<SourcedArticle>) type).getFieldNames())
                .containsExactlyInAnyOrder("id", "contentHash", "source", "update");
        TypeSerializer<SourcedArticle> serializer = type.createSerializer(new SerializerConfigImpl());
        SourcedArticle sent = new SourcedArticle(article, raw(3, article));
        sent.update = true;

        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(sent, out);
        SourcedArticle received = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(received.id).isEqualTo("a-1");
        assertThat(received.contentHash).isEqualTo(sent.contentHash);
        assertThat(received.update).isTrue();
        assertThat(received.source).isEqualTo(sent.source);
        assertThat(received.article()).isNotSameAs(article).isEqualTo(article);
    }
}
