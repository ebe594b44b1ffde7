package io.newsflow.processing.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    private final PhraseMatcher<String> matcher = new PhraseMatcher<>(phrases(
            "art", "state of the art", "new york", "new york times", "york", "covid 19", "o reilly", "s p 500", "café"));

    private static Map<String, String> phrases(String... texts) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String t : texts) {
            map.put(t, t);
        }
        return map;
    }

    private List<String> find(String text) {
        List<String> found = new ArrayList<>();
        matcher.find(text, found::add);
        return found;
    }

    @Test
    void matchesWholeWordsOnly() {
        assertThat(find("Start the party; smart art.")).containsExactly("art");
    }

    @Test
    void ignoresCaseAndThePunctuationBetweenWords() {
        assertThat(find("COVID-19 in New-York; Covid–19")).containsExactly("covid 19", "new york", "covid 19");
        assertThat(find("Bill O’Reilly and the S&P 500")).containsExactly("o reilly", "s p 500");
        assertThat(find("Un Café")).containsExactly("café");
    }

    @Test
    void keepsTheLeftmostLongestMatchWithoutOverlaps() {
        assertThat(find("the New York Times reports")).containsExactly("new york times");
        assertThat(find("New York Yankees")).containsExactly("new york");
        assertThat(find("a state of the art museum")).containsExactly("state of the art");
        assertThat(find("state of the nation")).isEmpty();
    }

    @Test
    void fallsBackToShorterPhrasesWhenALongerOneBreaksOff() {
        assertThat(find("new york art")).containsExactly("new york", "art");
        assertThat(find("new, york")).containsExactly("york");
        assertThat(find("state of the art?")).containsExactly("state of the art");
    }

    @Test
    void handlesEmptyAndWordlessText() {
        assertThat(find("")).isEmpty();
        assertThat(find(" ... !!! ")).isEmpty();
    }

    @Test
    void splitsWordsAsItMatches() {
        assertThat(PhraseMatcher.words("Jay-Z's \"4:44\" (2017)")).containsExactly("jay", "z", "s", "4", "44", "2017");
    }

    @Test
    void refusesPhrasesWithoutWordsAndTwoPhrasesWithTheSameWords() {
        assertThatThrownBy(() -> new PhraseMatcher<>(phrases("...")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no word");
        assertThatThrownBy(() -> new PhraseMatcher<>(phrases("covid-19", "covid 19")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same words");
        assertThatThrownBy(() -> new PhraseMatcher<>(Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
