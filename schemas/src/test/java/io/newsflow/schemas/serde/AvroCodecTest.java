package io.newsflow.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.Article;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.FailureStage;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroCodecTest {

    private final AvroCodec<Article> codec = AvroCodec.of(Article.class);

    static Article article() {
        return Article.newBuilder()
                .setId("a-1")
                .setUrl("https://example.com/a-1")
                .setSource("Example")
                .setTitle("Title")
                .setBody("Elon Musk spoke in Memphis.")
                .setAuthors(List.of("Zheng Songyi"))
                .setPublishedAt(Instant.parse("2024-05-01T12:00:00Z"))
                .setIngestedAt(Instant.parse("2024-05-01T12:00:01Z"))
                .setContentHash("sha256:00")
                .setMetadata(Map.of("file", "a.txt"))
                .build();
    }

    @Test
    void roundTripsThroughSingleObjectEncoding() {
        byte[] bytes = codec.encode(article());

        assertThat(bytes).startsWith(AvroCodec.MAGIC);
        assertThat(Arrays.copyOfRange(bytes, 2, 10)).asHexString().isEqualToIgnoringCase(codec.fingerprint());
        assertThat(codec.decode(bytes)).isEqualTo(article());
    }

    @Test
    void kafkaSerdeRoundTripsAndReadsTombstoneAsNull() {
        byte[] bytes = new ArticleSerde.Serializer().serialize("articles", article());

        assertThat(new ArticleSerde.Deserializer().deserialize("articles", bytes)).isEqualTo(article());
        assertThat(new ArticleSerde.Deserializer().deserialize("articles", null)).isNull();
        assertThat(new ArticleSerde.Serializer().serialize("articles", null)).isNull();
    }

    @Test
    void kafkaDeserializerNamesTopicAndReason() {
        assertThatThrownBy(() -> new ArticleSerde.Deserializer().deserialize("articles", "garbage!!!!".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic articles")
                .hasMessageContaining("not Avro single-object encoding");
    }

    @Test
    void rejectsNullAndEmptyValues() {
        assertThatThrownBy(() -> codec.decode(null)).hasMessage("value is null (tombstone)");
        assertThatThrownBy(() -> codec.decode(new byte[0])).hasMessage("value is empty (0 bytes)");
    }

    @Test
    void rejectsBytesWithoutTheHeader() {
        assertThatThrownBy(() -> codec.decode("{\"id\": \"json\"}".getBytes()))
                .isInstanceOf(AvroDecodeException.class)
                .hasMessageStartingWith("not Avro single-object encoding: expected header C3 01, got 7B 22 69 64");
    }

    @Test
    void rejectsTruncatedBody() {
        byte[] bytes = codec.encode(article());

        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(bytes, 20)))
                .isInstanceOf(AvroDecodeException.class)
                .hasMessageContaining("truncated or corrupt Article body (20 bytes)");
    }

    @Test
    void rejectsRecordsOfAnotherSchema() {
        byte[] letter = AvroCodec.of(DeadLetter.class).encode(DeadLetter.newBuilder()
                .setSourceTopic("t").setSourcePartition(0).setSourceOffset(1).setStage(FailureStage.DECODE)
                .setErrorClass("E").setReason("r").setFailedAt(Instant.EPOCH).build());

        assertThatThrownBy(() -> codec.decode(letter))
                .isInstanceOf(AvroDecodeException.class)
                .hasMessageContaining("unknown schema fingerprint")
                .hasMessageContaining("not a known version of Article");
    }

    @Test
    void readsDataWrittenWithAReleasedVersion() {
        assertThat(codec.history()).isNotEmpty();
        Schema oldest = codec.history().get(0);
        GenericRecord old = new GenericData.Record(oldest);
        for (Schema.Field field : oldest.getFields()) {
            if (field.hasDefaultValue()) {
                old.put(field.name(), GenericData.get().getDefaultValue(field));
            }
        }
        old.put("id", "old-1");
        old.put("body", "text");
        old.put("ingested_at", 0L);
        old.put("content_hash", "sha256:11");

        ByteBuffer encoded = encodeGeneric(oldest, old);
        Article decoded = codec.decode(encoded.array());

        assertThat(decoded.getId()).isEqualTo("old-1");
        assertThat(decoded.getBody()).isEqualTo("text");
    }

    @Test
    void unknownFingerprintOfAnUnrelatedSchemaIsNamed() {
        Schema other = SchemaBuilder.record("Other").fields().requiredString("x").endRecord();
        GenericRecord record = new GenericData.Record(other);
        record.put("x", "y");

        assertThatThrownBy(() -> codec.decode(encodeGeneric(other, record).array()))
                .hasMessageMatching("unknown schema fingerprint [0-9a-f]{16}: not a known version of Article");
    }

    private static ByteBuffer encodeGeneric(Schema schema, GenericRecord record) {
        try {
            return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
