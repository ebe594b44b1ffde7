package io.newsflow.processing.enrich;

import io.newsflow.processing.enrich.text.Chars;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    /** Each function word with the bit of every language it belongs to: one lookup per word of the text. */
    private static final Map<String, Integer> LANGUAGES_OF = new HashMap<>();
    private static final int LONGEST = FUNCTION_WORDS.stream().flatMap(Set::stream).mapToInt(String::length).max()
            .orElseThrow();

    static {
        for (int lang = 0; lang < LANGUAGES.size(); lang++) {
            for (String word : FUNCTION_WORDS.get(lang)) {
                LANGUAGES_OF.merge(word, 1 << lang, (a, b) -> a | b);
            }
        }
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
            while (i < n && Chars.isLetter(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                words++;
                Integer langs = i - start > LONGEST ? null
                        : LANGUAGES_OF.get(text.substring(start, i).toLowerCase(Locale.ROOT));
                for (int lang = 0; langs != null && lang < hits.length; lang++) {
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
