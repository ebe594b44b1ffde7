package io.newsflow.processing.enrich.ner;

import io.newsflow.processing.enrich.EntityType;
import io.newsflow.processing.enrich.text.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds names in tokenized text with a trained {@link NerModel}: greedy left-to-right BIO decoding (an
 * {@code I-X} only after {@code B-X}/{@code I-X}), using the labels just given and the document's earlier
 * decisions as context. A token with no capital letter and no digit after an {@code O} is {@code O} without
 * scoring: a name begins with a capital or a digit (the engine drops lowercase names anyway), and most tokens
 * of a text are such words. Not thread-safe (it reuses buffers); use one per thread.
 */
public final class NerTagger {

    private final NerModel model;
    private final Gazetteer gazetteer;
    private final WordClusters clusters;
    private final FirstNames firstNames;
    private final long[] features = new long[NerFeatures.MAX];
    private final float[] scores = new float[NerLabels.COUNT];
    /** Scratch space of {@link NerModel#score}, one per tagger: the model is shared between threads. */
    private final int[] slots = new int[NerFeatures.MAX];
    /** Scratch space of {@link NerContext}, reused from one document to the next. */
    private final NerContext.Scratch scratch = new NerContext.Scratch();

    /** A name found at tokens {@code [firstToken, lastToken]}, i.e. characters {@code [start, end)}. */
    public record Span(int firstToken, int lastToken, int start, int end, EntityType type, double margin) {}

    public NerTagger(NerModel model, Gazetteer gazetteer, WordClusters clusters, FirstNames firstNames) {
        this.model = model;
        this.gazetteer = gazetteer;
        this.clusters = clusters;
        this.firstNames = firstNames;
    }

    /** A tagger whose callers mark the knowledge base's names themselves: {@link #tag(Tokens, int[])} only. */
    public NerTagger(NerModel model, WordClusters clusters, FirstNames firstNames) {
        this(model, null, clusters, firstNames);
    }

    /** Tags the tokens, marking the knowledge base's names with this tagger's {@link Gazetteer}. */
    public List<Span> tag(Tokens tokens) {
        if (gazetteer == null) {
            throw new IllegalStateException("this tagger has no gazetteer: call tag(tokens, marks)");
        }
        return tag(tokens, gazetteer.mark(tokens));
    }

    /** Tags the tokens, given the gazetteer marks of each ({@link Gazetteer#mark(Tokens, List, java.util.function.ToIntFunction)}). */
    public List<Span> tag(Tokens tokens, int[] gazetteerMarks) {
        NerContext context = new NerContext(tokens, gazetteerMarks, clusters, firstNames, scratch);
        List<Span> spans = new ArrayList<>();
        int previous = NerLabels.OUTSIDE;
        int previous2 = NerLabels.OUTSIDE;
        int open = -1;
        int openLabel = NerLabels.OUTSIDE;
        double openMargin = 0;
        for (int i = 0; i < context.size; i++) {
            if (tokens.sentenceStart(i)) {
                previous = NerLabels.OUTSIDE;
                previous2 = NerLabels.OUTSIDE;
            }
            int label;
            if (previous == NerLabels.OUTSIDE && !context.capitalOrDigit[i]) {
                label = NerLabels.OUTSIDE;
            } else {
                wordScores(context, i, scores);
                int count = NerFeatures.context(context, i, previous, previous2, features, 0);
                model.score(features, count, scores, slots);
                label = best(scores, previous);
            }
            if (open >= 0 && !NerLabels.isInside(label)) {
                spans.add(span(tokens, open, i - 1, openLabel, openMargin));
                open = -1;
            }
            if (NerLabels.isBegin(label)) {
                open = i;
                openLabel = label;
                openMargin = margin(scores, label);
            } else if (NerLabels.isInside(label)) {
                openMargin = Math.min(openMargin, margin(scores, label));
            }
            context.remember(i, label);
            previous2 = previous;
            previous = label;
        }
        if (open >= 0) {
            spans.add(span(tokens, open, context.size - 1, openLabel, openMargin));
        }
        return spans;
    }

    private static Span span(Tokens tokens, int first, int last, int label, double margin) {
        return new Span(first, last, tokens.start(first), tokens.end(last), NerLabels.TYPES.get(NerLabels.type(label)), margin);
    }

    /**
     * Puts the summed weights of the token's word features into {@code scores}, from a small cache of recent
     * words: common words ("the", "said", ",") are scored once, not every time they occur.
     */
    private void wordScores(NerContext context, int i, float[] scores) {
        long form = context.form[i];
        int slot = (int) (form ^ (form >>> 32)) & (CACHE_SIZE - 1);
        int base = slot * NerLabels.COUNT;
        if (cacheKeys[slot] == form && form != 0) {
            System.arraycopy(cacheScores, base, scores, 0, NerLabels.COUNT);
            return;
        }
        java.util.Arrays.fill(scores, 0f);
        int count = NerFeatures.word(context, i, features, 0);
        model.score(features, count, scores, slots);
        cacheKeys[slot] = form;
        System.arraycopy(scores, 0, cacheScores, base, NerLabels.COUNT);
    }

    private static final int CACHE_SIZE = 1 << 14;
    private final long[] cacheKeys = new long[CACHE_SIZE];
    private final float[] cacheScores = new float[CACHE_SIZE * NerLabels.COUNT];

    /** How far the chosen label's score is ahead of the runner-up. */
    private static double margin(float[] scores, int label) {
        float second = Float.NEGATIVE_INFINITY;
        for (int l = 0; l < scores.length; l++) {
            if (l != label && scores[l] > second) {
                second = scores[l];
            }
        }
        return scores[label] - second;
    }

    /** The best label allowed after {@code previous}. */
    static int best(float[] scores, int previous) {
        int best = NerLabels.OUTSIDE;
        float bestScore = scores[NerLabels.OUTSIDE];
        for (int l = 1; l < scores.length; l++) {
            if (scores[l] > bestScore && NerLabels.allowed(previous, l)) {
                best = l;
                bestScore = scores[l];
            }
        }
        return best;
    }
}
