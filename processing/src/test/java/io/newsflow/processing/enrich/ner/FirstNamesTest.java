package io.newsflow.processing.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.processing.enrich.text.Tokenizer;
import io.newsflow.processing.enrich.text.Tokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FirstNamesTest {

    private static long lower(String word) {
        return Hashing.lowerChars(word, 0, word.length());
    }

    @Test
    void readsOneNamePerLineWhateverTheCase() throws IOException {
        String list = "# a comment\nRegina\n\n  Dries \nMary\n";
        FirstNames names = FirstNames.read(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)));

        assertThat(names.size()).isEqualTo(3);
        assertThat(names.contains(lower("Regina"))).isTrue();
        assertThat(names.contains(lower("REGINA"))).isTrue();
        assertThat(names.contains(lower("Dries"))).isTrue();
        assertThat(names.contains(lower("Ip"))).isFalse();
        assertThat(names.contains(lower("# a comment"))).isFalse();
        assertThat(FirstNames.none().contains(lower("Mary"))).isFalse();
    }

    @Test
    void aNameWithAccentsIsOnTheListWrittenWithout() throws IOException {
        FirstNames names = FirstNames.read(new ByteArrayInputStream("Oscar\nJose\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(names.contains("Óscar")).isTrue();
        assertThat(names.contains("JOSÉ")).isTrue();
        assertThat(names.containsUnaccented("Óscar Puente", 0, 5)).isTrue();
        assertThat(names.containsUnaccented("Oscar", 0, 5)).isFalse(); // no accent: the hash lookup's case
        assertThat(names.contains("Ósker")).isFalse();
    }

    @Test
    void theBundledListHoldsCommonEnglishFirstNames() {
        FirstNames names = FirstNames.loadDefault();

        assertThat(names.size()).isGreaterThan(8_000);
        assertThat(names.contains(lower("Elizabeth"))).isTrue();
        assertThat(names.contains(lower("James"))).isTrue();
        assertThat(names.contains(lower("Memphis"))).isFalse();
    }

    @Test
    void theTaggerSeesACapitalisedFirstNameOnly() throws IOException {
        FirstNames names = FirstNames.read(new ByteArrayInputStream("Will\nRegina\n".getBytes(StandardCharsets.UTF_8)));
        Tokens tokens = new Tokenizer().tokenize("Regina Ip said she will stay. Will stays too.");
        NerContext c = new NerContext(tokens, new int[tokens.size()], WordClusters.none(), names);

        assertThat(c.firstName).containsExactly(true, false, false, false, false, false, false, true, false, false, false);
    }
}
