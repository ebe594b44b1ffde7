package io.newsflow.app.quality;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores ranked topic predictions against gold labels, the way the reference scorer
 * ({@code ../shared/eval/score_topics.py}) does: top-1 accuracy, micro top-3 recall, and per-label
 * precision/recall/F1 of the top-1 prediction with their macro average over the labels that occur in gold.
 */
public final class TopicScorer {

    private int documents;
    private int top1Correct;
    private int top3Hits;
    private int goldLabels;
    private final Map<String, int[]> perLabel = new LinkedHashMap<>(); // tp, fp, fn
    private final Set<String> labelsInGold = new LinkedHashSet<>();

    /** Adds one document: its gold labels and the predicted labels, best first. */
    public void add(Set<String> gold, List<String> predicted) {
        List<String> ranked = List.copyOf(new LinkedHashSet<>(predicted));
        documents++;
        goldLabels += gold.size();
        labelsInGold.addAll(gold);
        String top = ranked.isEmpty() ? null : ranked.get(0);
        if (top != null && gold.contains(top)) {
            top1Correct++;
        }
        top3Hits += (int) ranked.stream().limit(3).filter(gold::contains).count();
        if (top != null) {
            perLabel.computeIfAbsent(top, k -> new int[3])[gold.contains(top) ? 0 : 1]++;
        }
        for (String label : gold) {
            if (!label.equals(top)) {
                perLabel.computeIfAbsent(label, k -> new int[3])[2]++;
            }
        }
    }

    public int documents() {
        return documents;
    }

    public double top1Accuracy() {
        return documents == 0 ? 0 : (double) top1Correct / documents;
    }

    public double top3Recall() {
        return goldLabels == 0 ? 0 : (double) top3Hits / goldLabels;
    }

    /** Precision, recall, F1 of the top-1 prediction for one label. */
    public double[] prf(String label) {
        int[] c = perLabel.getOrDefault(label, new int[3]);
        double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
        double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
        return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
    }

    public Set<String> labelsInGold() {
        return labelsInGold;
    }

    public double macroF1() {
        return labelsInGold.isEmpty() ? 0
                : labelsInGold.stream().mapToDouble(l -> prf(l)[2]).average().orElse(0);
    }
}
