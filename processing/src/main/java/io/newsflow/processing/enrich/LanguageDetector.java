package io.newsflow.processing.enrich;

import io.newsflow.processing.enrich.text.Chars;
import io.newsflow.processing.enrich.text.Fnv;
import java.util.List;
import java.util.Set;

/**
 * Guesses the language of a text from its most common function words. Cheap and good enough to tell the
 * languages below apart on a paragraph or more; a text with too few function words is {@code und}
 * (undetermined), and so is a text where English comes within half of another language ("Prince Emanuel von und
 * zu Liechtenstein got a permit to hunt a bear, but…"). Only the first {@value #MAX_WORDS} words are read. Ties
 * go to the language listed first (English first).
 */
public final class LanguageDetector {

    public static final String UNDETERMINED = "und";
    static final int MAX_WORDS = 300;
    private static final int MIN_HITS = 3;

    /** The languages, in the order that breaks ties, each with its function words. */
    private static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it", "pt", "nl");
    private static final List<Set<String>> FUNCTION_WORDS = List.of(
            Set.of("the", "and", "of", "to", "in", "is", "that", "it", "was", "for", "with", "as", "on",
                    "are", "be", "this", "by", "he", "she", "they", "have", "has", "from", "at", "which", "but", "not"),
            Set.of("der", "die", "und", "das", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "sich",
                    "auf", "dem", "auch", "es", "wird", "sie", "von", "im", "für"),
            Set.of("le", "la", "les", "et", "des", "est", "une", "du", "que", "pas", "pour", "dans", "qui",
                    "sur", "au", "avec", "il", "elle", "ce", "sont", "par"),
            Set.of("el", "la", "los", "las", "y", "que", "es", "una", "del", "por", "con", "para", "se",
                    "no", "su", "al", "lo", "como", "más", "pero", "fue"),
            Set.of("il", "di", "che", "è", "della", "per", "una", "sono", "non", "gli", "con", "del", "le",
                    "nel", "alla", "anche", "si", "da", "come", "questo"),
            Set.of("o", "os", "de", "que", "não", "uma", "para", "com", "do", "da", "em", "é", "se", "por",
                    "mais", "as", "dos", "das", "foi", "ao"),
            Set.of("de", "het", "een", "en", "van", "is", "niet", "dat", "op", "te", "zijn", "voor", "met",
                    "die", "ook", "wordt", "aan", "er", "maar", "om"));
    /**
     * Each function word, by the {@link Fnv} hash of its lower case, with the bit of every language it belongs
     * to: open addressing, one probe per word of the text and no string made for it. 0 marks an empty slot.
     */
    private static final long[] WORD_HASHES = new long[512];
    private static final int[] LANGUAGES_OF = new int[WORD_HASHES.length];
    private static final int LONGEST = FUNCTION_WORDS.stream().flatMap(Set::stream).mapToInt(String::length).max()
            .orElseThrow();

    static {
        for (int lang = 0; lang < LANGUAGES.size(); lang++) {
            for (String word : FUNCTION_WORDS.get(lang)) {
                long h = Fnv.of(word);
                int slot = slot(h);
                while (LANGUAGES_OF[slot] != 0 && WORD_HASHES[slot] != h) {
                    slot = (slot + 1) & (WORD_HASHES.length - 1);
                }
                WORD_HASHES[slot] = h;
                LANGUAGES_OF[slot] |= 1 << lang;
            }
        }
    }

    /** The language bits of the function word with this hash, 0 for any other word. */
    private static int languagesOf(long h) {
        for (int slot = slot(h); LANGUAGES_OF[slot] != 0; slot = (slot + 1) & (WORD_HASHES.length - 1)) {
            if (WORD_HASHES[slot] == h) {
                return LANGUAGES_OF[slot];
            }
        }
        return 0;
    }

    private static int slot(long h) {
        return (int) (h ^ (h >>> 32)) & (WORD_HASHES.length - 1);
    }

    public String detect(String text) {
        int[] hits = new int[LANGUAGES.size()];
        int words = 0;
        int i = 0;
        int n = text.length();
        while (i < n && words < MAX_WORDS) {
            while (i < n && !Chars.isLetter(text.charAt(i))) {
                i++;
            }
            int start = i;
            long h = Fnv.START;
            char c;
            while (i < n && Chars.isLetter(c = text.charAt(i))) {
                h = Fnv.next(h, Chars.lower(c));
                i++;
            }
            if (i > start) {
                words++;
                int langs = i - start > LONGEST ? 0 : languagesOf(h);
                for (int lang = 0; langs != 0 && lang < hits.length; lang++) {
                    if ((langs & (1 << lang)) != 0) {
                        hits[lang]++;
                    }
                }
            }
        }
        int best = -1;
        for (int lang = 0; lang < hits.length; lang++) {
            if (hits[lang] >= MIN_HITS && (best < 0 || hits[lang] > hits[best])) {
                best = lang;
            }
        }
        if (best < 0) {
            return UNDETERMINED;
        }
        boolean englishClose = best != 0 && 2 * hits[0] > hits[best];
        return englishClose ? UNDETERMINED : LANGUAGES.get(best);
    }
}
