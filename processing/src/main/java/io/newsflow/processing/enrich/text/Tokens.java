package io.newsflow.processing.enrich.text;

import java.util.Arrays;

/**
 * The tokens of one text as offsets into it ({@code [start, end)}, Java {@code String} indexes), with the
 * sentence each starts. Arrays grow as needed; nothing is copied out of the text until asked.
 */
public final class Tokens {

    private final CharSequence text;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private boolean[] sentenceStarts = new boolean[64];
    private int size;

    Tokens(CharSequence text) {
        this.text = text;
    }

    /**
     * Tokens of text that comes tokenized already (training corpora): the words are joined with single
     * spaces, each sentence opening with a sentence start.
     */
    public static Tokens ofSentences(java.util.List<java.util.List<String>> sentences) {
        StringBuilder text = new StringBuilder();
        java.util.List<int[]> offsets = new java.util.ArrayList<>();
        for (java.util.List<String> sentence : sentences) {
            boolean first = true;
            for (String word : sentence) {
                if (text.length() > 0) {
                    text.append(first ? '\n' : ' ');
                }
                offsets.add(new int[] {text.length(), text.length() + word.length(), first ? 1 : 0});
                text.append(word);
                first = false;
            }
        }
        Tokens tokens = new Tokens(text.toString());
        offsets.forEach(o -> tokens.add(o[0], o[1], o[2] == 1));
        return tokens;
    }

    void add(int start, int end, boolean sentenceStart) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
            sentenceStarts = Arrays.copyOf(sentenceStarts, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        sentenceStarts[size] = sentenceStart;
        size++;
    }

    void replaceLast(int start, int end, boolean sentenceStart) {
        starts[size - 1] = start;
        ends[size - 1] = end;
        sentenceStarts[size - 1] = sentenceStart;
    }

    public CharSequence text() {
        return text;
    }

    public int size() {
        return size;
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    /** True if token {@code i} opens a sentence (the first token of the text does). */
    public boolean sentenceStart(int i) {
        return sentenceStarts[i];
    }

    public String string(int i) {
        return text.subSequence(starts[i], ends[i]).toString();
    }
}
