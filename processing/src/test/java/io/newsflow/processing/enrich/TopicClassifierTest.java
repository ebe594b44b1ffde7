package io.newsflow.processing.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicClassifierTest {

    private final TopicClassifier classifier = new TopicClassifier(TopicClassifier.DEFAULT_RESOURCE);

    @Test
    void knowsTheSeventeenTopLevelTopics() {
        assertThat(classifier.codes()).hasSize(17).startsWith("medtop:01000000").endsWith("medtop:17000000");
    }

    @Test
    void scoresBestFirstWithEvidence() {
        List<Enrichment.Topic> topics = classifier.classify("Cup final",
                "The team won the championship match after the coach changed players at half-time.");

        assertThat(topics.get(0).code()).isEqualTo("medtop:15000000");
        assertThat(topics.get(0).evidence()).contains("team", "championship");
        assertThat(topics).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        assertThat(topics).allSatisfy(t -> assertThat(t.score()).isBetween(0.001, 1.0));
    }

    @Test
    void titleTermsWeighMore() {
        List<Enrichment.Topic> topics = classifier.classify("Election", "The team played a game.");

        assertThat(topics).extracting(Enrichment.Topic::code).contains("medtop:11000000");
    }

    @Test
    void noEvidenceNoTopics() {
        assertThat(classifier.classify(null, "Lorem ipsum dolor sit amet.")).isEmpty();
    }
}
