package io.newsflow.processing.enrich;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.newsflow.processing.enrich.text.Chars;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds dictionary terms in a text in one pass (Aho-Corasick, double-array trie) and keeps the matches a
 * reader would: whole words only (no "Apple" inside "Pineapple"), and where matches overlap, the leftmost,
 * then the longest ("Grok-3" over "Grok"). Case-sensitive; callers that want case-insensitive matching
 * lower-case both dictionary and text.
 *
 * @param <V> what a term stands for
 */
public final class TermMatcher<V> {

    private final AhoCorasickDoubleArrayTrie<V> trie = new AhoCorasickDoubleArrayTrie<>();

    public TermMatcher(Map<String, V> terms) {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a term matcher needs at least one term");
        }
        trie.build(new TreeMap<>(terms));
    }

    /** A term found at {@code [start, end)}. */
    public record Match<V>(int start, int end, V value) {
        public int length() {
            return end - start;
        }
    }

    /** Whole-word, non-overlapping matches, in text order. */
    public List<Match<V>> find(CharSequence text) {
        List<Match<V>> all = new ArrayList<>();
        trie.parseText(text, (begin, end, value) -> {
            if (isBoundary(text, begin - 1) && isBoundary(text, end)) {
                all.add(new Match<>(begin, end, value));
            }
        });
        if (all.size() < 2) {
            return all;
        }
        all.sort(Comparator.<Match<V>>comparingInt(Match::start).thenComparing(Match::length, Comparator.reverseOrder()));
        List<Match<V>> kept = new ArrayList<>(all.size());
        int covered = -1;
        for (Match<V> match : all) {
            if (match.start() >= covered) {
                kept.add(match);
                covered = match.end();
            }
        }
        return kept;
    }

    /** Every whole-word match, overlapping ones included ("Toronto" inside "University of Toronto"). */
    public List<Match<V>> findAll(CharSequence text) {
        List<Match<V>> all = new ArrayList<>();
        trie.parseText(text, (begin, end, value) -> {
            if (isBoundary(text, begin - 1) && isBoundary(text, end)) {
                all.add(new Match<>(begin, end, value));
            }
        });
        return all;
    }

    /** True if the character at {@code index} cannot continue a word (or lies outside the text). */
    static boolean isBoundary(CharSequence text, int index) {
        if (index < 0 || index >= text.length()) {
            return true;
        }
        return !Chars.isLetterOrDigit(text.charAt(index));
    }
}
