package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.serde.AvroCodec;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract with downstream consumers: every schema stays BACKWARD-compatible (the current schema reads
 * data written with any earlier version), and every released version is kept under
 * {@code src/main/resources/io/newsflow/schemas/history/<Record>/v<N>.avsc}. Changing a schema means adding
 * the next {@code v<N>.avsc} (the new schema, as {@code Schema.toString(true)} writes it).
 */
class SchemaCompatibilityTest {

    static Stream<Class<? extends SpecificRecord>> records() {
        return Stream.of(Article.class, EnrichedArticle.class, DeadLetter.class, KnowledgeUpdate.class);
    }

    @ParameterizedTest
    @MethodSource("records")
    void currentSchemaReadsEveryEarlierVersion(Class<? extends SpecificRecord> type) {
        AvroCodec<? extends SpecificRecord> codec = AvroCodec.of(type);

        assertThat(codec.history()).as("history of %s", type.getSimpleName()).isNotEmpty();
        for (Schema writer : codec.history()) {
            SchemaCompatibility.SchemaPairCompatibility result =
                    SchemaCompatibility.checkReaderWriterCompatibility(codec.schema(), writer);
            assertThat(result.getType())
                    .as("%s cannot read version %s: %s", type.getSimpleName(), writer, result.getDescription())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @ParameterizedTest
    @MethodSource("records")
    void currentSchemaIsTheLatestReleasedVersion(Class<? extends SpecificRecord> type) {
        AvroCodec<? extends SpecificRecord> codec = AvroCodec.of(type);
        Schema latest = codec.history().get(codec.history().size() - 1);

        assertThat(SchemaNormalization.toParsingForm(codec.schema()))
                .as("%s changed: add history/%s/v%d.avsc with the new schema", type.getSimpleName(),
                        type.getSimpleName(), codec.history().size() + 1)
                .isEqualTo(SchemaNormalization.toParsingForm(latest));
    }
}
