package io.newsflow.app.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.processing.enrich.TopicClassifier;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicLabelsTest {

    private static final List<String> KNOWN = List.of("Sport", "economy, business and finance", "religion",
            "disaster, accident and emergency incident");

    @Test
    void readsTheTopicAndEveryAcceptableOne() throws Exception {
        Map<String, TopicLabels.Label> labels = read("""
                # a comment
                d1\tsport\t\tmatch results
                d2\tdisaster, accident and emergency incident\treligion; economy, business and finance\ta stampede

                d3\tReligion
                """);

        assertThat(labels).containsOnlyKeys("d1", "d2", "d3");
        assertThat(labels.get("d1")).isEqualTo(new TopicLabels.Label("sport", Set.of("sport")));
        assertThat(labels.get("d2").topic()).isEqualTo("disaster, accident and emergency incident");
        assertThat(labels.get("d2").acceptable()).containsExactlyInAnyOrder("disaster, accident and emergency incident",
                "religion", "economy, business and finance");
        assertThat(labels.get("d3").topic()).isEqualTo("religion");
    }

    @Test
    void aBadLineIsNamedWithItsReason() {
        assertThatThrownBy(() -> read("d1\tsport\nd2\tcooking\n"))
                .hasMessageStartingWith("labels.tsv:2: unknown topic 'cooking' (known: sport; ");
        assertThatThrownBy(() -> read("d1\tsport\td2\tsports\n"))
                .hasMessageStartingWith("labels.tsv:1: unknown topic 'd2'");
        assertThatThrownBy(() -> read("d1 sport\n"))
                .hasMessage("labels.tsv:1: expected id<TAB>topic[<TAB>other topics<TAB>why]");
        assertThatThrownBy(() -> read("d1\tsport\nd1\treligion\n"))
                .hasMessage("labels.tsv:2: document d1 is labelled twice");
    }

    @Test
    void theBundledLabelsOfTheGumDocumentsAreWellFormed() throws Exception {
        Path file = Path.of("../docs/gum-wikinews-topics.tsv");
        List<String> iptc = new TopicClassifier(TopicClassifier.DEFAULT_RESOURCE).labels();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            assertThat(TopicLabels.read(file.toString(), reader, iptc)).hasSize(43);
        }
    }

    private static Map<String, TopicLabels.Label> read(String text) throws Exception {
        return TopicLabels.read("labels.tsv", new BufferedReader(new StringReader(text)), KNOWN);
    }
}
