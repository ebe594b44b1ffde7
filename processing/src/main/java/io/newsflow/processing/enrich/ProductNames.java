package io.newsflow.processing.enrich;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Product names as news writes them: a product line, then its model number and edition ("Galaxy S24 Ultra",
 * "AirPods Pro 2", "Apple Watch Series 10", "Llama 3.1"). The tagger and the knowledge base find the line
 * ("Galaxy S24", "AirPods", "Llama 3"); these rules take the mention on to the end of the model's name, and the
 * link stays with the line's entry, which is where Wikipedia covers its models. {@link EntityTagger} runs them in
 * the order they stand here.
 */
final class ProductNames {

    private ProductNames() {}

    /** Words that name a model's edition after its line or number. */
    private static final Set<String> EDITIONS = Set.of("Pro", "Max", "Ultra", "Plus", "Mini", "Lite", "Slim", "SE",
            "XL", "XS", "Air", "OLED", "Turbo");

    /**
     * What may follow a product's name and still be its name: a version or variant attached to a number ("3" +
     * ".1", "A350" + "-1000"), or, after a space, an edition word, "Series" and a number, or a number of one to
     * three digits (with a letter: "S24", "5G").
     */
    private static final Pattern MODEL_PART = Pattern.compile("(?:(?<=\\d)(?:[.-]\\d+)+"
            + "| (?:Series \\d{1,3}|(?<edition>[A-Z][A-Za-z]*)|(?<number>[A-Z]?\\d{1,3}(?:\\.\\d+)*[A-Za-z]?)))"
            + "(?![\\w.,:-]\\w)");

    /** A number is not a model's when it counts something ("ChatGPT 3 days ago", "iPhone 2 years on"). */
    private static final Pattern COUNTED = Pattern.compile(" (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|"
            + "times?|percent|per|million|billion|thousand|hundred|more|fewer|less)\\b");

    /**
     * A capitalised word, a number and an edition word name a model wherever no other name stands there ("Pixel 9
     * Pro XL", "Mate 60 Pro", "Mavic 3 Pro") in mid-sentence, unless a capitalised word follows, which makes it part
     * of some other name ("65 Air Division").
     */
    static void addModelNames(String body, List<FoundName> found) {
        for (int i = body.indexOf(' '); i >= 0 && i + 1 < body.length(); i = body.indexOf(' ', i + 1)) {
            int digits = i + 1;
            int numberEnd = digits;
            while (numberEnd < body.length() && numberEnd - digits < 4 && Character.isDigit(body.charAt(numberEnd))) {
                numberEnd++;
            }
            if (numberEnd == digits || numberEnd - digits > 3 || numberEnd + 1 >= body.length()
                    || body.charAt(numberEnd) != ' ') {
                continue;
            }
            int editionEnd = numberEnd;
            while (editionEnd + 1 < body.length() && body.charAt(editionEnd) == ' '
                    && EDITIONS.contains(body.substring(editionEnd + 1, wordEnd(body, editionEnd + 1)))) {
                editionEnd = wordEnd(body, editionEnd + 1);
            }
            int lineStart = NameRules.lettersStart(body, i);
            if (editionEnd == numberEnd || lineStart == i || !Character.isUpperCase(body.charAt(lineStart))
                    || !NameRules.midSentence(body, lineStart) || NameRules.capitalisedWordAt(body, editionEnd)) {
                continue;
            }
            int start = lineStart;
            int end = editionEnd;
            if (found.stream().noneMatch(f -> f.start < end && start < f.end)) {
                found.add(new FoundName(start, end, body.substring(start, end), EntityType.PRODUCT, 1.0));
            }
        }
    }

    /**
     * A product mention (the knowledge base's type wins over the tagger's, as it will for the entity) goes on
     * through the model parts right after it ({@link #MODEL_PART}): edition words, "Series N", a number where its
     * name has none yet ("AirPods" + "Pro 2"), a version attached to its number ("Llama 3" + ".1"). It stops at
     * any other word, before a number that counts something, and where another name reaches into the parts.
     */
    static void extendModels(String body, List<FoundName> found) {
        for (FoundName f : List.copyOf(found)) {
            if ((f.entry != null ? f.entry.type() : f.type) != EntityType.PRODUCT || !found.contains(f)) {
                continue;
            }
            int end = modelEnd(body, f.end, hasDigit(f.text));
            if (end > f.end && !crossed(found, f, end)) {
                int from = f.end;
                found.removeIf(other -> other != f && from <= other.start && other.end <= end);
                FoundName extended = new FoundName(f.start, end, body.substring(f.start, end), f.type, f.margin);
                extended.entry = f.entry;
                extended.ambiguous = f.ambiguous;
                extended.title = f.title;
                found.set(found.indexOf(f), extended);
            }
        }
    }

    /**
     * A product the knowledge base does not know by its whole name is linked to its line when it knows that: the
     * name with model parts cut from its end ("AirPods Pro 2" is an "AirPods", "Pixel 9 Pro XL" a "Pixel"), the
     * longest such line first, and only to a product entry.
     */
    static void linkToLines(List<FoundName> found, Linker linker) {
        for (FoundName f : found) {
            if (f.entry != null || f.type != EntityType.PRODUCT) {
                continue;
            }
            String name = f.text;
            for (int cut = name.length() - 1; cut > 0 && f.entry == null; cut--) {
                char c = name.charAt(cut);
                boolean partStarts = c == ' ' || (c == '.' || c == '-') && Character.isDigit(name.charAt(cut - 1));
                if (partStarts && modelEnd(name, cut, hasDigit(name.substring(0, cut))) == name.length()) {
                    List<KnowledgeBase.Entry> entries = linker.candidates(name.substring(0, cut));
                    if (entries != null) {
                        entries.stream().filter(e -> e.type() == EntityType.PRODUCT).findFirst().ifPresent(e -> {
                            f.entry = e;
                            f.ambiguous = entries.size() > 1;
                        });
                    }
                }
            }
        }
    }

    /** The end of the letters from {@code at}. */
    private static int wordEnd(String body, int at) {
        int end = at;
        while (end < body.length() && Character.isLetter(body.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Where the model parts after {@code at} end ({@code at} itself if there are none). */
    private static int modelEnd(String body, int at, boolean numbered) {
        Matcher part = MODEL_PART.matcher(body).useTransparentBounds(true);
        Matcher counted = COUNTED.matcher(body);
        int end = at;
        while (part.region(end, body.length()).lookingAt()) {
            String edition = part.group("edition");
            if (edition != null && !EDITIONS.contains(edition)) {
                break;
            }
            if (part.group("number") != null) {
                if (numbered || counted.region(part.end(), body.length()).lookingAt()) {
                    break;
                }
            }
            numbered |= part.group("number") != null || part.group().startsWith(" Series");
            end = part.end();
        }
        return end;
    }

    /**
     * Whether another name reaches into the model parts from outside them. A name wholly inside them is a piece of
     * the model's name the tagger took for a name of its own ("iPhone 16" + "Pro Max", a person), and goes.
     */
    private static boolean crossed(List<FoundName> found, FoundName f, int end) {
        for (FoundName other : found) {
            if (other != f && other.start < end && f.end < other.end && (other.start < f.end || other.end > end)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
