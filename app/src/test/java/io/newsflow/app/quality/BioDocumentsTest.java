package io.newsflow.app.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BioDocumentsTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<JsonlDocuments.Document> documents = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private void read(String lines) {
        BioDocuments.read(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), mapper, documents::add,
                (line, reason) -> errors.add(line + ": " + reason));
    }

    private static List<String> entities(JsonlDocuments.Document document) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : document.json().get("entities")) {
            String text = document.text().substring(e.get("start").asInt(), e.get("end").asInt());
            out.add(text + "|" + e.get("type").asText());
        }
        return out;
    }

    @Test
    void sentencesOfOneDocumentBecomeItsTextWithTheirEntitiesOnIt() {
        read("""
                {"id": "GUM_bio_byron-1", "tokens": ["Early", "life"], "tags": ["O", "O"]}
                {"id": "GUM_bio_byron-2", "tokens": ["Lord", "Byron", "(", "born", "in", "London", ")", "didn't", "stay", "."], \
                "tags": ["O", "B-PERSON", "O", "O", "O", "B-LOCATION", "O", "O", "O", "O"]}
                {"id": "GUM_bio_byron-3", "tokens": ["He", "met", "Percy", "Shelley", "'s", "wife", "."], \
                "tags": ["O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]}
                {"id": "GUM_voyage_coron-1", "tokens": ["Coron", "Town"], "tags": ["B-LOCATION", "I-LOCATION"]}
                """);

        assertThat(errors).isEmpty();
        assertThat(documents).extracting(JsonlDocuments.Document::id).containsExactly("GUM_bio_byron", "GUM_voyage_coron");
        JsonlDocuments.Document byron = documents.get(0);
        assertThat(byron.text()).isEqualTo("Early life\nLord Byron (born in London) didn't stay. He met Percy Shelley's wife.");
        assertThat(byron.line()).isEqualTo(1);
        assertThat(entities(byron)).containsExactly("Byron|PERSON", "London|LOCATION", "Percy Shelley|PERSON");
        assertThat(entities(documents.get(1))).containsExactly("Coron Town|LOCATION");
    }

    @Test
    void anInsideTagWithoutItsBeginningStartsAnEntity() {
        read("""
                {"id": "d-1", "tokens": ["in", "New", "York", "Yankees"], "tags": ["O", "I-LOCATION", "I-LOCATION", "I-ORGANIZATION"]}
                """);

        assertThat(entities(documents.get(0))).containsExactly("New York|LOCATION", "Yankees|ORGANIZATION");
    }

    @Test
    void aMalformedSentenceIsReportedByLineAndTheOthersAreRead() {
        read("""
                {"id": "d-1", "tokens": ["Paris"], "tags": ["B-LOCATION"]}
                {"id": "d-2", "tokens": ["Paris", "again"], "tags": ["B-LOCATION"]}
                {"id": "d-3", "tokens": ["Rome"], "tags": ["X-LOCATION"]}
                not json
                {"id": "d-4", "tokens": ["Rome"], "tags": ["B-LOCATION"]}
                """);

        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).isEqualTo("2: fields 'tokens' and 'tags' must be arrays of the same length");
        assertThat(errors.get(1)).isEqualTo("3: tag 1 must be O, B-TYPE or I-TYPE, not \"X-LOCATION\"");
        assertThat(errors.get(2)).startsWith("4: not valid JSON: ");
        assertThat(documents).hasSize(1);
        assertThat(documents.get(0).text()).isEqualTo("Paris\nRome");
    }
}
