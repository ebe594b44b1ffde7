package io.newsflow.app.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicScorerTest {

    @Test
    void topOneTopThreeAndMacroF1() {
        TopicScorer scorer = new TopicScorer();
        scorer.add(Set.of("sport"), List.of("sport", "health"));
        scorer.add(Set.of("health"), List.of("sport", "health", "health"));
        scorer.add(Set.of("politics"), List.of());

        assertThat(scorer.top1Accuracy()).isEqualTo(1.0 / 3);
        assertThat(scorer.top3Recall()).isEqualTo(2.0 / 3);
        assertThat(scorer.prf("sport")).containsExactly(0.5, 1.0, 2 * 0.5 / 1.5);
        assertThat(scorer.prf("health")).containsExactly(0.0, 0.0, 0.0);
        assertThat(scorer.macroF1()).isEqualTo((2 * 0.5 / 1.5) / 3);
    }
}
