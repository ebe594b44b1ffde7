package io.newsflow.processing.enrich;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the language of a text from its most common function words. Cheap and good enough to tell the
 * languages below apart on a paragraph or more; a text with too few function words is {@code und}
 * (undetermined), and so is a text where English comes within half of another language ("Prince Emanuel von und
 * zu Liechtenstein got a permit to hunt a bear, but…"). Only the first {@value #MAX_WORDS} words are read.
 */
public final class LanguageDetector {

    public static final String UNDETERMINED = "und";
    static final int MAX_WORDS = 300;
    private static final int MIN_HITS = 3;

    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
            "en", Set.of("the", "and", "of", "to", "in", "is", "that", "it", "was", "for", "with", "as", "on",
                    "are", "be", "this", "by", "he", "she", "they", "have", "has", "from", "at", "which", "but", "not"),
            "de", Set.of("der", "die", "und", "das", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "sich",
                    "auf", "dem", "auch", "es", "wird", "sie", "von", "im", "für"),
            "fr", Set.of("le", "la", "les", "et", "des", "est", "une", "du", "que", "pas", "pour", "dans", "qui",
                    "sur", "au", "avec", "il", "elle", "ce", "sont", "par"),
            "es", Set.of("el", "la", "los", "las", "y", "que", "es", "una", "del", "por", "con", "para", "se",
                    "no", "su", "al", "lo", "como", "más", "pero", "fue"),
            "it", Set.of("il", "di", "che", "è", "della", "per", "una", "sono", "non", "gli", "con", "del", "le",
                    "nel", "alla", "anche", "si", "da", "come", "questo"),
            "pt", Set.of("o", "os", "de", "que", "não", "uma", "para", "com", "do", "da", "em", "é", "se", "por",
                    "mais", "as", "dos", "das", "foi", "ao"),
            "nl", Set.of("de", "het", "een", "en", "van", "is", "niet", "dat", "op", "te", "zijn", "voor", "met",
                    "die", "ook", "wordt", "aan", "er", "maar", "om"));

    public String detect(String text) {
        Map<String, Integer> hits = new HashMap<>();
        int words = 0;
        int i = 0;
        int n = text.length();
        while (i < n && words < MAX_WORDS) {
            while (i < n && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                words++;
                String word = text.substring(start, i).toLowerCase(Locale.ROOT);
                FUNCTION_WORDS.forEach((lang, set) -> {
                    if (set.contains(word)) {
                        hits.merge(lang, 1, Integer::sum);
                    }
                });
            }
        }
        String best = hits.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_HITS)
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(UNDETERMINED);
        boolean englishClose = !best.equals("en") && 2 * hits.getOrDefault("en", 0) > hits.getOrDefault(best, 0);
        return englishClose ? UNDETERMINED : best;
    }
}
