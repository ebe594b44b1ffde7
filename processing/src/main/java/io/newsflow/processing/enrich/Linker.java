package io.newsflow.processing.enrich;

import io.newsflow.processing.enrich.ner.Gazetteer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the knowledge base makes of the names in a text: it finds every name and alias it holds in one scan,
 * links found names to entries (the tagger's type first, then the most prominent entry; a shared name to the
 * entry whose Wikipedia qualifier the text names), and adds what it knows that the tagger missed (products and
 * events; known names inside longer names).
 */
final class Linker {

    /** Every name and alias of the knowledge base: one scan per text serves the tagger's marks and the linker. */
    private final TermMatcher<Known> matcher;
    private final Map<String, List<KnowledgeBase.Entry>> byForm = new HashMap<>();
    /** Organisations whose names begin products' longer names in the knowledge base ("Toyota" of "Toyota Camry"). */
    private final Set<String> makers = new HashSet<>();

    Linker(KnowledgeBase kb) {
        for (KnowledgeBase.Entry entry : kb.entries()) {
            add(entry.name(), entry);
            entry.aliases().forEach(alias -> add(alias, entry));
            if (entry.type() == EntityType.PRODUCT && entry.name().indexOf(' ') > 0) {
                makers.add(entry.name().substring(0, entry.name().indexOf(' ')));
            }
        }
        makers.removeIf(name -> !knownTypes(name).contains(EntityType.ORGANIZATION));
        Map<String, Known> known = new HashMap<>();
        byForm.forEach((form, entries) -> known.put(form, new Known(entries.get(0),
                entries.stream().mapToInt(e -> Gazetteer.typeBit(e.type())).reduce(0, (a, b) -> a | b))));
        this.matcher = new TermMatcher<>(known);
    }

    private void add(String form, KnowledgeBase.Entry entry) {
        List<KnowledgeBase.Entry> entries = byForm.computeIfAbsent(form, k -> new ArrayList<>(1));
        if (!entries.contains(entry)) {
            entries.add(entry);
        }
    }

    /** A name the knowledge base knows: its first (most prominent) entry and the types of all its entries. */
    record Known(KnowledgeBase.Entry first, int types) {}

    /** Every name and alias the knowledge base holds, whole words only, leftmost-longest, in text order. */
    List<TermMatcher.Match<Known>> find(String body) {
        return matcher.find(body);
    }

    /** Whether the knowledge base holds this name or alias. */
    boolean knows(String form) {
        return candidates(form) != null;
    }

    /**
     * Whether a name is a maker's whose products the knowledge base holds under the maker's name: an organisation
     * that is the first word of a product's ("Toyota" of "Toyota Camry", "Microsoft" of "Microsoft Teams").
     */
    boolean makesProducts(String name) {
        return makers.contains(name);
    }

    /** The types of the entries the knowledge base holds by this name or alias; empty if none. */
    Set<EntityType> knownTypes(String form) {
        List<KnowledgeBase.Entry> entries = candidates(form);
        if (entries == null) {
            return Set.of();
        }
        Set<EntityType> types = EnumSet.noneOf(EntityType.class);
        entries.forEach(e -> types.add(e.type()));
        return types;
    }

    /** Whether the knowledge base has a person by this name or alias. */
    boolean knowsPerson(String form) {
        List<KnowledgeBase.Entry> entries = candidates(form);
        return entries != null && entries.stream().anyMatch(e -> e.type() == EntityType.PERSON);
    }

    /**
     * Names inside longer names are entities too: "Helsinki" in "University of Helsinki", "Google" in "Google
     * Science Fair". Known people, organisations and places inside a found name become mentions of their own —
     * the longest ones, left to right ("New York" in "New York Times", not also "York"), and never the entity
     * the whole name already is, nor one of its other names ("Musk" in "Elon Musk", "Quebec" in "Quebec City").
     * An inner name stands at the start of the outer one, after a word such as "of" ("University of Helsinki") or
     * after a number or an ordinal ("2013 Virginia election", "33rd Berlin International Film Festival"); a name
     * after another capitalised word is a part of the name, not a name of its own ("York" in "New York"), nor is one
     * before "of" in a name the knowledge base holds, the outer name's head ("Conservative Party" in "Conservative
     * Party of Canada"; but "Fine Gael" in "Fine Gael of Ireland", a name the tagger ran on).
     * A person's name holds no other names ("Alvin" in "Alvin Yeung" is no one else). The inner names are
     * linked as they are added. Besides the names the knowledge base knows, a place the article itself names on
     * its own is one at the start of an organisation's name too ("Irving, Texas" … "the Irving Police Department").
     */
    void addNestedNames(String body, List<FoundName> found) {
        Set<String> places = new HashSet<>();
        for (FoundName f : found) {
            if (f.type == EntityType.LOCATION && f.text.indexOf(' ') < 0 && f.entry == null) {
                places.add(f.text);
            }
        }
        List<FoundName> nested = new ArrayList<>();
        for (FoundName outer : found) {
            if (outer.text.indexOf(' ') < 0 || outer.type == EntityType.PERSON) {
                continue;
            }
            KnowledgeBase.Entry whole = outer.entry != null ? outer.entry : firstEntry(outer.text);
            int covered = 0;
            List<TermMatcher.Match<Known>> inner = matcher.findAll(outer.text);
            inner.sort(Comparator.<TermMatcher.Match<Known>>comparingInt(TermMatcher.Match::start)
                    .thenComparing(TermMatcher.Match::length, Comparator.reverseOrder()));
            for (TermMatcher.Match<Known> match : inner) {
                EntityType type = match.value().first().type();
                if (match.length() == outer.text.length() || match.start() < covered || match.value().first() == whole
                        || whole != null && aliasOf(outer.text.substring(match.start(), match.end()), whole)
                        || !(type == EntityType.PERSON || type == EntityType.ORGANIZATION || type == EntityType.LOCATION)
                        || !standsAlone(outer.text, match.start())) {
                    continue;
                }
                if (whole != null && outer.text.startsWith(" of ", match.end())) {
                    covered = match.end(); // the head, and no shorter name inside it either
                    continue;
                }
                covered = match.end();
                int start = outer.start + match.start();
                int end = outer.start + match.end();
                FoundName name = new FoundName(start, end, body.substring(start, end), type, outer.margin);
                link(name);
                nested.add(name);
            }
            if (covered == 0 && outer.type == EntityType.ORGANIZATION) {
                placeAtStart(outer, places, nested);
            }
        }
        found.addAll(nested);
    }

    /** Whether the knowledge base holds this name for the entry too ("Quebec" of "Quebec City"). */
    private boolean aliasOf(String form, KnowledgeBase.Entry entry) {
        List<KnowledgeBase.Entry> entries = candidates(form);
        return entries != null && entries.contains(entry);
    }

    /** A one-word place the article names (not in the knowledge base) as the first word of an organisation's name. */
    private static void placeAtStart(FoundName outer, Set<String> places, List<FoundName> nested) {
        String first = outer.text.substring(0, outer.text.indexOf(' '));
        if (places.contains(first)) {
            int end = outer.start + first.length();
            nested.add(new FoundName(outer.start, end, first, EntityType.LOCATION, outer.margin));
        }
    }

    private static final Set<String> LINKING_WORDS = Set.of("of", "the", "for", "and", "in",
            "at", "on", "de", "du", "des", "la", "le", "del", "von", "van", "&");

    /** Whether a name starting at {@code at} inside {@code outer} is a name in its own right (see above). */
    private static boolean standsAlone(String outer, int at) {
        if (at == 0) {
            return true;
        }
        String before = outer.substring(0, at).stripTrailing();
        if (before.endsWith(",") || before.endsWith("(")) {
            return true;
        }
        String word = before.substring(before.lastIndexOf(' ') + 1);
        return LINKING_WORDS.contains(NameRules.lower(word)) || word.chars().noneMatch(Character::isLetter)
                || NameRules.isOrdinal(word);
    }

    private KnowledgeBase.Entry firstEntry(String form) {
        List<KnowledgeBase.Entry> entries = byForm.get(form);
        return entries == null ? null : entries.get(0);
    }

    /**
     * The names the knowledge base holds that the tagger missed or cut short: products and events (thin in the
     * training data), organisations and people (curated lists without ordinary words: "Wikipedia" in "wiki after
     * Wikipedia"). A known name of two words or more replaces the found names that lie inside it ("Space" in
     * "Space Shuttle Discovery"); one that crosses a found name's edge is left out. Not places (GeoNames holds
     * towns called Mobile, Reading and Bath), but for a known place's name without a comma that the tagger found
     * as two places or more ("Trinidad | and | Tobago"). A mention never starts with an article: "The Onion" is the
     * mention "Onion", linked after "The" ({@link #link(FoundName, String)}), and a person's mention never starts
     * with a title the knowledge base lists with the name: "President Obama" is the mention "Obama" when "Obama" is
     * a name the knowledge base knows too; "Lady Gaga" stays whole. A one-word name that goes on into a longer
     * name no one found is not added ({@link #beginsLongerName}: "Congress" of "Congress of Racial Equality").
     */
    void addKnownNames(String body, List<TermMatcher.Match<Known>> known, List<FoundName> found) {
        List<FoundName> added = new ArrayList<>();
        // the found names by start, to look at only those near each known name: texts of any length stay linear
        List<FoundName> byStart = new ArrayList<>(found);
        byStart.sort(Comparator.comparingInt(f -> f.start));
        int longest = byStart.stream().mapToInt(f -> f.end - f.start).max().orElse(0);
        Set<FoundName> replaced = Collections.newSetFromMap(new IdentityHashMap<>());
        for (TermMatcher.Match<Known> match : known) {
            EntityType type = match.value().first().type();
            if (type == EntityType.OTHER) {
                continue;
            }
            int start = body.startsWith("The ", match.start()) ? match.start() + 4 : match.start();
            int end = match.end();
            int title = type == EntityType.PERSON ? NameRules.titleLength(body.substring(start, end)) : 0;
            if (title > 0 && knows(body.substring(start + title, end))) {
                start += title;
            }
            List<FoundName> inside = new ArrayList<>();
            boolean crossed = false;
            int from = firstStartingAt(byStart, start - longest);
            for (int k = from; k < byStart.size() && byStart.get(k).start < end; k++) {
                FoundName f = byStart.get(k);
                if (!replaced.contains(f) && start < f.end) {
                    if (start <= f.start && f.end <= end && f.end - f.start < end - start) {
                        inside.add(f);
                    } else {
                        crossed = true;
                    }
                }
            }
            boolean oneWord = body.substring(start, end).indexOf(' ') < 0;
            if (crossed || type == EntityType.LOCATION && !placeTheTaggerCut(body, start, end, inside)
                    || !inside.isEmpty() && oneWord
                    || inside.isEmpty() && oneWord
                    && (type == EntityType.ORGANIZATION || type == EntityType.PERSON) && beginsLongerName(body, end)) {
                continue;
            }
            replaced.addAll(inside);
            added.add(new FoundName(start, end, body.substring(start, end), type, 1.0));
        }
        found.removeIf(replaced::contains);
        found.addAll(added);
    }

    /**
     * Whether the places found inside a known place's name with no comma in it are that place as the tagger cut it:
     * split into places ("Trinidad | and | Tobago"; "Irving, Texas" stays two), or one place cut short by capitalised
     * words it left out ("Lower | Saxony", "New South Wales" found as "South Wales": every word of the known name
     * capitalised).
     */
    private static boolean placeTheTaggerCut(String body, int start, int end, List<FoundName> inside) {
        if (inside.isEmpty() || body.lastIndexOf(',', end - 1) >= start
                || inside.stream().anyMatch(f -> f.type != EntityType.LOCATION)) {
            return false;
        }
        if (inside.size() >= 2) {
            return true;
        }
        for (int word = start; word < end; word = body.indexOf(' ', word) < 0 ? end : body.indexOf(' ', word) + 1) {
            if (!Character.isUpperCase(body.charAt(word))) {
                return false;
            }
        }
        return true;
    }

    /** The index of the first of {@code byStart} (sorted by start) that starts at {@code at} or after. */
    private static int firstStartingAt(List<FoundName> byStart, int at) {
        int low = 0;
        int high = byStart.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (byStart.get(mid).start < at) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * Whether a one-word name ending at {@code end} goes on into a longer name no one found: "of" and a
     * capitalised word or "the" follow it ("Congress of Racial Equality", "Congress of the Philippines").
     */
    private static boolean beginsLongerName(String body, int end) {
        return body.startsWith(" of ", end) && (body.startsWith("the ", end + 4)
                || end + 4 < body.length() && Character.isUpperCase(body.charAt(end + 4)));
    }

    /**
     * Links a mention to the knowledge base by its text: an entry of the type the tagger gave wins; else the
     * first (most prominent) entry, whose type then replaces the tagger's — a curated entry knows "OpenAI" is an
     * organisation better than the tagger does. One exception: a place the tagger calls an organisation stays
     * an unlinked organisation ("Sweden beat England": the teams, not the countries).
     */
    void link(FoundName mention) {
        link(mention, candidates(mention.text));
    }

    /**
     * Links a mention as {@link #link(FoundName)} does; a name after "The" or "the" is also looked for with its
     * article, which the knowledge base keeps where the rest is a word ("The Verge", "The Onion") while the
     * mention never includes it ({@link NameRules#stripArticles}).
     */
    void link(FoundName mention, String body) {
        link(mention, candidates(mention, body));
    }

    /** The entries a mention names, by its text or, after "The"/"the", by its text with the article. */
    private List<KnowledgeBase.Entry> candidates(FoundName mention, String body) {
        List<KnowledgeBase.Entry> candidates = candidates(mention.text);
        return candidates == null && afterArticle(body, mention.start) ? byForm.get("The " + mention.text) : candidates;
    }

    private static boolean afterArticle(String body, int start) {
        return start >= 4 && body.charAt(start - 1) == ' ' && body.regionMatches(true, start - 4, "the", 0, 3)
                && (start == 4 || !Character.isLetterOrDigit(body.charAt(start - 5)));
    }

    private void link(FoundName mention, List<KnowledgeBase.Entry> candidates) {
        if (candidates == null) {
            return;
        }
        KnowledgeBase.Entry chosen = candidates.stream().filter(e -> e.type() == mention.type).findFirst()
                .orElse(candidates.get(0));
        if (chosen.type() == EntityType.LOCATION && mention.type == EntityType.ORGANIZATION) {
            return;
        }
        mention.entry = chosen;
        mention.ambiguous = candidates.size() > 1;
    }

    /** The entries a form names; "U.S" at the end of a sentence (its full stop taken for the sentence's) is "U.S.". */
    List<KnowledgeBase.Entry> candidates(String form) {
        List<KnowledgeBase.Entry> entries = byForm.get(form);
        return entries == null && form.indexOf('.') > 0 ? byForm.get(form + ".") : entries;
    }

    /**
     * A name several organisations, people, products or events share goes to the one the text also names by a
     * name of its own ("Labour Party" in a story that names "the Norwegian Labour Party" is that party; not for
     * places: "Quebec" beside "Quebec City" is still the province), else to the most prominent one
     * whose Wikipedia title's qualifier the text names, by name or by alias: "Democratic Party" in a story that
     * names Hong Kong is "Democratic Party (Hong Kong)", "Cambridge" near "Massachusetts" is "Cambridge,
     * Massachusetts". Without a clue the most prominent entry of the mention's type stays.
     */
    void disambiguate(String body, List<FoundName> found) {
        Set<KnowledgeBase.Entry> named = new HashSet<>();
        found.forEach(f -> named.add(f.entry));
        Map<String, Boolean> qualifiersNamed = new HashMap<>(); // each qualifier looked for once per text
        for (FoundName mention : found) {
            if (!mention.ambiguous || mention.entry == null) {
                continue;
            }
            List<KnowledgeBase.Entry> candidates = candidates(mention, body);
            if (candidates == null) {
                continue; // a model's name linked to its line's entry ("Galaxy S24"): the line's link stands
            }
            KnowledgeBase.Entry namedElsewhere = mention.entry.type() == EntityType.LOCATION ? null
                    : candidates.stream()
                            .filter(c -> c.type() == mention.entry.type() && namedByAnother(c, mention, found))
                            .findFirst().orElse(null);
            if (namedElsewhere != null) {
                mention.entry = namedElsewhere;
                continue;
            }
            for (KnowledgeBase.Entry candidate : candidates) {
                String qualifier = qualifier(candidate.wikipedia());
                if (candidate.type() == mention.entry.type() && qualifier != null
                        && qualifiersNamed.computeIfAbsent(qualifier, q -> isNamed(q, body, named))) {
                    mention.entry = candidate;
                    break;
                }
            }
        }
    }

    /** Whether a mention other than {@code mention}, by a name that only this entry has, names the entry. */
    private static boolean namedByAnother(KnowledgeBase.Entry entry, FoundName mention, List<FoundName> found) {
        for (FoundName other : found) {
            if (other != mention && other.entry == entry && !other.ambiguous) {
                return true;
            }
        }
        return false;
    }

    /** "Hong Kong" of "Democratic Party (Hong Kong)", "Tennessee" of "Memphis, Tennessee"; null for "(state)". */
    static String qualifier(String title) {
        if (title == null) {
            return null;
        }
        String qualifier = null;
        int open = title.lastIndexOf(" (");
        if (title.endsWith(")") && open > 0) {
            qualifier = title.substring(open + 2, title.length() - 1);
        } else if (title.lastIndexOf(", ") > 0) {
            qualifier = title.substring(title.lastIndexOf(", ") + 2);
        }
        return qualifier != null && !qualifier.isEmpty() && Character.isUpperCase(qualifier.charAt(0)) ? qualifier : null;
    }

    private boolean isNamed(String name, String body, Set<KnowledgeBase.Entry> named) {
        List<KnowledgeBase.Entry> entries = byForm.get(name);
        if (entries != null && entries.stream().anyMatch(named::contains)) {
            return true;
        }
        for (int at = body.indexOf(name); at >= 0; at = body.indexOf(name, at + 1)) {
            if (TermMatcher.isBoundary(body, at - 1) && TermMatcher.isBoundary(body, at + name.length())) {
                return true;
            }
        }
        return false;
    }
}
