package io.newsflow.app.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores predicted entity spans against gold spans, the way the reference scorer
 * ({@code ../shared/eval/score_ner.py}) does, micro-averaged overall and per type:
 * <ul>
 *   <li>exact: same start, end and type; multisets, so a duplicate prediction is a false positive;</li>
 *   <li>partial: same type and at least one shared character, matched one to one greedily (exact range
 *       first, then larger overlap, then smaller boundary distance, then position);</li>
 *   <li>span: same start and end whatever the type (same-type pairs first); per-type recall by gold type,
 *       precision by predicted type.</li>
 * </ul>
 * Feed it document by document with {@link #add}; types outside the scored set are ignored on both sides.
 */
public final class NerScorer {

    public enum Mode { EXACT, PARTIAL, SPAN }

    private final List<String> types;
    private final Map<Mode, PrfCounts> overall = new LinkedHashMap<>();
    private final Map<Mode, Map<String, PrfCounts>> perType = new LinkedHashMap<>();

    public NerScorer(List<String> types) {
        this.types = List.copyOf(types);
        for (Mode mode : Mode.values()) {
            overall.put(mode, new PrfCounts());
            Map<String, PrfCounts> byType = new LinkedHashMap<>();
            types.forEach(t -> byType.put(t, new PrfCounts()));
            perType.put(mode, byType);
        }
    }

    public List<String> types() {
        return types;
    }

    public PrfCounts overall(Mode mode) {
        return overall.get(mode);
    }

    public PrfCounts perType(Mode mode, String type) {
        return perType.get(mode).get(type);
    }

    /** Adds one document's gold and predicted spans. */
    public void add(List<Span> goldAll, List<Span> predictedAll) {
        Set<String> scored = new HashSet<>(types);
        List<Span> gold = goldAll.stream().filter(s -> scored.contains(s.type())).toList();
        List<Span> pred = predictedAll.stream().filter(s -> scored.contains(s.type())).toList();
        count(Mode.EXACT, gold, pred, matchExact(gold, pred));
        count(Mode.PARTIAL, gold, pred, matchPartial(gold, pred));
        count(Mode.SPAN, gold, pred, matchSpan(gold, pred));
    }

    private void count(Mode mode, List<Span> gold, List<Span> pred, List<int[]> pairs) {
        PrfCounts total = overall.get(mode);
        Map<String, PrfCounts> byType = perType.get(mode);
        gold.forEach(g -> byType.get(g.type()).gold++);
        pred.forEach(p -> byType.get(p.type()).predicted++);
        total.gold += gold.size();
        total.predicted += pred.size();
        total.matchedGold += pairs.size();
        total.matchedPredicted += pairs.size();
        for (int[] pair : pairs) {
            byType.get(gold.get(pair[0]).type()).matchedGold++;
            byType.get(pred.get(pair[1]).type()).matchedPredicted++;
        }
    }

    static List<int[]> matchExact(List<Span> gold, List<Span> pred) {
        Map<Span, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < gold.size(); i++) {
            index.computeIfAbsent(gold.get(i), k -> new ArrayList<>()).add(i);
        }
        List<int[]> pairs = new ArrayList<>();
        for (int j = 0; j < pred.size(); j++) {
            List<Integer> free = index.get(pred.get(j));
            if (free != null && !free.isEmpty()) {
                pairs.add(new int[] {free.remove(0), j});
            }
        }
        return pairs;
    }

    static List<int[]> matchPartial(List<Span> gold, List<Span> pred) {
        record Candidate(int exact, int overlap, int distance, int goldStart, int predStart, int g, int p) {}
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            for (int j = 0; j < pred.size(); j++) {
                Span g = gold.get(i);
                Span p = pred.get(j);
                int overlap = g.overlap(p);
                if (g.type().equals(p.type()) && overlap > 0) {
                    candidates.add(new Candidate(g.sameRange(p) ? 0 : 1, -overlap,
                            Math.abs(g.start() - p.start()) + Math.abs(g.end() - p.end()), g.start(), p.start(), i, j));
                }
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::exact).thenComparingInt(Candidate::overlap)
                .thenComparingInt(Candidate::distance).thenComparingInt(Candidate::goldStart)
                .thenComparingInt(Candidate::predStart).thenComparingInt(Candidate::g).thenComparingInt(Candidate::p));
        Set<Integer> usedGold = new HashSet<>();
        Set<Integer> usedPred = new HashSet<>();
        List<int[]> pairs = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!usedGold.contains(c.g()) && !usedPred.contains(c.p())) {
                usedGold.add(c.g());
                usedPred.add(c.p());
                pairs.add(new int[] {c.g(), c.p()});
            }
        }
        return pairs;
    }

    static List<int[]> matchSpan(List<Span> gold, List<Span> pred) {
        List<int[]> pairs = matchExact(gold, pred);
        Set<Integer> usedGold = new HashSet<>();
        Set<Integer> usedPred = new HashSet<>();
        pairs.forEach(p -> {
            usedGold.add(p[0]);
            usedPred.add(p[1]);
        });
        Map<List<Integer>, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < gold.size(); i++) {
            if (!usedGold.contains(i)) {
                index.computeIfAbsent(List.of(gold.get(i).start(), gold.get(i).end()), k -> new ArrayList<>()).add(i);
            }
        }
        for (int j = 0; j < pred.size(); j++) {
            if (usedPred.contains(j)) {
                continue;
            }
            List<Integer> free = index.get(List.of(pred.get(j).start(), pred.get(j).end()));
            if (free != null && !free.isEmpty()) {
                pairs.add(new int[] {free.remove(0), j});
            }
        }
        return pairs;
    }
}
