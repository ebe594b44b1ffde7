package io.newsflow.processing.enrich.ner;

/** 64-bit hashes of text slices and feature templates, computed without allocating strings. */
final class Hashing {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Hashing() {}

    static long chars(CharSequence text, int start, int end) {
        long h = FNV_OFFSET;
        for (int i = start; i < end; i++) {
            h = (h ^ text.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    static long lowerChars(CharSequence text, int start, int end) {
        long h = FNV_OFFSET;
        for (int i = start; i < end; i++) {
            h = (h ^ Character.toLowerCase(text.charAt(i))) * FNV_PRIME;
        }
        return h;
    }

    static long string(String s) {
        return chars(s, 0, s.length());
    }

    /** Word shape: X for upper, x for lower, d for digit, other characters as they are; {@code brief} collapses runs. */
    static long shape(CharSequence text, int start, int end, boolean brief) {
        long h = FNV_OFFSET;
        char last = 0;
        int length = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            char s = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? 'd'
                    : Character.isLetter(c) ? 'x' : c;
            if (brief && s == last) {
                continue;
            }
            if (!brief && ++length > 8) {
                break;
            }
            h = (h ^ s) * FNV_PRIME;
            last = s;
        }
        return h;
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
