package io.newsflow.processing.enrich.ner;

import io.newsflow.processing.enrich.text.Chars;
import io.newsflow.processing.enrich.text.Fnv;
import io.newsflow.processing.enrich.text.Tokens;
import java.util.Arrays;

/**
 * Everything the tagger knows about one document before it tags it: per-token hashes (form, lower case,
 * brief shape, word cluster), gazetteer marks from the knowledge base, common first names, and document-wide
 * evidence (a word seen capitalised in mid-sentence elsewhere is likely a name; a word seen in lower case is
 * likely not).
 * The features of a word's own characters (full shape, affixes) are computed when the word is scored, not
 * here: most tokens are common words whose scores the tagger remembers. While tagging, it keeps the types
 * already given to each word (the document's prediction history).
 */
final class NerContext {

    static final int AFFIXES = 4;

    final Tokens tokens;
    final int size;
    final long[] form;
    final long[] lower;
    final long[] briefShape;
    final int[] gazetteer;
    /** Per token its word-cluster path, looked up when first asked for ({@link #cluster}); -1 until then. */
    private final int[] cluster;
    private final WordClusters clusters;
    final byte[] flags;
    private final Scratch scratch;

    static final byte CAPITALISED = 1;
    static final byte ALL_CAPS = 2;
    static final byte HAS_DIGIT = 4;
    static final byte CAPITALISED_ELSEWHERE = 8;
    static final byte LOWERCASE_ELSEWHERE = 16;
    static final byte PUNCTUATION = 32;
    /**
     * Per token: some character is a capital letter ("iPhone" too) or a digit. Kept apart from {@link #flags},
     * which the model reads as one feature.
     */
    final boolean[] capitalOrDigit;
    /** Per token: a capitalised word that is a common first name ({@link FirstNames}). */
    final boolean[] firstName;
    private final FirstNames firstNames;

    NerContext(Tokens tokens, int[] gazetteer, WordClusters clusters, FirstNames firstNames) {
        this(tokens, gazetteer, clusters, firstNames, new Scratch());
    }

    /**
     * The per-document sets and counts of a context, which a tagger keeps from one document to the next
     * instead of allocating them anew; each context empties them when it starts.
     */
    static final class Scratch {
        /** The words seen capitalised mid-sentence and in lower case (lower-case hashes). */
        private final LongIntMap capitalisedMidSentence = new LongIntMap(256);
        private final LongIntMap lowercase = new LongIntMap(2048);
        /** Per word (lower-case hash) that was given a type: its row in {@link #typeCounts}. */
        private final LongIntMap historyRows = new LongIntMap(64);
        /** How often each word was given each type: one row of {@code NerLabels.TYPES.size()} counts per word. */
        private int[] typeCounts = new int[64 * NerLabels.TYPES.size()];

        private void clear() {
            capitalisedMidSentence.clear();
            lowercase.clear();
            historyRows.clear();
        }
    }

    /** With a tagger's {@link Scratch}, emptied here. */
    NerContext(Tokens tokens, int[] gazetteer, WordClusters clusters, FirstNames firstNames, Scratch scratch) {
        this.tokens = tokens;
        this.size = tokens.size();
        this.gazetteer = gazetteer;
        this.clusters = clusters;
        this.firstNames = firstNames;
        this.cluster = new int[size];
        Arrays.fill(cluster, -1);
        form = new long[size];
        lower = new long[size];
        briefShape = new long[size];
        flags = new byte[size];
        capitalOrDigit = new boolean[size];
        firstName = new boolean[size];
        CharSequence text = tokens.text();
        this.scratch = scratch;
        scratch.clear();
        LongIntMap capitalisedMidSentence = scratch.capitalisedMidSentence;
        LongIntMap lowercase = scratch.lowercase;
        for (int i = 0; i < size; i++) {
            describe(text, i);
            if ((flags[i] & CAPITALISED) != 0) {
                if (!tokens.sentenceStart(i)) {
                    capitalisedMidSentence.put(lower[i], 1);
                }
            } else if ((Chars.kind(text.charAt(tokens.start(i))) & Chars.LOWER) != 0) {
                lowercase.put(lower[i], 1);
            }
        }
        for (int i = 0; i < size; i++) {
            if (capitalisedMidSentence.get(lower[i]) > 0) {
                flags[i] |= CAPITALISED_ELSEWHERE;
            }
            if (lowercase.get(lower[i]) > 0) {
                flags[i] |= LOWERCASE_ELSEWHERE;
            }
        }
    }

    /** The first accented letter: a word whose characters' bits OR to less has none. */
    private static final int ACCENTED = 0xC0;

    /**
     * Token i's form, lower-case and brief-shape hashes ({@link Fnv} of its characters, of their lower case, and
     * of their {@link Hashing#shape} classes with runs collapsed) and its flags, in one pass over its characters.
     */
    private void describe(CharSequence text, int i) {
        int s = tokens.start(i);
        int e = tokens.end(i);
        long formHash = Fnv.START;
        long lowerHash = formHash;
        long shapeHash = formHash;
        char lastShape = 0;
        int kinds = 0;
        int charBits = 0;
        for (int k = s; k < e; k++) {
            char c = text.charAt(k);
            charBits |= c;
            formHash = Fnv.next(formHash, c);
            lowerHash = Fnv.next(lowerHash, Chars.lower(c));
            char shape = Hashing.shape(c);
            if (shape != lastShape) {
                shapeHash = Fnv.next(shapeHash, shape);
                lastShape = shape;
            }
            kinds |= Chars.kind(c);
        }
        form[i] = formHash;
        lower[i] = lowerHash;
        briefShape[i] = shapeHash;
        char first = text.charAt(s);
        byte f = 0;
        if (Chars.isUpperCase(first)) {
            f |= CAPITALISED;
            if (e - s > 1 && (kinds & Chars.LOWER) == 0) {
                f |= ALL_CAPS;
            }
        } else if (!Chars.isLetterOrDigit(first)) {
            f |= PUNCTUATION;
        }
        if ((kinds & Chars.DIGIT) != 0) {
            f |= HAS_DIGIT;
        }
        flags[i] = f;
        firstName[i] = (f & CAPITALISED) != 0 && (firstNames.contains(lowerHash)
                || charBits >= ACCENTED && firstNames.containsUnaccented(text, s, e));
        capitalOrDigit[i] = (kinds & (Chars.UPPER | Chars.DIGIT)) != 0;
    }

    /**
     * Token i's word-cluster path ({@link WordClusters#path}). Looked up on demand: only the tokens the tagger
     * scores and their neighbours need one, and in most text that is a minority of the tokens.
     */
    int cluster(int i) {
        int path = cluster[i];
        if (path < 0) {
            path = clusters.path(lower[i]);
            cluster[i] = path;
        }
        return path;
    }

    boolean has(int i, byte flag) {
        return (flags[i] & flag) != 0;
    }

    /** The type most often given to this word earlier in the document, or -1. */
    int historyType(int i) {
        int row = scratch.historyRows.get(lower[i]);
        if (row < 0) {
            return -1;
        }
        int types = NerLabels.TYPES.size();
        int[] typeCounts = scratch.typeCounts;
        int best = -1;
        for (int t = 0; t < types; t++) {
            int count = typeCounts[row * types + t];
            if (count > 0 && (best < 0 || count > typeCounts[row * types + best])) {
                best = t;
            }
        }
        return best;
    }

    /** Remembers the label given to token i (entity types only; O is not remembered). */
    void remember(int i, int label) {
        if (label != NerLabels.OUTSIDE && has(i, CAPITALISED)) {
            int types = NerLabels.TYPES.size();
            LongIntMap historyRows = scratch.historyRows;
            int row = historyRows.get(lower[i]);
            if (row < 0) {
                row = historyRows.size();
                historyRows.put(lower[i], row);
                if ((row + 1) * types > scratch.typeCounts.length) {
                    scratch.typeCounts = Arrays.copyOf(scratch.typeCounts, scratch.typeCounts.length * 2);
                }
                Arrays.fill(scratch.typeCounts, row * types, (row + 1) * types, 0);
            }
            scratch.typeCounts[row * types + NerLabels.type(label)]++;
        }
    }
}
