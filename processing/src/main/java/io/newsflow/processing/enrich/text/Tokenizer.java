package io.newsflow.processing.enrich.text;

import java.util.Set;

/**
 * Splits text into word and punctuation tokens the way English NER corpora do, keeping offsets into the
 * text: words keep inner hyphens, periods, apostrophes and slashes ({@code Grok-1.5}, {@code U.S.},
 * {@code O'Brien}); possessive {@code 's} and {@code n't} are tokens of their own; a final period stays on a
 * known abbreviation or an initial before a capitalised word ({@code Dr.}, {@code J.}), but not on a title's letters
 * where no name can follow them ("with Hun Sen. Her party"); other punctuation is one token per character.
 * Sentences start at the first token, after a blank line, and after {@code .!?} followed by a token that
 * starts with an upper-case letter, a digit or a quote.
 */
public final class Tokenizer {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Ft", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr",
            "Adm", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Inc", "Ltd", "Co", "Corp", "Bros", "vs", "etc", "No",
            "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ave", "Blvd",
            "Rd", "approx", "al", "Ph", "Mass", "Calif", "Fla", "Ill", "Penn", "Wash", "Ore", "Ariz");
    /** The abbreviations that are titles: they stand before a name, so one that nothing can follow ends a name. */
    private static final Set<String> TITLES = Set.of("Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt",
            "Cmdr", "Adm", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres");
    /** Capitalised words that open sentences and never names: no title stands before one ("Hun Sen. Her party"). */
    private static final Set<String> SENTENCE_WORDS = Set.of("A", "An", "The", "I", "He", "She", "It", "We", "They",
            "His", "Her", "Its", "Our", "Their", "This", "That", "These", "Those", "There", "Then", "But", "And", "Or",
            "So", "Yet", "In", "On", "At", "As", "By", "For", "From", "With", "After", "Before", "When", "While",
            "If", "Although", "Since", "What", "Who", "Why", "How");

    public Tokens tokenize(CharSequence text) {
        Tokens tokens = new Tokens(text);
        int n = text.length();
        int i = 0;
        boolean sentenceStart = true;
        int newlines = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (c == '\n') {
                    newlines++;
                }
                i++;
                continue;
            }
            if (newlines >= 1 && tokens.size() > 0) {
                // A line break ends a heading, a list item or a paragraph: treat it as a sentence boundary.
                sentenceStart = true;
            }
            newlines = 0;
            int start = i;
            if (isWordChar(c)) {
                int end = wordEnd(text, i, n);
                // n't and 's are tokens of their own: "didn't" -> "did" "n't", "Musk's" -> "Musk" "'s"
                int split = clitic(text, start, end);
                if (split > start) {
                    tokens.add(start, split, sentenceStart);
                    sentenceStart = false;
                    tokens.add(split, end, false);
                } else {
                    tokens.add(start, end, sentenceStart);
                    sentenceStart = false;
                }
                i = end;
                if (i < n && text.charAt(i) == '.' && keepsPeriod(text, start, end, n)) {
                    // the period belongs to "Dr." / "J." / "U.S."; still may end a sentence ("in the U.S. Then")
                    i++;
                    extend(tokens);
                    sentenceStart = endsSentenceAfterAbbreviation(text, i, n, start, end);
                }
                continue;
            }
            boolean closing = isClosing(c) && tokens.size() > 0 && isSentenceFinal(text.charAt(tokens.end(tokens.size() - 1) - 1))
                    && (i + 1 >= n || Character.isWhitespace(text.charAt(i + 1)));
            tokens.add(start, start + 1, sentenceStart && !closing);
            if (!closing) {
                sentenceStart = false; // a closing quote after "." leaves the next word to open the sentence
            }
            i++;
            if ((c == '.' || c == '!' || c == '?') && nextStartsSentence(text, i, n)) {
                sentenceStart = true;
            }
        }
        return tokens;
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == '\u201D' || c == '\u2019' || c == ')' || c == ']';
    }

    private static boolean isSentenceFinal(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    private static boolean isWordChar(char c) {
        return Chars.isLetterOrDigit(c);
    }

    /** A word runs over letters and digits, and over - . ' ’ / & when a letter or digit follows them. */
    private static int wordEnd(CharSequence text, int i, int n) {
        int j = i + 1;
        while (j < n) {
            char c = text.charAt(j);
            if (isWordChar(c)) {
                j++;
            } else if ((c == '-' || c == '.' || c == '\'' || c == '\u2019' || c == '/' || c == '&')
                    && j + 1 < n && isWordChar(text.charAt(j + 1))) {
                j += 2;
            } else {
                break;
            }
        }
        return j;
    }

    /** Where a trailing 's, ’s or n't starts inside [start, end), or -1. */
    private static int clitic(CharSequence text, int start, int end) {
        int length = end - start;
        if (length > 2) {
            char a = text.charAt(end - 2);
            char b = text.charAt(end - 1);
            if ((a == '\'' || a == '\u2019') && (b == 's' || b == 'S')) {
                return end - 2;
            }
        }
        if (length > 3 && (text.charAt(end - 3) == 'n' || text.charAt(end - 3) == 'N')
                && (text.charAt(end - 2) == '\'' || text.charAt(end - 2) == '\u2019')
                && (text.charAt(end - 1) == 't' || text.charAt(end - 1) == 'T')) {
            return end - 3;
        }
        return -1;
    }

    /** Lower-case words that go on a name after an initial ("L. van Beethoven", "J. de la Cruz"). */
    private static final Set<String> NAME_PARTICLES = Set.of("van", "von", "de", "da", "del", "della", "di", "du",
            "le", "la", "der", "den", "ter", "dos", "das", "bin", "ibn", "al", "el");

    /**
     * Whether the period at {@code end} belongs to the word before it. A capital letter's does where a name goes on
     * after it on the same line ("J. K. Rowling", "George W. Bush", "L. van Beethoven") or a comma, semicolon or
     * bracket follows; at the end of the text or of a line, or before another lower-case word, it ends the sentence
     * ("the Tesla Model Y.", "Plan B. which").
     */
    private static boolean keepsPeriod(CharSequence text, int start, int end, int n) {
        int length = end - start;
        if (length == 1 && Character.isUpperCase(text.charAt(start))) {
            int next = end + 1;
            while (next < n && text.charAt(next) == ' ') {
                next++;
            }
            if (next >= n) {
                return false;
            }
            char c = text.charAt(next);
            if (c == ',' || c == ';' || c == '(') {
                return true; // no sentence ends so: "Barsky, Robert F. (1998)", "Karl A.;"
            }
            if (next == end + 1) {
                return false;
            }
            if (Character.isUpperCase(c)) {
                return true;
            }
            int wordEnd = next;
            while (wordEnd < n && Character.isLowerCase(text.charAt(wordEnd))) {
                wordEnd++;
            }
            return wordEnd < n && text.charAt(wordEnd) == ' '
                    && NAME_PARTICLES.contains(text.subSequence(next, wordEnd).toString());
        }
        for (int k = start; k < end; k++) {
            if (text.charAt(k) == '.') {
                return true; // "U.S", "e.g", "Ph.D" take their final period too
            }
        }
        String word = text.subSequence(start, end).toString();
        return length <= 5 && ABBREVIATIONS.contains(word)
                && (!TITLES.contains(word) || nameMayFollow(text, end + 1, n));
    }

    /**
     * Whether a name may follow a title's period at {@code i}: not at the end of the text or of a line, nor
     * before a word that opens sentences, where the title's letters were the end of a name ("with Hun Sen.",
     * "said Amartya Sen. The prize ...").
     */
    private static boolean nameMayFollow(CharSequence text, int i, int n) {
        int next = i;
        while (next < n && text.charAt(next) == ' ') {
            next++;
        }
        if (next >= n || text.charAt(next) == '\n' || text.charAt(next) == '\r') {
            return false;
        }
        int wordEnd = next;
        while (wordEnd < n && Chars.isLetterOrDigit(text.charAt(wordEnd))) {
            wordEnd++;
        }
        return !SENTENCE_WORDS.contains(text.subSequence(next, wordEnd).toString());
    }

    private static void extend(Tokens tokens) {
        int last = tokens.size() - 1;
        int start = tokens.start(last);
        int end = tokens.end(last) + 1;
        boolean sentenceStart = tokens.sentenceStart(last);
        tokens.replaceLast(start, end, sentenceStart);
    }

    /** After "U.S." a new sentence starts only when the next word is capitalised and not a name-like "Army". */
    private static boolean endsSentenceAfterAbbreviation(CharSequence text, int i, int n, int start, int end) {
        int length = end - start;
        boolean initialOrTitle = length == 1 || ABBREVIATIONS.contains(text.subSequence(start, end).toString());
        return !initialOrTitle && nextStartsSentence(text, i, n) && twoSpacesOrNewline(text, i, n);
    }

    private static boolean twoSpacesOrNewline(CharSequence text, int i, int n) {
        return i < n && (text.charAt(i) == '\n' || (i + 1 < n && text.charAt(i) == ' ' && text.charAt(i + 1) == ' '));
    }

    private static boolean nextStartsSentence(CharSequence text, int i, int n) {
        int j = i;
        while (j < n && (text.charAt(j) == '"' || text.charAt(j) == '\'' || text.charAt(j) == '\u201D'
                || text.charAt(j) == '\u2019' || text.charAt(j) == ')')) {
            j++; // closing quotes and brackets belong to the sentence that ends
        }
        if (j == i && j < n && !Character.isWhitespace(text.charAt(j))) {
            return false; // "3.5", "a.m": no space after the period
        }
        while (j < n && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        if (j >= n) {
            return false;
        }
        char c = text.charAt(j);
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\u201C' || c == '\'' || c == '(';
    }
}
