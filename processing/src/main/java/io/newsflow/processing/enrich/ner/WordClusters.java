package io.newsflow.processing.enrich.ner;

import io.newsflow.processing.enrich.Bundled;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Word classes for the tagger: each known word (lower case) has a path of binary choices in a tree of word
 * clusters derived from word vectors; prefixes of the path are classes of increasing fineness. Built by
 * {@code newsflow build-clusters}. Immutable; lookups by the tagger's lower-case word hash.
 */
public final class WordClusters {

    public static final String DEFAULT_RESOURCE = "/io/newsflow/model/word-clusters.tsv.gz";
    /** Paths are stored as bits with a leading 1, so that "01" and "001" differ. */
    static final int NONE = 0;

    private final LongIntMap paths;

    private WordClusters(LongIntMap paths) {
        this.paths = paths;
    }

    /** No clusters: every word is unknown. */
    public static WordClusters none() {
        return new WordClusters(new LongIntMap(16));
    }

    public static WordClusters loadDefault() {
        return Bundled.read(DEFAULT_RESOURCE, "word clusters", WordClusters::read);
    }

    public static WordClusters read(InputStream raw) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8));
        LongIntMap paths = new LongIntMap(1 << 18);
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                continue;
            }
            int bits = 1;
            for (int i = tab + 1; i < line.length() && i < tab + 1 + 30; i++) {
                bits = (bits << 1) | (line.charAt(i) == '1' ? 1 : 0);
            }
            paths.put(Hashing.lowerChars(line, 0, tab), bits);
        }
        return new WordClusters(paths);
    }

    /** The path of the word with this lower-case hash, as bits after a leading 1; {@link #NONE} if unknown. */
    int path(long lowerHash) {
        int path = paths.get(lowerHash);
        return path < 0 ? NONE : path;
    }

    /** The first {@code length} choices of a path (the whole path if shorter), keeping the leading 1. */
    static int prefix(int path, int length) {
        if (path == NONE) {
            return NONE;
        }
        int bits = 31 - Integer.numberOfLeadingZeros(path);
        return bits <= length ? path : path >>> (bits - length);
    }
}
