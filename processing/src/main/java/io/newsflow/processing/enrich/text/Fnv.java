package io.newsflow.processing.enrich.text;

/**
 * 64-bit FNV-1a over UTF-16 units, one at a time, so that callers hash a word as they scan it without
 * allocating a string: the entity tagger's features, and the word tables of the topic lexicon and the
 * language detector.
 */
public final class Fnv {

    /** The hash of nothing, which {@link #next} extends. */
    public static final long START = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Fnv() {}

    /** The hash {@code h} extended by one character. */
    public static long next(long h, char c) {
        return (h ^ c) * PRIME;
    }

    /** The hash of a whole string. */
    public static long of(CharSequence s) {
        long h = START;
        for (int i = 0; i < s.length(); i++) {
            h = next(h, s.charAt(i));
        }
        return h;
    }
}
