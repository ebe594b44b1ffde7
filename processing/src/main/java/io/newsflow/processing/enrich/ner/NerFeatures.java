package io.newsflow.processing.enrich.ner;

import io.newsflow.processing.enrich.text.Fnv;

/**
 * The feature templates of the tagger, after Ratinov and Roth (2009): the word and its neighbours, shapes,
 * affixes, capitalisation in and out of sentence-initial position, knowledge-base (gazetteer) marks around the
 * word, common first names on it and beside it, the labels just given, and what the same word was tagged earlier
 * in the document. Features are 64-bit hashes written into a caller's buffer; nothing is allocated per token.
 */
final class NerFeatures {

    /** The most features one token can have. */
    static final int MAX = 80;

    private static final long BOUNDARY = Fnv.of("<s>");

    private NerFeatures() {}

    /**
     * Writes the features of token {@code i} into {@code out}, given the labels of the two tokens before it.
     *
     * @return how many features were written
     */
    static int extract(NerContext c, int i, int previous, int previous2, long[] out) {
        int n = word(c, i, out, 0);
        return context(c, i, previous, previous2, out, n);
    }

    /**
     * The features that depend on the token's own characters only (form, case, shape, affixes, word class):
     * the same for every occurrence of a word, so a tagger may remember their sum per word.
     */
    static int word(NerContext c, int i, long[] out, int n) {
        CharSequence text = c.tokens.text();
        int s = c.tokens.start(i);
        int e = c.tokens.end(i);
        out[n++] = Hashing.mix(1, 0);
        out[n++] = Hashing.mix(2, c.lower[i]);
        out[n++] = Hashing.mix(3, c.form[i]);
        out[n++] = Hashing.mix(10, Hashing.shape(text, s, e));
        out[n++] = Hashing.mix(11, c.briefShape[i]);
        for (int k = 0; k < NerContext.AFFIXES; k++) {
            int length = Math.min(k + 1, e - s);
            out[n++] = Hashing.mix(20 + k, Hashing.lowerChars(text, s, s + length) + k);
            out[n++] = Hashing.mix(30 + k, Hashing.lowerChars(text, e - length, e) - k);
        }
        int cluster = c.cluster(i);
        out[n++] = Hashing.mix(60, WordClusters.prefix(cluster, 4));
        out[n++] = Hashing.mix(61, WordClusters.prefix(cluster, 8));
        out[n++] = Hashing.mix(62, WordClusters.prefix(cluster, 12));
        out[n++] = Hashing.mix(63, WordClusters.prefix(cluster, 16));
        out[n++] = Hashing.mix(66, WordClusters.prefix(cluster, 12), c.briefShape[i]);
        out[n++] = Hashing.mix(70, c.firstName[i] ? 1 : 0);
        return n;
    }

    /** The features that depend on the neighbours, the sentence, the document and the labels just given. */
    static int context(NerContext c, int i, int previous, int previous2, long[] out, int n) {
        long w = c.lower[i];
        long wm1 = i > 0 && !c.tokens.sentenceStart(i) ? c.lower[i - 1] : BOUNDARY;
        long wp1 = i + 1 < c.size && !c.tokens.sentenceStart(i + 1) ? c.lower[i + 1] : BOUNDARY;
        long wm2 = i > 1 && !c.tokens.sentenceStart(i) && !c.tokens.sentenceStart(i - 1) ? c.lower[i - 2] : BOUNDARY;
        long wp2 = i + 2 < c.size && wp1 != BOUNDARY && !c.tokens.sentenceStart(i + 2) ? c.lower[i + 2] : BOUNDARY;
        out[n++] = Hashing.mix(4, wm1);
        out[n++] = Hashing.mix(5, wp1);
        out[n++] = Hashing.mix(6, wm2);
        out[n++] = Hashing.mix(7, wp2);
        out[n++] = Hashing.mix(8, wm1, w);
        out[n++] = Hashing.mix(9, w, wp1);
        long shapeM1 = wm1 == BOUNDARY ? BOUNDARY : c.briefShape[i - 1];
        long shapeP1 = wp1 == BOUNDARY ? BOUNDARY : c.briefShape[i + 1];
        out[n++] = Hashing.mix(12, shapeM1, c.briefShape[i]);
        out[n++] = Hashing.mix(13, c.briefShape[i], shapeP1);
        out[n++] = Hashing.mix(14, shapeM1, shapeP1);
        boolean sentenceStart = c.tokens.sentenceStart(i);
        out[n++] = Hashing.mix(40, sentenceStart ? 1 : 0, c.briefShape[i]);
        out[n++] = Hashing.mix(41, c.flags[i]);
        out[n++] = Hashing.mix(42, sentenceStart ? 1 : 0, c.flags[i] & (NerContext.CAPITALISED_ELSEWHERE | NerContext.LOWERCASE_ELSEWHERE | NerContext.CAPITALISED));
        out[n++] = Hashing.mix(43, previous);
        out[n++] = Hashing.mix(44, previous, previous2);
        out[n++] = Hashing.mix(45, previous, w);
        out[n++] = Hashing.mix(46, previous, c.briefShape[i]);
        int gazetteer = c.gazetteer[i];
        out[n++] = Hashing.mix(50, gazetteer);
        for (int bit = 0; gazetteer != 0 && bit < 32; bit++) {
            if ((gazetteer & (1 << bit)) != 0) {
                out[n++] = Hashing.mix(51, bit);
                out[n++] = Hashing.mix(52, bit, previous);
            }
        }
        int gazetteerM1 = wm1 == BOUNDARY ? -1 : c.gazetteer[i - 1];
        int gazetteerP1 = wp1 == BOUNDARY ? -1 : c.gazetteer[i + 1];
        out[n++] = Hashing.mix(53, gazetteerM1);
        out[n++] = Hashing.mix(54, gazetteerP1);
        int cluster = c.cluster(i);
        out[n++] = Hashing.mix(64, wm1 == BOUNDARY ? -1 : WordClusters.prefix(c.cluster(i - 1), 8));
        out[n++] = Hashing.mix(65, wp1 == BOUNDARY ? -1 : WordClusters.prefix(c.cluster(i + 1), 8));
        out[n++] = Hashing.mix(67, wm2 == BOUNDARY ? -1 : WordClusters.prefix(c.cluster(i - 2), 8));
        out[n++] = Hashing.mix(68, wp2 == BOUNDARY ? -1 : WordClusters.prefix(c.cluster(i + 2), 8));
        out[n++] = Hashing.mix(69, wm1 == BOUNDARY ? -1 : WordClusters.prefix(c.cluster(i - 1), 12), WordClusters.prefix(cluster, 12));
        out[n++] = Hashing.mix(71, wm1 != BOUNDARY && c.firstName[i - 1] ? 1 : 0,
                wp1 != BOUNDARY && c.firstName[i + 1] ? 1 : 0);
        int history = c.historyType(i);
        out[n++] = Hashing.mix(55, history);
        out[n++] = Hashing.mix(56, history, sentenceStart ? 1 : 0);
        return n;
    }
}
