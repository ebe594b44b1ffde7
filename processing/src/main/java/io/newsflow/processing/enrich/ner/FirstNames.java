package io.newsflow.processing.enrich.ner;

import io.newsflow.processing.enrich.Bundled;
import java.io.IOException;
import java.io.InputStream;

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
        return Bundled.read(DEFAULT_RESOURCE, "first names", FirstNames::read);
    }

    /** A word list ({@link Bundled#wordList}): one name per line. */
    public static FirstNames read(InputStream raw) throws IOException {
        LongIntMap names = new LongIntMap(1 << 13);
        for (String name : Bundled.wordList(raw)) {
            names.put(Hashing.lowerChars(name, 0, name.length()), 1);
        }
        return new FirstNames(names);
    }

    public int size() {
        return names.size();
    }

    /** Whether the word, in any case, is on the list. */
    public boolean contains(String word) {
        return contains(Hashing.lowerChars(word, 0, word.length()));
    }

    /** Whether the word with this lower-case hash ({@link Hashing#lowerChars}) is on the list. */
    boolean contains(long lowerHash) {
        return names.get(lowerHash) > 0;
    }
}
