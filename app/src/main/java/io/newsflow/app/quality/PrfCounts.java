package io.newsflow.app.quality;

/**
 * Counts for precision, recall and F1. {@code matchedPredicted} and {@code matchedGold} differ only in the
 * span mode's per-type rows, where a match counts for the predicted type and the gold type separately.
 */
public final class PrfCounts {

    int gold;
    int predicted;
    int matchedGold;
    int matchedPredicted;

    public int gold() {
        return gold;
    }

    public int predicted() {
        return predicted;
    }

    public int matched() {
        return matchedGold;
    }

    public double precision() {
        return predicted == 0 ? 0 : (double) matchedPredicted / predicted;
    }

    public double recall() {
        return gold == 0 ? 0 : (double) matchedGold / gold;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
