package io.newsflow.processing.enrich.ner;

import io.newsflow.processing.enrich.text.Tokens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Trains the entity tagger: an averaged perceptron over {@link NerFeatures}, decoding greedily left to right
 * with its own earlier predictions as context (as it will at run time). Plain Java, deterministic for a seed.
 */
public final class NerTrainer {

    /** One training document: its tokens (sentences marked) and a gold BIO label per token. */
    public record Document(Tokens tokens, int[] labels) {}

    private final Gazetteer gazetteer;
    private final WordClusters clusters;
    private final FirstNames firstNames;
    private final LongIntMap index = new LongIntMap(1 << 20);
    private float[] weights = new float[(1 << 20) * NerLabels.COUNT];
    private double[] accumulated = new double[(1 << 20) * NerLabels.COUNT];
    private long[] keys = new long[1 << 20];
    private long step = 1;

    public NerTrainer(Gazetteer gazetteer, WordClusters clusters, FirstNames firstNames) {
        this.gazetteer = gazetteer;
        this.clusters = clusters;
        this.firstNames = firstNames;
    }

    /**
     * Runs {@code epochs} passes over the documents (shuffled each time) and returns the averaged model.
     *
     * @param onEpoch told the number of tokens tagged wrong in each pass
     */
    public NerModel train(List<Document> documents, int epochs, long seed, String version, IntConsumer onEpoch) {
        List<Document> order = new ArrayList<>(documents);
        List<NerContext> contexts = new ArrayList<>();
        for (Document d : documents) {
            contexts.add(new NerContext(d.tokens(), gazetteer.mark(d.tokens()), clusters, firstNames));
        }
        Random random = new Random(seed);
        long[] features = new long[NerFeatures.MAX];
        float[] scores = new float[NerLabels.COUNT];
        for (int epoch = 0; epoch < epochs; epoch++) {
            List<Integer> shuffled = new ArrayList<>();
            for (int d = 0; d < order.size(); d++) {
                shuffled.add(d);
            }
            Collections.shuffle(shuffled, random);
            int errors = 0;
            for (int d : shuffled) {
                NerContext context = new NerContext(documents.get(d).tokens(), contexts.get(d).gazetteer, clusters, firstNames);
                int[] gold = documents.get(d).labels();
                int previous = NerLabels.OUTSIDE;
                int previous2 = NerLabels.OUTSIDE;
                for (int i = 0; i < context.size; i++) {
                    if (context.tokens.sentenceStart(i)) {
                        previous = NerLabels.OUTSIDE;
                        previous2 = NerLabels.OUTSIDE;
                    }
                    int count = NerFeatures.extract(context, i, previous, previous2, features);
                    java.util.Arrays.fill(scores, 0f);
                    score(features, count, scores);
                    int predicted = NerTagger.best(scores, previous);
                    // After a wrong "O", the gold I-X cannot follow: the best the tagger can still do is B-X.
                    int target = NerLabels.allowed(previous, gold[i]) ? gold[i] : NerLabels.begin(NerLabels.type(gold[i]));
                    if (predicted != target) {
                        errors++;
                        update(features, count, target, 1f);
                        update(features, count, predicted, -1f);
                    }
                    step++;
                    context.remember(i, predicted);
                    previous2 = previous;
                    previous = predicted;
                }
            }
            onEpoch.accept(errors);
        }
        return averaged(version);
    }

    private void score(long[] features, int count, float[] scores) {
        for (int f = 0; f < count; f++) {
            int id = index.get(features[f]);
            if (id >= 0) {
                int base = id * NerLabels.COUNT;
                for (int l = 0; l < NerLabels.COUNT; l++) {
                    scores[l] += weights[base + l];
                }
            }
        }
    }

    private void update(long[] features, int count, int label, float delta) {
        for (int f = 0; f < count; f++) {
            int id = index.get(features[f]);
            if (id < 0) {
                id = index.size();
                ensureCapacity(id + 1);
                index.put(features[f], id);
                keys[id] = features[f];
            }
            int slot = id * NerLabels.COUNT + label;
            weights[slot] += delta;
            accumulated[slot] += (double) step * delta;
        }
    }

    private void ensureCapacity(int features) {
        if (features > keys.length) {
            int capacity = keys.length * 2;
            keys = java.util.Arrays.copyOf(keys, capacity);
            weights = java.util.Arrays.copyOf(weights, capacity * NerLabels.COUNT);
            accumulated = java.util.Arrays.copyOf(accumulated, capacity * NerLabels.COUNT);
        }
    }

    /** The averaged weights (w - accumulated / steps), keeping only those that are not ~0. */
    private NerModel averaged(String version) {
        int features = index.size();
        List<Long> keptKeys = new ArrayList<>();
        List<Byte> labels = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (int id = 0; id < features; id++) {
            int start = labels.size();
            for (int l = 0; l < NerLabels.COUNT; l++) {
                int slot = id * NerLabels.COUNT + l;
                float average = (float) (weights[slot] - accumulated[slot] / (double) step);
                if (Math.abs(average) > 1e-3f) {
                    labels.add((byte) l);
                    values.add(average);
                }
            }
            if (labels.size() > start) {
                keptKeys.add(keys[id]);
                starts.add(start);
            }
        }
        starts.add(labels.size());
        byte[] labelArray = new byte[labels.size()];
        float[] weightArray = new float[values.size()];
        for (int j = 0; j < labelArray.length; j++) {
            labelArray[j] = labels.get(j);
            weightArray[j] = values.get(j);
        }
        return new NerModel(version, keptKeys.stream().mapToLong(Long::longValue).toArray(), labelArray, weightArray,
                starts.stream().mapToInt(Integer::intValue).toArray());
    }
}
