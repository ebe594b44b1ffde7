package io.newsflow.processing.enrich;

import io.newsflow.processing.enrich.text.Chars;
import io.newsflow.processing.enrich.text.Fnv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds dictionary phrases in a text word by word, for callers that need speed more than offsets: a word is a
 * run of letters and digits, compared lower-case; what lies between words (spaces, hyphens, apostrophes,
 * dots) is ignored, so "covid-19", "covid 19" and "Covid–19" are one phrase, "S&P 500" is the phrase
 * "s p 500" and "Trump's" holds the word "trump" - except that no phrase spans a comma, semicolon, question
 * mark or line break. Matches are whole words, leftmost and then longest, and do not overlap. One pass over
 * the text; per word one hash probe, which compares 64-bit hashes of the lower-case words rather than their
 * characters; nothing allocated but one int array per call.
 *
 * <p>{@link TermMatcher} is the exact, offset-reporting alternative the entity tagger uses.
 *
 * @param <V> what a phrase stands for
 */
final class PhraseMatcher<V> {

    /** Receives each match in text order. */
    @FunctionalInterface
    interface Sink<V> {
        void accept(V value);
    }

    private static final int BREAK = -2;

    // words: open addressing by a 64-bit hash of the lower-case word: slot -> word id + 1 (0 = empty) and the
    // hash. A text word is taken for a lexicon word when the hashes agree: with some thousands of words in the
    // lexicon, a text word not in it shares a hash with one of them about once in 10^15 words.
    private final int[] wordSlots;
    private final long[] wordHashes;
    private final int wordMask;
    // trie over word ids: open addressing, key (node << 32 | word id) -> child node
    private final long[] edgeKeys;
    private final int[] edgeChildren;
    private final int edgeMask;
    private final Object[] values;
    private final int longest;

    /** Phrases by their text; a phrase that splits into no word is refused. */
    PhraseMatcher(Map<String, V> phrases) {
        if (phrases.isEmpty()) {
            throw new IllegalArgumentException("a phrase matcher needs at least one phrase");
        }
        Map<String, Integer> wordIds = new HashMap<>();
        List<String> wordList = new ArrayList<>();
        Map<Long, Integer> edges = new HashMap<>();
        List<Object> nodeValues = new ArrayList<>();
        nodeValues.add(null);
        int maxWords = 0;
        for (Map.Entry<String, V> e : phrases.entrySet()) {
            List<String> ws = words(e.getKey());
            if (ws.isEmpty()) {
                throw new IllegalArgumentException("phrase '" + e.getKey() + "' has no word");
            }
            maxWords = Math.max(maxWords, ws.size());
            int node = 0;
            for (String w : ws) {
                int id = wordIds.computeIfAbsent(w, k -> {
                    wordList.add(k);
                    return wordList.size() - 1;
                });
                long key = ((long) node << 32) | id;
                Integer child = edges.get(key);
                if (child == null) {
                    child = nodeValues.size();
                    nodeValues.add(null);
                    edges.put(key, child);
                }
                node = child;
            }
            if (nodeValues.get(node) != null) {
                throw new IllegalArgumentException("phrases '" + e.getKey() + "' and another have the same words");
            }
            nodeValues.set(node, e.getValue());
        }
        this.longest = maxWords;
        this.values = nodeValues.toArray();

        this.wordMask = tableSize(wordList.size()) - 1;
        this.wordSlots = new int[wordMask + 1];
        this.wordHashes = new long[wordMask + 1];
        for (int id = 0; id < wordList.size(); id++) {
            String word = wordList.get(id);
            long h = Fnv.of(word);
            int slot = slot(h);
            while (wordSlots[slot] != 0) {
                if (wordHashes[slot] == h) {
                    throw new IllegalArgumentException("lexicon words '" + word + "' and '"
                            + wordList.get(wordSlots[slot] - 1) + "' have the same hash");
                }
                slot = (slot + 1) & wordMask;
            }
            wordSlots[slot] = id + 1;
            wordHashes[slot] = h;
        }

        this.edgeMask = tableSize(edges.size()) - 1;
        this.edgeKeys = new long[edgeMask + 1];
        this.edgeChildren = new int[edgeMask + 1];
        Arrays.fill(edgeChildren, -1);
        edges.forEach((key, child) -> {
            int slot = mix(Long.hashCode(key)) & edgeMask;
            while (edgeChildren[slot] >= 0) {
                slot = (slot + 1) & edgeMask;
            }
            edgeKeys[slot] = key;
            edgeChildren[slot] = child;
        });
    }

    /** The words of a text, lower-cased, as this matcher sees them. */
    static List<String> words(CharSequence text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Chars.isLetterOrDigit(c)) {
                word.append(Chars.lower(c));
            } else if (word.length() > 0) {
                out.add(word.toString());
                word.setLength(0);
            }
        }
        return out;
    }

    /** Calls {@code sink} for each match in {@code text}, in text order. */
    @SuppressWarnings("unchecked")
    void find(CharSequence text, Sink<? super V> sink) {
        int[] ids = wordIds(text);
        int n = ids[0];
        for (int i = 1; i <= n; ) {
            int node = 0;
            int bestEnd = -1;
            Object best = null;
            for (int j = i; j <= n && j - i < longest && ids[j] >= 0; j++) {
                node = child(node, ids[j]);
                if (node < 0) {
                    break;
                }
                if (values[node] != null) {
                    best = values[node];
                    bestEnd = j;
                }
            }
            if (best != null) {
                sink.accept((V) best);
                i = bestEnd + 1;
            } else {
                i++;
            }
        }
    }

    /**
     * ids[0] = n; ids[1..n] = each word's id, -1 for a word no phrase has, or {@link #BREAK} where a comma,
     * semicolon, question mark or line break lies between two words (no phrase spans those).
     */
    private int[] wordIds(CharSequence text) {
        int length = text.length();
        int[] ids = new int[length + 2];
        int n = 0;
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (!Chars.isLetterOrDigit(c)) {
                if (isBreak(c) && n > 0 && ids[n] != BREAK) {
                    ids[++n] = BREAK;
                }
                i++;
                continue;
            }
            long h = Fnv.START;
            while (i < length && Chars.isLetterOrDigit(c = text.charAt(i))) {
                h = Fnv.next(h, Chars.lower(c));
                i++;
            }
            ids[++n] = lookup(h);
        }
        ids[0] = n;
        return ids;
    }

    private static boolean isBreak(char c) {
        return c == ',' || c == ';' || c == '?' || c == '\n' || c == '\r';
    }

    private int lookup(long h) {
        for (int slot = slot(h), entry; (entry = wordSlots[slot]) != 0; slot = (slot + 1) & wordMask) {
            if (wordHashes[slot] == h) {
                return entry - 1;
            }
        }
        return -1;
    }

    private int slot(long h) {
        return mix((int) (h ^ (h >>> 32))) & wordMask;
    }

    private int child(int node, int wordId) {
        long key = ((long) node << 32) | wordId;
        int slot = mix(Long.hashCode(key)) & edgeMask;
        for (int child = edgeChildren[slot]; child >= 0; child = edgeChildren[slot = (slot + 1) & edgeMask]) {
            if (edgeKeys[slot] == key) {
                return child;
            }
        }
        return -1;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** A power of two with room for {@code entries} at a load of at most one half. */
    private static int tableSize(int entries) {
        return Integer.highestOneBit(Math.max(entries, 1) * 2 - 1) << 1;
    }
}
