package io.newsflow.processing.enrich.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Common English first names, a word list for the tagger: a capitalised first name beside a capitalised word
 * says the two may be a person's name ("Regina Ip"), which the training sentences alone teach only for the
 * names they hold. Written by {@code kb/build.mjs}. Immutable once loaded; lookups by the tagger's lower-case
 * word hash.
 */
public final class FirstNames {

    public static final String DEFAULT_RESOURCE = "/io/newsflow/model/first-names.txt";

    /** Read-only once loaded, so safe to share between threads. */
    private final LongIntMap names;

    private FirstNames(LongIntMap names) {
        this.names = names;
    }

    /** No list: no word is a first name. */
    public static FirstNames none() {
        return new FirstNames(new LongIntMap(16));
    }

    public static FirstNames loadDefault() {
        try (InputStream in = FirstNames.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no first names at " + DEFAULT_RESOURCE + " on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read first names " + DEFAULT_RESOURCE, e);
        }
    }

    /** One name per line; blank lines and lines starting with {@code #} are skipped. */
    public static FirstNames read(InputStream raw) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8));
        LongIntMap names = new LongIntMap(1 << 13);
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.put(Hashing.lowerChars(name, 0, name.length()), 1);
            }
        }
        return new FirstNames(names);
    }

    public int size() {
        return names.size();
    }

    /** Whether the word with this lower-case hash ({@link Hashing#lowerChars}) is on the list. */
    boolean contains(long lowerHash) {
        return names.get(lowerHash) > 0;
    }
}
