package io.newsflow.processing.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.processing.enrich.EntityType;
import io.newsflow.processing.enrich.text.Tokenizer;
import io.newsflow.processing.enrich.text.Tokens;
import org.junit.jupiter.api.Test;

class NerContextTest {

    private final Tokenizer tokenizer = new Tokenizer();

    private NerContext context(String text, NerContext.Scratch scratch) {
        Tokens tokens = tokenizer.tokenize(text);
        return new NerContext(tokens, new int[tokens.size()], WordClusters.none(), FirstNames.none(), scratch);
    }

    @Test
    void seesHowTheDocumentWritesAWordAndWhatItWasTagged() {
        NerContext c = context("Reading is fun. We met in Reading and went on reading.", new NerContext.Scratch());
        int start = 0; // "Reading", sentence-initial
        int place = 7; // "Reading", mid-sentence
        assertThat(c.has(start, NerContext.CAPITALISED)).isTrue();
        assertThat(c.has(start, NerContext.CAPITALISED_ELSEWHERE)).isTrue();
        assertThat(c.has(start, NerContext.LOWERCASE_ELSEWHERE)).isTrue();
        assertThat(c.historyType(start)).isEqualTo(-1);
        c.remember(place, NerLabels.parse("B-LOCATION"));
        assertThat(c.historyType(start)).isEqualTo(NerLabels.TYPES.indexOf(EntityType.LOCATION));
    }

    @Test
    void aReusedScratchForgetsTheDocumentBefore() {
        NerContext.Scratch scratch = new NerContext.Scratch();
        NerContext first = context("We met in Reading and went on reading.", scratch);
        first.remember(3, NerLabels.parse("B-ORGANIZATION"));
        first.remember(3, NerLabels.parse("B-ORGANIZATION"));
        assertThat(first.historyType(3)).isEqualTo(NerLabels.TYPES.indexOf(EntityType.ORGANIZATION));

        NerContext second = context("Reading is fun.", scratch);
        assertThat(second.historyType(0)).isEqualTo(-1);
        assertThat(second.has(0, NerContext.CAPITALISED_ELSEWHERE)).isFalse();
        assertThat(second.has(0, NerContext.LOWERCASE_ELSEWHERE)).isFalse();
        second.remember(0, NerLabels.parse("B-LOCATION"));
        assertThat(second.historyType(0)).isEqualTo(NerLabels.TYPES.indexOf(EntityType.LOCATION));
    }
}
