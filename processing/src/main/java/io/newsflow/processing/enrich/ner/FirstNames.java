package io.newsflow.processing.enrich.ner;

import io.newsflow.processing.enrich.Bundled;
import io.newsflow.processing.enrich.text.Chars;
import io.newsflow.processing.enrich.text.Fnv;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;

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

    /** Whether the word, in any case and with or without its accents ("Óscar" as "Oscar"), is on the list. */
    public boolean contains(String word) {
        return contains(Hashing.lowerChars(word, 0, word.length())) || containsUnaccented(word, 0, word.length());
    }

    /** Whether the word with this lower-case hash ({@link Hashing#lowerChars}) is on the list. */
    boolean contains(long lowerHash) {
        return names.get(lowerHash) > 0;
    }

    /**
     * Whether the word at {@code [start, end)} of the text, with accents, is on the list without them: the list is
     * written in ASCII. False for a word without accents.
     */
    boolean containsUnaccented(CharSequence text, int start, int end) {
        long folded = Fnv.START;
        boolean accented = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            char base = c < ACCENTED_FIRST || c > ACCENTED_LAST ? c : UNACCENTED[c - ACCENTED_FIRST];
            accented |= base != c;
            folded = Fnv.next(folded, Chars.lower(base));
        }
        return accented && names.get(folded) > 0;
    }

    private static final char ACCENTED_FIRST = '\u00C0';
    private static final char ACCENTED_LAST = '\u017F';

    /** The Latin-1 and Latin Extended-A letters without their accents ("é" → "e"); other characters as they are. */
    private static final char[] UNACCENTED = new char[ACCENTED_LAST - ACCENTED_FIRST + 1];

    static {
        for (char c = ACCENTED_FIRST; c <= ACCENTED_LAST; c++) {
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            UNACCENTED[c - ACCENTED_FIRST] = decomposed.length() > 1 && decomposed.charAt(0) < 0x80
                    ? decomposed.charAt(0) : c;
        }
    }
}
