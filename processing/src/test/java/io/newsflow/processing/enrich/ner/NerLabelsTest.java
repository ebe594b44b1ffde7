package io.newsflow.processing.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NerLabelsTest {

    @Test
    void parsesAndNamesBioLabels() {
        for (int label = 0; label < NerLabels.COUNT; label++) {
            assertThat(NerLabels.parse(NerLabels.name(label))).isEqualTo(label);
        }
        assertThat(NerLabels.name(NerLabels.parse("B-MISC"))).isEqualTo("B-OTHER");
    }

    @Test
    void insideOnlyContinuesTheSameType() {
        int bPerson = NerLabels.parse("B-PERSON");
        int iPerson = NerLabels.parse("I-PERSON");
        int iOrg = NerLabels.parse("I-ORGANIZATION");
        assertThat(NerLabels.allowed(bPerson, iPerson)).isTrue();
        assertThat(NerLabels.allowed(iPerson, iPerson)).isTrue();
        assertThat(NerLabels.allowed(bPerson, iOrg)).isFalse();
        assertThat(NerLabels.allowed(NerLabels.OUTSIDE, iPerson)).isFalse();
        assertThat(NerLabels.allowed(NerLabels.OUTSIDE, bPerson)).isTrue();
    }
}
