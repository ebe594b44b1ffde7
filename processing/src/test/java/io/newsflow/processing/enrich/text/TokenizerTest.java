package io.newsflow.processing.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private final Tokenizer tokenizer = new Tokenizer();

    private List<String> words(String text) {
        Tokens tokens = tokenizer.tokenize(text);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            words.add(tokens.string(i));
        }
        return words;
    }

    @Test
    void keepsNamesWithInnerPunctuationWhole() {
        assertThat(words("Grok-1.5 beat GPT-4 in the U.S. and O'Brien's H100s (A100s) didn't."))
                .containsExactly("Grok-1.5", "beat", "GPT-4", "in", "the", "U.S.", "and", "O'Brien", "'s", "H100s",
                        "(", "A100s", ")", "did", "n't", ".");
    }

    @Test
    void keepsThePeriodOfInitialsAndTitles() {
        assertThat(words("Dr. J. K. Rowling met Mr. Smith.")).containsExactly("Dr.", "J.", "K.", "Rowling", "met", "Mr.", "Smith", ".");
    }

    @Test
    void aTitlesPeriodEndsTheSentenceWhereNoNameCanFollow() {
        assertThat(words("Vermont Sen. Bernie Sanders called Hun Sen. Her party thanked Amartya Sen.\nGov. Newsom"))
                .containsExactly("Vermont", "Sen.", "Bernie", "Sanders", "called", "Hun", "Sen", ".", "Her", "party",
                        "thanked", "Amartya", "Sen", ".", "Gov.", "Newsom");
        Tokens tokens = tokenizer.tokenize("A call with Hun Sen. Her party lost.");
        assertThat(tokens.sentenceStart(6)).isTrue();
    }

    @Test
    void aCapitalLettersPeriodEndsTheSentenceWhereNoNameGoesOnAfterIt() {
        assertThat(words("L. van Beethoven and George W. Bush bought a Tesla Model Y. It was Plan B. which\nfailed:"
                + " the Ally X.")).containsExactly("L.", "van", "Beethoven", "and", "George", "W.", "Bush", "bought", "a",
                "Tesla", "Model", "Y.", "It", "was", "Plan", "B", ".", "which", "failed", ":", "the", "Ally", "X", ".");
        Tokens tokens = tokenizer.tokenize("She drove a Model Y.\nThen it broke.");
        assertThat(tokens.string(4)).isEqualTo("Y");
        assertThat(tokens.sentenceStart(6)).isTrue();
    }

    @Test
    void offsetsPointIntoTheText() {
        String text = "  Elon Musk, in Memphis.";
        Tokens tokens = tokenizer.tokenize(text);
        for (int i = 0; i < tokens.size(); i++) {
            assertThat(text.substring(tokens.start(i), tokens.end(i))).isEqualTo(tokens.string(i));
        }
        assertThat(tokens.start(0)).isEqualTo(2);
    }

    @Test
    void marksSentenceStarts() {
        Tokens tokens = tokenizer.tokenize("He left. She stayed in St. Louis. \"Why?\" Then.\nA heading\nNew line");
        List<String> starts = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.sentenceStart(i)) {
                starts.add(tokens.string(i));
            }
        }
        assertThat(starts).containsExactly("He", "She", "\"", "Then", "A", "New");
    }
}
