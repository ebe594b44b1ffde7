package io.newsflow.app.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NerScorerTest {

    private static final List<String> TYPES = List.of("PERSON", "ORGANIZATION", "LOCATION");

    @Test
    void exactNeedsSameRangeAndTypeAndCountsDuplicatesAsFalsePositives() {
        NerScorer scorer = new NerScorer(TYPES);
        scorer.add(List.of(new Span(0, 5, "PERSON"), new Span(10, 15, "LOCATION")),
                List.of(new Span(0, 5, "PERSON"), new Span(0, 5, "PERSON"), new Span(10, 15, "ORGANIZATION")));

        PrfCounts exact = scorer.overall(NerScorer.Mode.EXACT);
        assertThat(exact.matched()).isEqualTo(1);
        assertThat(exact.precision()).isEqualTo(1.0 / 3);
        assertThat(exact.recall()).isEqualTo(0.5);
        assertThat(scorer.overall(NerScorer.Mode.SPAN).matched()).isEqualTo(2);
        assertThat(scorer.perType(NerScorer.Mode.SPAN, "LOCATION").recall()).isEqualTo(1.0);
        assertThat(scorer.perType(NerScorer.Mode.SPAN, "ORGANIZATION").precision()).isEqualTo(1.0);
    }

    @Test
    void partialMatchesOneToOnePreferringExactThenLargerOverlap() {
        NerScorer scorer = new NerScorer(TYPES);
        scorer.add(List.of(new Span(0, 10, "PERSON"), new Span(12, 20, "PERSON")),
                List.of(new Span(0, 20, "PERSON")));

        assertThat(scorer.overall(NerScorer.Mode.PARTIAL).matched()).isEqualTo(1);
        assertThat(scorer.overall(NerScorer.Mode.EXACT).matched()).isZero();
    }

    @Test
    void typesOutsideTheScoredSetAreIgnored() {
        NerScorer scorer = new NerScorer(TYPES);
        scorer.add(List.of(new Span(0, 3, "DATE")), List.of(new Span(0, 3, "PRODUCT")));

        assertThat(scorer.overall(NerScorer.Mode.EXACT).gold()).isZero();
        assertThat(scorer.overall(NerScorer.Mode.EXACT).predicted()).isZero();
    }
}
