package io.newsflow.processing.enrich;

import io.newsflow.processing.enrich.text.Fnv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Ships, submarines and spacecraft by their own names. News names a craft after its service's prefix ("USS Gerald
 * R. Ford", "HMS Prince of Wales", "Space Shuttle Columbia"), after a word for what it is ("the container ship Dali",
 * "the Russian cruiser Moskva", "the aircraft carrier Charles de Gaulle") or, for spacecraft, before such a word
 * ("the Perseverance rover", "Europe's Ariane 6 rocket"); and then by the name alone ("Columbia was lost"). Craft
 * are named after people, places and countries, so what the tagger and the knowledge base make of the name alone is
 * often wrong. These rules make such a name a product, linked to the knowledge base's entry where it holds the craft
 * ("Space Shuttle Discovery"), and make the text's other mentions of the name the same product.
 */
final class CraftNames {

    private CraftNames() {}

    /** Navies', coast guards' and merchant fleets' prefixes, and the shuttle's: part of the craft's name. */
    private static final Pattern PREFIX = Pattern.compile("\\b(?:USS|USNS|USCGC|HMS|HMAS|HMCS|HMNZS|HMC|RMS|MV"
            + "|CCGS|INS|ARA|TCG|ROKS|HNLMS|Space Shuttle) (?=\\p{Lu})");

    /** Words for a craft that stand before its name ("the tanker Sounion"); written in lower case, as news does. */
    private static final Pattern WORD_BEFORE = Pattern.compile("(?<![\\p{L}-])(?:(?:aircraft|bulk|car|helicopter|vehicle)"
            + " carrier|(?:(?:container|cargo|cruise|research|hospital|supply|survey|space) ?)?ship|vessel|freighter"
            + "|(?:super)?tanker|liner|ferry|(?:super|mega)?yacht|icebreaker|trawler|schooner|cruiser|destroyer"
            + "|frigate|corvette|warship|battleship|submarine|submersible|tugboat|spacecraft|space probe|lander|rover"
            + "|orbiter|shuttle|capsule|space station|rocket|airship|spaceplane) (?=\\p{Lu})");

    /** Words for a spacecraft that stand after its name ("the Perseverance rover", "Falcon 9 rockets"). */
    private static final Pattern WORD_AFTER = Pattern.compile(" (?:rover|lander|orbiter|spacecraft|space probe|capsule"
            + "|rocket|(?:space )?telescope|satellite|submersible|spaceplane|space station)s?(?![\\p{L}-])");

    /** The most characters a word for a craft has before its last word ("helicopter " of "helicopter carrier"). */
    private static final int LONGEST_QUALIFIER = "helicopter ".length();

    /** The hashes of the words {@link #triggers} looks for: the prefixes' first words and the craft words' last. */
    private static final long[] TRIGGERS = Stream.of("USS", "USNS", "USCGC", "HMS", "HMAS", "HMCS", "HMNZS", "HMC",
            "RMS", "MV", "CCGS", "INS", "ARA", "TCG", "ROKS", "HNLMS", "Shuttle", "carrier", "ship", "containership",
            "cargoship", "cruiseship", "researchship", "hospitalship", "supplyship", "surveyship", "spaceship", "vessel",
            "freighter", "tanker", "supertanker", "liner", "ferry", "yacht", "superyacht", "megayacht", "icebreaker",
            "trawler", "schooner", "cruiser", "destroyer", "frigate", "corvette", "warship", "battleship", "submarine",
            "submersible", "tugboat", "spacecraft", "probe", "lander", "rover", "orbiter", "shuttle", "capsule",
            "station", "rocket", "airship", "spaceplane", "telescope", "satellite", "probes", "landers", "rovers",
            "orbiters", "capsules", "stations", "rockets", "spaceplanes", "telescopes", "satellites", "submersibles")
            .mapToLong(Fnv::of).sorted().toArray();

    /**
     * A name after a prefix or a word for a craft: capitalised words, initials and numbers, with the small words
     * names of ships have inside ("Charles de Gaulle", "Icon of the Seas", "Gerald R. Ford", "Queen Mary 2").
     */
    private static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}\\p{N}-]*(?: (?:(?:of|the|de|del|da|di|du|la|le"
            + "|von|van) )*(?:\\p{Lu}\\.(?= \\p{Lu})|\\p{Lu}[\\p{L}\\p{N}-]*|\\p{N}+[\\p{L}\\p{N}-]*))*");

    /** A word of a name before a word for a spacecraft: capitalised or a number, maybe with a code ("Chang'e", "2F"). */
    private static final Pattern NAME_WORD = Pattern.compile("(?:\\p{Lu}[\\p{L}\\p{N}'’-]*|\\p{N}+[\\p{L}\\p{N}-]*)");

    /** Words before a word for a craft that make it a verb: "will ship Blackwell", "to ferry Ukrainian grain". */
    private static final Set<String> VERB_CONTEXT = Set.of("to", "will", "would", "could", "can", "should", "may",
            "might", "must", "not", "and", "or", "we", "they", "you", "I", "it", "he", "she", "also", "still", "then",
            "now", "soon", "later", "first", "never");

    /** Words that begin a sentence and not a name ("The Ariane 6 rocket"). */
    private static final Set<String> LEADING_WORDS = Set.of("The", "A", "An", "Its", "Their", "His", "Her", "Our",
            "This", "That", "These", "Those", "Each", "Every", "Another", "One", "Two", "Both");

    /**
     * Capitalised words that do not begin a craft's name: words of a sentence's start ("… the rocket. When …" without
     * its full stop) and words for what a space agency or a navy runs ("Space Shuttle Program").
     */
    private static final Set<String> NOT_NAMES = Set.of("I", "We", "You", "He", "She", "It", "They", "My", "Your",
            "When", "Where", "What", "Why", "How", "If", "But", "And", "Or", "So", "Yes", "No", "Let", "Should", "Will",
            "Would", "Could", "Can", "After", "Before", "As", "In", "On", "At", "For", "With", "Program", "Programme",
            "Project", "Mission", "Missions", "Fleet", "Era", "Launch", "Flight", "Crew", "Team", "Office", "Center",
            "Centre", "Facility", "Museum", "Landing");

    /** The least prior of a place that acts in the news ("Estonia" 0.83, "Memphis" 0.45; "Dali" 0.21). */
    private static final double PROMINENT = 0.5;

    /** A craft named in the text: its whole name as written and the name without its prefix. */
    private record Craft(int start, int end, String name, String shortName) {}

    /**
     * Makes the names of craft products and adds the ones nobody found; the text's other mentions of such a name
     * become the same product, except after "in" or "at", where the name is the place ("in Estonia").
     *
     * @param entries the knowledge base's entries by a name, or null if it holds none
     */
    static void addCraftNames(String body, List<FoundName> found, Function<String, List<KnowledgeBase.Entry>> entries,
            Set<String> demonyms) {
        List<int[]> triggers = triggers(body);
        if (triggers.isEmpty()) {
            return;
        }
        List<Craft> crafts = new ArrayList<>();
        afterPrefixes(body, triggers, crafts, entries);
        afterCraftWords(body, triggers, found, crafts, entries, demonyms);
        beforeCraftWords(body, triggers, crafts, entries, demonyms);
        if (crafts.isEmpty()) {
            return;
        }
        Map<String, KnowledgeBase.Entry> names = new LinkedHashMap<>();
        for (Craft craft : crafts) {
            if (!place(craft, found)) {
                continue;
            }
            KnowledgeBase.Entry entry = product(craft.name(), entries);
            if (entry == null) {
                entry = product(craft.shortName(), entries);
            }
            FoundName name = new FoundName(craft.start(), craft.end(), craft.name(), EntityType.PRODUCT, 1.0);
            name.entry = entry;
            found.add(name);
            names.putIfAbsent(craft.name(), entry);
            names.putIfAbsent(craft.shortName(), entry);
        }
        sameNameElsewhere(body, found, names);
    }

    /** "USS Gerald R. Ford"; not in a line in Title Case, where every word after the prefix is capitalised, nor "MV Agusta". */
    private static void afterPrefixes(String body, List<int[]> triggers, List<Craft> crafts,
            Function<String, List<KnowledgeBase.Entry>> entries) {
        Matcher prefix = PREFIX.matcher(body).useTransparentBounds(true);
        Matcher name = NAME.matcher(body);
        for (int[] trigger : triggers) {
            int from = body.startsWith("Space ", trigger[0] - 6) ? trigger[0] - 6 : trigger[0];
            if (prefix.region(from, body.length()).lookingAt() && !NameRules.inTitleCaseLine(body, prefix.start())
                    && name.region(prefix.end(), body.length()).lookingAt()) {
                int end = endOfName(body, prefix.end(), name.end());
                if (end > prefix.end() && !isSomethingElse(body.substring(prefix.start(), end), entries)
                        && !NOT_NAMES.contains(firstWord(body, prefix.end(), end))) {
                    crafts.add(new Craft(prefix.start(), end, body.substring(prefix.start(), end),
                            body.substring(prefix.end(), end)));
                }
            }
        }
    }

    /**
     * "the tanker Sounion", "the aircraft carrier Charles de Gaulle"; not after a word that makes the craft's word a
     * verb ("will ship Blackwell"), nor a people's adjective ("ferry Ukrainian grain"), nor a one-word name of
     * someone who could act with a word in lower case after it: "the tanker Iran seized" and "the ship Theseus used"
     * are more likely than a tanker called Iran, so "the ferry Estonia sank" is left as it is ({@link #mayAct}).
     */
    private static void afterCraftWords(String body, List<int[]> triggers, List<FoundName> found, List<Craft> crafts,
            Function<String, List<KnowledgeBase.Entry>> entries, Set<String> demonyms) {
        Matcher word = WORD_BEFORE.matcher(body).useTransparentBounds(true);
        Matcher name = NAME.matcher(body);
        for (int[] trigger : triggers) {
            if (!endsAt(word, body, trigger[0] - LONGEST_QUALIFIER, trigger[1] + 1)) {
                continue;
            }
            int before = NameRules.wordBefore(body, word.start());
            if (before >= 0 && VERB_CONTEXT.contains(body.substring(before, word.start() - 1))) {
                continue;
            }
            if (!name.region(word.end(), body.length()).lookingAt()) {
                continue;
            }
            int start = word.end();
            int end = endOfName(body, start, name.end());
            if (end <= start) {
                continue;
            }
            String text = body.substring(start, end);
            if (demonyms.contains(text) || NOT_NAMES.contains(firstWord(body, start, end))
                    || text.indexOf(' ') < 0 && (mayAct(text, entries) || foundAsPerson(found, start, end))
                    && end + 1 < body.length() && body.charAt(end) == ' ' && Character.isLowerCase(body.charAt(end + 1))) {
                continue;
            }
            crafts.add(new Craft(start, end, text, text));
        }
    }

    /**
     * "the Perseverance rover", "a Long March 2F rocket", "the Russian Soyuz capsule" (its maker's name, a place or a
     * people's adjective before the name is not part of it: "the SpaceX Falcon 9 rocket", "the Mars rover"). Not an
     * adjective ("the Galilean satellites", "Lunar landers"), and not one word at a sentence's start, where any word
     * is capitalised.
     */
    private static void beforeCraftWords(String body, List<int[]> triggers, List<Craft> crafts,
            Function<String, List<KnowledgeBase.Entry>> entries, Set<String> demonyms) {
        Matcher word = WORD_AFTER.matcher(body).useTransparentBounds(true);
        for (int[] trigger : triggers) {
            if (!endsAt(word, body, trigger[0] - "space ".length() - 1, trigger[1])) {
                continue;
            }
            List<int[]> words = new ArrayList<>();
            int end = word.start();
            while (end > 0) {
                int start = end;
                while (start > 0 && !Character.isWhitespace(body.charAt(start - 1))) {
                    start--;
                }
                if (start >= end || !NAME_WORD.matcher(body).region(start, end).matches()
                        || NameRules.possessiveEndsAt(body, end)
                        || body.charAt(end - 1) == '\'' || body.charAt(end - 1) == '’') {
                    break;
                }
                words.add(0, new int[] {start, end});
                if (start == 0 || body.charAt(start - 1) != ' ') {
                    break;
                }
                end = start - 1;
            }
            while (!words.isEmpty()) {
                String first = body.substring(words.get(0)[0], words.get(0)[1]);
                if (!LEADING_WORDS.contains(first) && !demonyms.contains(first) && !isOrganisationOrPlace(first, entries)) {
                    break;
                }
                words.remove(0);
            }
            if (words.isEmpty() || !Character.isUpperCase(body.charAt(words.get(0)[0]))) {
                continue;
            }
            int start = words.get(0)[0];
            String text = body.substring(start, word.start());
            boolean oneWord = text.indexOf(' ') < 0;
            if (!isOrganisationOrPlace(text, entries) && !NOT_NAMES.contains(firstWord(body, start, word.start()))
                    && !(oneWord && (ADJECTIVE.matcher(text).matches() || !NameRules.midSentence(body, start)))) {
                crafts.add(new Craft(start, word.start(), text, text));
            }
        }
    }

    /** Whether {@code matcher} finds a match between {@code from} and {@code end} that ends at {@code end}. */
    private static boolean endsAt(Matcher matcher, String body, int from, int end) {
        if (end > body.length()) {
            return false;
        }
        matcher.region(Math.max(0, from), end);
        while (matcher.find()) {
            if (matcher.end() == end) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the words stand that a match of {@link #PREFIX}, {@link #WORD_BEFORE} or {@link #WORD_AFTER} ends in
     * or (a prefix) starts with, each as {@code [start, end)}: one pass over the text's words, by their hashes, so
     * that the patterns only run around them, and not at all in most texts.
     */
    private static List<int[]> triggers(String body) {
        List<int[]> triggers = List.of();
        int n = body.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(body.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            long hash = Fnv.START;
            while (i < n && Character.isLetter(body.charAt(i))) {
                hash = Fnv.next(hash, body.charAt(i++));
            }
            if (Arrays.binarySearch(TRIGGERS, hash) >= 0) {
                if (triggers.isEmpty()) {
                    triggers = new ArrayList<>();
                }
                triggers.add(new int[] {start, i});
            }
        }
        return triggers;
    }

    /** Endings of adjectives ("Galilean", "Martian", "Lunar", "Arctic", "Orbital"). */
    private static final Pattern ADJECTIVE = Pattern.compile("\\p{Lu}\\p{Ll}+(?:ian|ean|ar|ic|al)");

    private static String firstWord(String body, int start, int end) {
        int space = body.indexOf(' ', start);
        return body.substring(start, space < 0 || space > end ? end : space);
    }

    /** Whether the tagger took the name at {@code [start, end)} for a person. */
    private static boolean foundAsPerson(List<FoundName> found, int start, int end) {
        for (FoundName f : found) {
            if (f.start == start && f.end == end && f.type == EntityType.PERSON) {
                return true;
            }
        }
        return false;
    }

    /** The end of a name that {@link #NAME} matched up to {@code end}, without a day or month at its end ("the ship Monday"). */
    private static int endOfName(String body, int start, int end) {
        String[] words = body.substring(start, end).split(" ");
        int keep = words.length;
        for (int i = 0; i < words.length; i++) {
            if (NameRules.isDateWord(words[i])) {
                keep = i;
                break;
            }
        }
        while (keep > 0 && !Character.isUpperCase(words[keep - 1].charAt(0)) && !Character.isDigit(words[keep - 1].charAt(0))) {
            keep--;
        }
        return start + String.join(" ", Arrays.asList(words).subList(0, keep)).length();
    }

    /** The knowledge base's product by this name, or null. */
    private static KnowledgeBase.Entry product(String name, Function<String, List<KnowledgeBase.Entry>> entries) {
        List<KnowledgeBase.Entry> named = entries.apply(name);
        return named == null ? null : named.stream().filter(e -> e.type() == EntityType.PRODUCT).findFirst().orElse(null);
    }

    /** Whether the knowledge base holds the name, and not as a product. */
    private static boolean isSomethingElse(String name, Function<String, List<KnowledgeBase.Entry>> entries) {
        List<KnowledgeBase.Entry> named = entries.apply(name);
        return named != null && named.stream().noneMatch(e -> e.type() == EntityType.PRODUCT);
    }

    private static boolean isOrganisationOrPlace(String name, Function<String, List<KnowledgeBase.Entry>> entries) {
        List<KnowledgeBase.Entry> named = entries.apply(name);
        return named != null && named.stream().noneMatch(e -> e.type() == EntityType.PRODUCT)
                && named.stream().anyMatch(e -> e.type() == EntityType.ORGANIZATION || e.type() == EntityType.LOCATION);
    }

    /**
     * Whether the knowledge base holds the name as someone who acts in the news: a person, an organisation, or a
     * prominent place (a country or a capital: "Iran seized", "Moscow sent"), not a small town ("Dali").
     */
    private static boolean mayAct(String name, Function<String, List<KnowledgeBase.Entry>> entries) {
        List<KnowledgeBase.Entry> named = entries.apply(name);
        return named != null && named.stream().anyMatch(e -> e.type() == EntityType.PERSON
                || e.type() == EntityType.ORGANIZATION || e.type() == EntityType.LOCATION && e.prior() >= PROMINENT);
    }

    /**
     * Puts the craft in place of the names found inside it or reaching into it from its start ("Gerald R. Ford" in
     * "USS Gerald R. Ford", "Perseverance rover"); a name found across its start stays, and the craft is not added.
     */
    private static boolean place(Craft craft, List<FoundName> found) {
        for (FoundName f : found) {
            if (f.start < craft.start() && f.end > craft.start()) {
                return false;
            }
        }
        found.removeIf(f -> f.start >= craft.start() && f.start < craft.end());
        return true;
    }

    /** The other mentions of a craft's name, found as something else or not at all, become the craft. */
    private static void sameNameElsewhere(String body, List<FoundName> found, Map<String, KnowledgeBase.Entry> entries) {
        boolean[] covered = new boolean[body.length() + 1];
        for (FoundName f : found) {
            if (entries.containsKey(f.text) && f.type != EntityType.PRODUCT && !NameRules.afterPlaceWord(body, f.start)) {
                f.type = EntityType.PRODUCT;
                f.entry = entries.get(f.text);
                f.ambiguous = false;
            }
            Arrays.fill(covered, f.start, f.end, true);
        }
        List<FoundName> added = new ArrayList<>();
        entries.forEach((name, entry) -> {
            for (int at = body.indexOf(name); at >= 0; at = body.indexOf(name, at + name.length())) {
                int end = at + name.length();
                if (!covered[at] && !covered[end - 1] && TermMatcher.isBoundary(body, at - 1)
                        && TermMatcher.isBoundary(body, end) && !NameRules.afterPlaceWord(body, at)) {
                    Arrays.fill(covered, at, end, true);
                    FoundName mention = new FoundName(at, end, name, EntityType.PRODUCT, 1.0);
                    mention.entry = entry;
                    added.add(mention);
                }
            }
        });
        found.addAll(added);
    }
}
