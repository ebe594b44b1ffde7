package io.newsflow.processing.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TermMatcherTest {

    private final TermMatcher<String> matcher = new TermMatcher<>(Map.of(
            "Grok", "grok", "Grok-3", "grok3", "Apple", "apple", "New York", "ny", "New York City", "nyc"));

    @Test
    void matchesWholeWordsOnly() {
        assertThat(matcher.find("Pineapple and Apples, but Apple.")).extracting(TermMatcher.Match::value)
                .containsExactly("apple");
    }

    @Test
    void prefersLeftmostThenLongest() {
        List<TermMatcher.Match<String>> matches = matcher.find("Grok-3 beat Grok in New York City.");

        assertThat(matches).extracting(TermMatcher.Match::value).containsExactly("grok3", "grok", "nyc");
        assertThat(matches.get(2).start()).isEqualTo(20);
        assertThat(matches.get(2).end()).isEqualTo(33);
    }

    @Test
    void possessivesAndPunctuationAreBoundaries() {
        assertThat(matcher.find("(Grok's) \"Apple\"")).extracting(TermMatcher.Match::value)
                .containsExactly("grok", "apple");
    }
}
