package io.newsflow.processing.enrich.ner;

import io.newsflow.processing.enrich.text.Chars;
import io.newsflow.processing.enrich.text.Fnv;

/** 64-bit hashes of text slices ({@link Fnv}) and feature templates, computed without allocating strings. */
final class Hashing {

    private Hashing() {}

    static long lowerChars(CharSequence text, int start, int end) {
        long h = Fnv.START;
        for (int i = start; i < end; i++) {
            h = Fnv.next(h, Chars.lower(text.charAt(i)));
        }
        return h;
    }

    /** Word shape of at most 8 characters: X for upper, x for lower, d for digit, other characters as they are. */
    static long shape(CharSequence text, int start, int end) {
        long h = Fnv.START;
        for (int i = start; i < Math.min(end, start + 8); i++) {
            h = Fnv.next(h, shape(text.charAt(i)));
        }
        return h;
    }

    /** A character's class in a word shape: X upper case, x other letters, d digit, anything else itself. */
    static char shape(char c) {
        return SHAPE[c];
    }

    private static final char[] SHAPE = new char[Character.MAX_VALUE + 1];

    static {
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            int kind = Chars.kind((char) i);
            SHAPE[i] = (kind & Chars.UPPER) != 0 ? 'X' : (kind & Chars.LOWER) != 0 ? 'x'
                    : (kind & Chars.DIGIT) != 0 ? 'd' : (kind & Chars.LETTER) != 0 ? 'x' : (char) i;
        }
    }

    static long mix(long template, long a) {
        return finish(template * 0x9E3779B97F4A7C15L ^ a);
    }

    static long mix(long template, long a, long b) {
        return finish(mix(template, a) * 0xC2B2AE3D27D4EB4FL ^ b);
    }

    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
