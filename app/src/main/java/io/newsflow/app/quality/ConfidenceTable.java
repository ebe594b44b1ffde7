package io.newsflow.app.quality;

/**
 * How often a predicted mention is right, by the confidence of its entity, in five bands of 0.2: what a consumer
 * that keeps only entities above some confidence can expect.
 */
public final class ConfidenceTable {

    private static final int BANDS = 5;
    private final int[] mentions = new int[BANDS];
    private final int[] right = new int[BANDS];

    /** Adds one predicted mention: its entity's confidence (0..1) and whether it matches a gold mention. */
    public void add(double confidence, boolean correct) {
        int band = band(confidence);
        mentions[band]++;
        if (correct) {
            right[band]++;
        }
    }

    static int band(double confidence) {
        return Math.max(0, Math.min(BANDS - 1, (int) Math.floor(confidence * BANDS)));
    }

    public int bands() {
        return BANDS;
    }

    /** The band's lower bound; its upper bound is the next band's lower bound (1.0 included in the last). */
    public double from(int band) {
        return (double) band / BANDS;
    }

    public int mentions(int band) {
        return mentions[band];
    }

    /** The share of the band's mentions that are right, or NaN for an empty band. */
    public double precision(int band) {
        return mentions[band] == 0 ? Double.NaN : (double) right[band] / mentions[band];
    }
}
