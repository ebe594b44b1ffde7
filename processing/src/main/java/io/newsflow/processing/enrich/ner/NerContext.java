package io.newsflow.processing.enrich.ner;

import io.newsflow.processing.enrich.text.Tokens;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything the tagger knows about one document before it tags it: per-token hashes (form, lower case,
 * shapes, prefixes, suffixes), gazetteer marks from the knowledge base, and document-wide evidence (a word
 * seen capitalised in mid-sentence elsewhere is likely a name; a word seen in lower case is likely not).
 * While tagging, it keeps the types already given to each word (the document's prediction history).
 */
final class NerContext {

    static final int AFFIXES = 4;

    final Tokens tokens;
    final int size;
    final long[] form;
    final long[] lower;
    final long[] shape;
    final long[] briefShape;
    final long[] prefixes;
    final long[] suffixes;
    final int[] gazetteer;
    final int[] cluster;
    final byte[] flags;
    private final Map<Long, int[]> history = new HashMap<>();

    static final byte CAPITALISED = 1;
    static final byte ALL_CAPS = 2;
    static final byte HAS_DIGIT = 4;
    static final byte CAPITALISED_ELSEWHERE = 8;
    static final byte LOWERCASE_ELSEWHERE = 16;
    static final byte PUNCTUATION = 32;

    NerContext(Tokens tokens, int[] gazetteer, WordClusters clusters) {
        this.tokens = tokens;
        this.size = tokens.size();
        this.gazetteer = gazetteer;
        this.cluster = new int[size];
        form = new long[size];
        lower = new long[size];
        shape = new long[size];
        briefShape = new long[size];
        prefixes = new long[size * AFFIXES];
        suffixes = new long[size * AFFIXES];
        flags = new byte[size];
        CharSequence text = tokens.text();
        Set<Long> capitalisedMidSentence = new HashSet<>();
        Set<Long> lowercase = new HashSet<>();
        for (int i = 0; i < size; i++) {
            int s = tokens.start(i);
            int e = tokens.end(i);
            form[i] = Hashing.chars(text, s, e);
            lower[i] = Hashing.lowerChars(text, s, e);
            cluster[i] = clusters.path(lower[i]);
            shape[i] = Hashing.shape(text, s, e, false);
            briefShape[i] = Hashing.shape(text, s, e, true);
            for (int k = 0; k < AFFIXES; k++) {
                int length = Math.min(k + 1, e - s);
                prefixes[i * AFFIXES + k] = Hashing.lowerChars(text, s, s + length) + k;
                suffixes[i * AFFIXES + k] = Hashing.lowerChars(text, e - length, e) - k;
            }
            char first = text.charAt(s);
            byte f = 0;
            if (Character.isUpperCase(first)) {
                f |= CAPITALISED;
                if (!tokens.sentenceStart(i)) {
                    capitalisedMidSentence.add(lower[i]);
                }
            } else if (Character.isLowerCase(first)) {
                lowercase.add(lower[i]);
            } else if (!Character.isLetterOrDigit(first)) {
                f |= PUNCTUATION;
            }
            boolean allCaps = e - s > 1;
            for (int k = s; k < e; k++) {
                char c = text.charAt(k);
                if (Character.isDigit(c)) {
                    f |= HAS_DIGIT;
                }
                if (Character.isLowerCase(c)) {
                    allCaps = false;
                }
            }
            if (allCaps && (f & CAPITALISED) != 0) {
                f |= ALL_CAPS;
            }
            flags[i] = f;
        }
        for (int i = 0; i < size; i++) {
            if (capitalisedMidSentence.contains(lower[i])) {
                flags[i] |= CAPITALISED_ELSEWHERE;
            }
            if (lowercase.contains(lower[i])) {
                flags[i] |= LOWERCASE_ELSEWHERE;
            }
        }
    }

    boolean has(int i, byte flag) {
        return (flags[i] & flag) != 0;
    }

    /** The type most often given to this word earlier in the document, or -1. */
    int historyType(int i) {
        int[] counts = history.get(lower[i]);
        if (counts == null) {
            return -1;
        }
        int best = -1;
        for (int t = 0; t < counts.length; t++) {
            if (counts[t] > 0 && (best < 0 || counts[t] > counts[best])) {
                best = t;
            }
        }
        return best;
    }

    /** Remembers the label given to token i (entity types only; O is not remembered). */
    void remember(int i, int label) {
        if (label != NerLabels.OUTSIDE && has(i, CAPITALISED)) {
            history.computeIfAbsent(lower[i], k -> new int[NerLabels.TYPES.size()])[NerLabels.type(label)]++;
        }
    }
}
