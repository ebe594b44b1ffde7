package io.newsflow.processing.enrich.text;

/**
 * Character classes and lower case exactly as {@link Character} gives them for a {@code char}, read from
 * tables built once: the engine classifies every character of every article several times, and
 * {@link Character}'s own lookups cost more than one array read, most of all beyond Latin-1 (curly quotes,
 * dashes and accented names are everywhere in news).
 */
public final class Chars {

    /** Bits of {@link #kind}: {@link Character#isUpperCase}, {@link Character#isLowerCase}, {@link Character#isDigit}, {@link Character#isLetter}. */
    public static final int UPPER = 1;
    public static final int LOWER = 2;
    public static final int DIGIT = 4;
    public static final int LETTER = 8;

    private static final byte[] KIND = new byte[Character.MAX_VALUE + 1];
    private static final char[] LOWER_CASE = new char[Character.MAX_VALUE + 1];

    static {
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            KIND[i] = (byte) ((Character.isUpperCase(c) ? UPPER : 0) | (Character.isLowerCase(c) ? LOWER : 0)
                    | (Character.isDigit(c) ? DIGIT : 0) | (Character.isLetter(c) ? LETTER : 0));
            LOWER_CASE[i] = Character.toLowerCase(c);
        }
    }

    private Chars() {}

    /** The {@link #UPPER}, {@link #LOWER}, {@link #DIGIT} and {@link #LETTER} bits of {@code c}. */
    public static int kind(char c) {
        return KIND[c];
    }

    /** {@link Character#toLowerCase(char)}. */
    public static char lower(char c) {
        return LOWER_CASE[c];
    }

    /** {@link Character#isLetterOrDigit(char)}. */
    public static boolean isLetterOrDigit(char c) {
        return (KIND[c] & (LETTER | DIGIT)) != 0;
    }

    /** {@link Character#isLetter(char)}. */
    public static boolean isLetter(char c) {
        return (KIND[c] & LETTER) != 0;
    }

    /** {@link Character#isUpperCase(char)}. */
    public static boolean isUpperCase(char c) {
        return (KIND[c] & UPPER) != 0;
    }
}
