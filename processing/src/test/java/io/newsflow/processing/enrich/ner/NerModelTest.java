package io.newsflow.processing.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class NerModelTest {

    /** Three features: 0 (a key like any other), one with a weight for every label, one with two. */
    private static NerModel model() {
        long[] keys = {0L, 0x0123456789abcdefL, -5L};
        int all = NerLabels.COUNT;
        byte[] labels = new byte[1 + all + 2];
        float[] weights = new float[labels.length];
        labels[0] = 3;
        weights[0] = 0.5f;
        for (int l = 0; l < all; l++) {
            labels[1 + l] = (byte) l;
            weights[1 + l] = l + 0.25f;
        }
        labels[1 + all] = 0;
        weights[1 + all] = -2f;
        labels[2 + all] = (byte) (all - 1);
        weights[2 + all] = 1.125f;
        return new NerModel("test", keys, labels, weights, new int[] {0, 1, 1 + all, 3 + all});
    }

    private static float[] score(NerModel model, long... features) {
        float[] scores = new float[NerLabels.COUNT];
        model.score(features, features.length, scores, new int[features.length]);
        return scores;
    }

    @Test
    void addsTheWeightsOfTheFeaturesItKnows() {
        float[] scores = score(model(), 0L, 0x0123456789abcdefL, -5L, 99L);
        for (int l = 0; l < NerLabels.COUNT; l++) {
            float expected = l + 0.25f + (l == 3 ? 0.5f : 0) + (l == 0 ? -2f : 0) + (l == NerLabels.COUNT - 1 ? 1.125f : 0);
            assertThat(scores[l]).as("label %d", l).isEqualTo(expected);
        }
        assertThat(score(model(), 99L, 1L, 0x0123456789abcdeeL)).containsOnly(0f);
    }

    @Test
    void tellsApartFeaturesWithTheSameSlotAndFingerprint() {
        // bit 20 is in neither the slot's index nor the fingerprint: the two keys differ only in the full hash
        long known = 0x0123456789abcdefL;
        long twin = known ^ (1L << 20);
        NerModel one = new NerModel("one", new long[] {known}, new byte[] {2}, new float[] {1.5f}, new int[] {0, 1});
        assertThat(score(one, twin)).containsOnly(0f);
        assertThat(score(one, known)[2]).isEqualTo(1.5f);

        NerModel both = new NerModel("both", new long[] {known, twin}, new byte[] {2, 5}, new float[] {1.5f, -4f},
                new int[] {0, 1, 2});
        assertThat(score(both, twin)[5]).isEqualTo(-4f);
        assertThat(score(both, twin)[2]).isZero();
        assertThat(score(both, known, twin)[2]).isEqualTo(1.5f);
    }

    @Test
    void scoresTheSameAfterWritingAndReading() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model().write(bytes);
        NerModel read = NerModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(read.version()).isEqualTo("test");
        assertThat(read.features()).isEqualTo(3);
        assertThat(score(read, 0L, -5L)).isEqualTo(score(model(), 0L, -5L));
    }
}
