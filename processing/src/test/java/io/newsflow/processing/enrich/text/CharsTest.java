package io.newsflow.processing.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CharsTest {

    @Test
    void agreesWithCharacterOnEveryChar() {
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            assertThat(Chars.lower(c)).as("lower case of U+%04X", i).isEqualTo(Character.toLowerCase(c));
            assertThat(Chars.isLetterOrDigit(c)).as("U+%04X letter or digit", i).isEqualTo(Character.isLetterOrDigit(c));
            assertThat(Chars.isLetter(c)).as("U+%04X letter", i).isEqualTo(Character.isLetter(c));
            assertThat(Chars.isUpperCase(c)).as("U+%04X upper case", i).isEqualTo(Character.isUpperCase(c));
            assertThat((Chars.kind(c) & Chars.LOWER) != 0).as("U+%04X lower case", i).isEqualTo(Character.isLowerCase(c));
            assertThat((Chars.kind(c) & Chars.DIGIT) != 0).as("U+%04X digit", i).isEqualTo(Character.isDigit(c));
        }
    }
}
