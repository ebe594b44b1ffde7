package io.newsflow.processing.enrich;

import io.newsflow.processing.enrich.ner.Gazetteer;
import io.newsflow.processing.enrich.ner.NerModel;
import io.newsflow.processing.enrich.ner.NerTagger;
import io.newsflow.processing.enrich.ner.WordClusters;
import io.newsflow.processing.enrich.text.Tokenizer;
import io.newsflow.processing.enrich.text.Tokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the entities of a text and what they are: a trained tagger ({@link NerTagger}) finds names, including
 * names no list knows; the knowledge base links them to canonical entities (ids, Wikipedia titles) and adds
 * the products and events it knows that the tagger missed; mentions of one entity are grouped ("Musk" after
 * "Elon Musk", "UNC" after "University of North Carolina", the same name twice). Salience grows with the
 * number of mentions, an early first mention and a mention in the title; the saliences of a text sum to 1.
 * Not thread-safe: one instance per thread.
 */
public final class EntityTagger {

    private static final double CONFIDENCE_LINKED = 0.9;
    private static final double CONFIDENCE_AMBIGUOUS = 0.7;

    private final Tokenizer tokenizer = new Tokenizer();
    private final NerTagger tagger;
    /** Every name and alias of the knowledge base: one scan per text serves the tagger's marks and the linker. */
    private final TermMatcher<Known> matcher;
    private final Map<String, List<KnowledgeBase.Entry>> byForm = new HashMap<>();
    private final java.util.Set<String> demonyms = Demonyms.loadDefault();

    public EntityTagger(KnowledgeBase kb, NerModel model, WordClusters clusters) {
        this.tagger = new NerTagger(model, clusters);
        for (KnowledgeBase.Entry entry : kb.entries()) {
            add(entry.name(), entry);
            entry.aliases().forEach(alias -> add(alias, entry));
        }
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
    private record Known(KnowledgeBase.Entry first, int types) {}

    /** A mention on its way to an entity. */
    private static final class Found {
        final int start;
        final int end;
        final String text;
        EntityType type;
        final double margin;
        KnowledgeBase.Entry entry;
        boolean ambiguous;
        Group group;
        /** The Wikipedia title of an entity the knowledge base does not hold but a rule knows ("… national football team"). */
        String title;

        Found(int start, int end, String text, EntityType type, double margin) {
            this.start = start;
            this.end = end;
            this.text = text;
            this.type = type;
            this.margin = margin;
        }
    }

    /** The mentions of one entity. */
    private static final class Group {
        final List<Found> mentions = new ArrayList<>();
        KnowledgeBase.Entry entry;
        Found longest;
    }

    public List<Enrichment.Entity> tag(String title, String body) {
        return tag(title, body, false);
    }

    /**
     * @param sportsStory the text is about sport: a nation named in a sentence about a match is its team
     *     ("Belgium beat Panama 3-0"), an organisation, not the place
     */
    public List<Enrichment.Entity> tag(String title, String body, boolean sportsStory) {
        Tokens tokens = tokenizer.tokenize(body);
        List<TermMatcher.Match<Known>> known = matcher.find(body);
        List<Found> found = new ArrayList<>();
        for (NerTagger.Span span : tagger.tag(tokens, Gazetteer.mark(tokens, known, Known::types))) {
            if (span.type() != EntityType.OTHER) {
                found.add(new Found(span.start(), span.end(), body.substring(span.start(), span.end()), span.type(),
                        span.margin()));
            }
        }
        trimDateWords(found, body);
        stripArticles(found, body);
        joinAdjacent(body, found);
        found.removeIf(f -> !plausible(f) || demonyms.contains(f.text));
        addParentheticalAcronyms(body, found);
        addRepeatedNames(body, found);
        namedStorms(body, found);
        addKnownProductsAndEvents(body, known, found);
        found.forEach(this::link);
        addNestedNames(body, found);
        found.sort(Comparator.comparingInt(f -> f.start));
        found.forEach(f -> {
            if (f.entry == null) {
                link(f);
            }
        });
        disambiguate(body, found);
        if (sportsStory) {
            nationsAsTeams(body, tokens, found);
        }
        List<Group> groups = group(body, found);
        return entities(title, body.length(), groups);
    }

    /**
     * Only the names the knowledge base knows, linked — for text in a language the tagger was not trained on,
     * where a capitalised word says little (German capitalises every noun) but "Berlin" is still Berlin.
     */
    public List<Enrichment.Entity> tagKnown(String title, String body) {
        List<Found> found = new ArrayList<>();
        for (TermMatcher.Match<Known> match : matcher.find(body)) {
            Found f = new Found(match.start(), match.end(), body.substring(match.start(), match.end()),
                    match.value().first().type(), 1.0);
            link(f);
            found.add(f);
        }
        return entities(title, body.length(), group(body, found));
    }

    private static final java.util.Set<String> DATE_WORDS = java.util.Set.of("Monday", "Tuesday", "Wednesday",
            "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");

    /** "Wikinews Saturday", "Magicians Wednesday": a trailing day or month name is not part of a name. */
    private static void trimDateWords(List<Found> found, String body) {
        for (int i = 0; i < found.size(); i++) {
            Found f = found.get(i);
            int space = f.text.lastIndexOf(' ');
            if (space > 0 && DATE_WORDS.contains(f.text.substring(space + 1))) {
                int end = f.start + space;
                found.set(i, new Found(f.start, end, body.substring(f.start, end), f.type, f.margin));
            }
        }
    }

    /**
     * Two names the tagger found side by side, one space apart, are one name where the tagger broke it at a
     * word it knows from elsewhere ("Sydney | Morning Herald", "New | Zealand", "Sea | Org"); the last part
     * gives the type (English names end in their head). Not joined: two names the knowledge base knows each
     * ("US | National Park Service") and a full name of a person next to another name (a photo credit, "NASA |
     * Bill Ingalls"). A title before a name is no name of its own ("President | Obama" is Obama).
     */
    private void joinAdjacent(String body, List<Found> found) {
        found.sort(Comparator.comparingInt(f -> f.start));
        for (int i = found.size() - 2; i >= 0; i--) {
            Found left = found.get(i);
            Found right = found.get(i + 1);
            if (right.start != left.end + 1 || body.charAt(left.end) != ' ') {
                continue;
            }
            if (TITLES.contains(left.text)) {
                found.remove(i);
                continue;
            }
            if (isFullName(left) || isFullName(right)
                    || (candidates(left.text) != null && candidates(right.text) != null)) {
                continue;
            }
            found.set(i, new Found(left.start, right.end, body.substring(left.start, right.end), right.type,
                    Math.min(left.margin, right.margin)));
            found.remove(i + 1);
        }
    }

    private static final java.util.Set<String> TITLES = java.util.Set.of("President", "Vice President", "Senator",
            "Governor", "Mayor", "Minister", "Prime Minister", "Chancellor", "Secretary", "Judge", "Justice", "General",
            "Colonel", "Captain", "Professor", "Dr.", "Sir", "Dame", "Lord", "Lady", "Pope", "Bishop", "Rep.", "Sen.",
            "Gov.", "Gen.", "Prof.");

    private static boolean isFullName(Found f) {
        return f.type == EntityType.PERSON && f.text.indexOf(' ') > 0;
    }

    private static final java.util.regex.Pattern STORM = java.util.regex.Pattern.compile(
            "\\b(?:Hurricane|Typhoon|Cyclone|Tropical Storm|Superstorm|Super Typhoon|Storm) (\\p{Lu}\\p{L}+)\\b");

    /**
     * "Cyclone Phailin", "Hurricane Katrina": a name after a storm word is a storm, an event, named with the
     * word, whatever the tagger made of it; the name alone elsewhere in the text is the same storm.
     */
    private static void namedStorms(String body, List<Found> found) {
        if (!body.contains("Storm") && !body.contains("Hurricane") && !body.contains("Typhoon")
                && !body.contains("Cyclone")) {
            return;
        }
        java.util.Set<String> storms = new java.util.HashSet<>();
        java.util.regex.Matcher storm = STORM.matcher(body);
        while (storm.find()) {
            int start = storm.start();
            int end = storm.end();
            found.removeIf(f -> f.start < end && start < f.end);
            found.add(new Found(start, end, storm.group(), EntityType.EVENT, 1.0));
            storms.add(storm.group(1));
        }
        found.forEach(f -> {
            if (storms.contains(f.text)) {
                f.type = EntityType.EVENT;
            }
        });
    }

    /**
     * Names the tagger found once are names wherever they recur in the text ("Rick Santorum" … "Santorum"): each
     * name of two or more words, and the last word of each person's name, is looked for again; occurrences the
     * tagger missed become mentions of the same type. Single words are not spread: one wrong guess would
     * spread over the whole text.
     */
    private static void addRepeatedNames(String body, List<Found> found) {
        Map<String, Found> names = new LinkedHashMap<>();
        for (Found f : found) {
            int space = f.text.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            names.putIfAbsent(f.text, f);
            String last = f.text.substring(space + 1);
            if (f.type == EntityType.PERSON && last.length() > 2 && Character.isUpperCase(last.charAt(0))
                    && !body.contains(" " + lower(last) + " ")) {
                names.putIfAbsent(last, f);
            }
        }
        if (names.isEmpty()) {
            return;
        }
        boolean[] covered = new boolean[body.length() + 1];
        found.forEach(f -> java.util.Arrays.fill(covered, f.start, f.end, true));
        List<Found> added = new ArrayList<>();
        names.forEach((name, source) -> {
            for (int at = body.indexOf(name); at >= 0; at = body.indexOf(name, at + name.length())) {
                int end = at + name.length();
                if (!covered[at] && !covered[end - 1] && TermMatcher.isBoundary(body, at - 1)
                        && TermMatcher.isBoundary(body, end)) {
                    java.util.Arrays.fill(covered, at, end, true);
                    added.add(new Found(at, end, name, source.type, source.margin / 2));
                }
            }
        });
        found.addAll(added);
    }

    /** Words the tagger sometimes takes for a name on its own: never a name alone. */
    private static final java.util.Set<String> NEVER_ALONE = java.util.Set.of("I", "A", "The", "An", "It", "We", "He",
            "She", "They", "You", "This", "That", "In", "On", "At", "Of", "And", "But", "Or", "If", "So", "As", "By",
            "For", "To", "My", "Our", "Mr", "Mrs", "Ms", "Dr", "Image", "Photo", "Party");

    /** A name has two characters or more, a capital letter or a digit ("iPhone", "3M", not "santorum"). */
    private static boolean plausible(Found f) {
        return f.end - f.start > 1 && !NEVER_ALONE.contains(f.text)
                && f.text.chars().anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
    }

    /**
     * "the Democratic Alliance for the Betterment of Hong Kong (DAB)": an acronym in brackets right after a name
     * names the same entity, here and wherever it recurs.
     */
    private static void addParentheticalAcronyms(String body, List<Found> found) {
        List<Found> added = new ArrayList<>();
        for (Found f : found) {
            int open = f.end;
            while (open < body.length() && body.charAt(open) == ' ') {
                open++;
            }
            if (open >= body.length() || body.charAt(open) != '(') {
                continue;
            }
            int close = body.indexOf(')', open);
            if (close < 0 || close - open - 1 < 2 || close - open - 1 > 8) {
                continue;
            }
            String acronym = body.substring(open + 1, close);
            if (!acronym.chars().allMatch(c -> Character.isUpperCase(c) || c == '.' || c == '&')) {
                continue;
            }
            for (int at = body.indexOf(acronym); at >= 0; at = body.indexOf(acronym, at + acronym.length())) {
                int end = at + acronym.length();
                int start = at;
                if (TermMatcher.isBoundary(body, at - 1) && TermMatcher.isBoundary(body, end)
                        && found.stream().noneMatch(g -> g.start < end && start < g.end)
                        && added.stream().noneMatch(g -> g.start == start)) {
                    added.add(new Found(at, end, acronym, f.type, f.margin));
                }
            }
        }
        found.addAll(added);
    }

    private static final java.util.Set<String> MATCH_WORDS = java.util.Set.of("beat", "beats", "beaten", "defeated",
            "defeat", "drew", "draw", "won", "win", "wins", "lost", "lose", "loses", "scored", "score", "goal", "goals",
            "match", "qualifier", "final", "semi-final", "quarter-final", "squad", "team", "coach", "striker",
            "penalty", "penalties", "vs", "v", "champions", "tournament", "knockout", "equaliser", "equalizer",
            "midfielder", "defender", "goalkeeper", "captain", "fans", "kick-off", "half-time", "stoppage");

    /** Words that name a sport, each with the one Wikipedia names its national teams by. */
    private static final Map<String, String> SPORTS = Map.ofEntries(Map.entry("football", "football"),
            Map.entry("soccer", "football"), Map.entry("FIFA", "football"), Map.entry("UEFA", "football"),
            Map.entry("basketball", "basketball"), Map.entry("FIBA", "basketball"), Map.entry("cricket", "cricket"),
            Map.entry("rugby", "rugby union"), Map.entry("hockey", "ice hockey"), Map.entry("volleyball", "volleyball"),
            Map.entry("handball", "handball"));

    /**
     * In a sports story, a nation is its team where the tagger calls it an organisation or it stands in a
     * sentence about play, and then wherever else the story names it, except after "in" or "at" (the place):
     * an organisation, "Sweden national football team" on Wikipedia when the story names its sport (the first
     * sport word in the text).
     */
    private void nationsAsTeams(String body, Tokens tokens, List<Found> found) {
        String sport = null;
        for (int t = 0; t < tokens.size() && sport == null; t++) {
            String word = tokens.string(t);
            sport = SPORTS.getOrDefault(word, SPORTS.get(lower(word)));
        }
        java.util.Set<KnowledgeBase.Entry> teams = new java.util.HashSet<>();
        for (Found f : found) {
            KnowledgeBase.Entry nation = nationNamed(f);
            if (nation != null && (f.entry == null || inSentenceAboutPlay(tokens, f))) {
                asTeam(f, nation, sport);
                teams.add(nation);
            }
        }
        for (Found f : found) {
            if (f.entry != null && teams.contains(f.entry) && !afterPlaceWord(body, f.start)) {
                asTeam(f, f.entry, sport);
            }
        }
    }

    /** The nation a mention names: its linked entry, or for an unlinked organisation, the nation of its name. */
    private KnowledgeBase.Entry nationNamed(Found f) {
        if (f.entry != null) {
            return f.entry.type() == EntityType.LOCATION && isNation(f.entry) ? f.entry : null;
        }
        List<KnowledgeBase.Entry> entries = f.type == EntityType.ORGANIZATION ? candidates(f.text) : null;
        return entries == null ? null : entries.stream()
                .filter(e -> e.type() == EntityType.LOCATION && isNation(e)).findFirst().orElse(null);
    }

    private static void asTeam(Found f, KnowledgeBase.Entry nation, String sport) {
        f.title = sport == null ? null : nation.name() + " national " + sport + " team";
        f.entry = null;
        f.type = EntityType.ORGANIZATION;
    }

    private static boolean inSentenceAboutPlay(Tokens tokens, Found f) {
        int token = 0;
        while (token < tokens.size() && tokens.end(token) <= f.start) {
            token++;
        }
        int first = token;
        while (first > 0 && !tokens.sentenceStart(first)) {
            first--;
        }
        int last = token;
        while (last + 1 < tokens.size() && !tokens.sentenceStart(last + 1)) {
            last++;
        }
        for (int t = first; t <= last; t++) {
            if (MATCH_WORDS.contains(lower(tokens.string(t)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean afterPlaceWord(String body, int start) {
        String before = body.substring(Math.max(0, start - 4), start);
        return before.endsWith(" in ") || before.endsWith(" at ") || before.endsWith("In ") || before.endsWith("At ");
    }

    private static boolean isNation(KnowledgeBase.Entry entry) {
        java.util.stream.Stream<String> ids = java.util.stream.Stream.concat(java.util.stream.Stream.of(entry.id()),
                entry.extraIds().stream());
        return ids.anyMatch(id -> id != null && id.matches("iso3166:([A-Z]{2}|GB-(ENG|SCT|WLS|NIR))"));
    }

    /** "The Onion", "the Taliban": the article is not part of the name. */
    private static void stripArticles(List<Found> found, String body) {
        for (int i = 0; i < found.size(); i++) {
            Found f = found.get(i);
            if ((f.text.startsWith("The ") || f.text.startsWith("the ")) && f.text.length() > 4) {
                found.set(i, new Found(f.start + 4, f.end, body.substring(f.start + 4, f.end), f.type, f.margin));
            }
        }
    }

    /**
     * Names inside longer names are entities too: "Helsinki" in "University of Helsinki", "Google" in "Google
     * Science Fair". Known people, organisations and places inside a found name become mentions of their own —
     * the longest ones, left to right ("New York" in "New York Times", not also "York"), and never the entity
     * the whole name already is ("Musk" in "Elon Musk"). An inner name stands at the start of the outer one,
     * after a word such as "of" ("University of Helsinki") or after a number ("2013 Virginia election"); a name
     * after another capitalised word is a part of the name, not a name of its own ("York" in "New York").
     */
    private void addNestedNames(String body, List<Found> found) {
        List<Found> nested = new ArrayList<>();
        for (Found outer : found) {
            if (outer.text.indexOf(' ') < 0) {
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
                        || !(type == EntityType.PERSON || type == EntityType.ORGANIZATION || type == EntityType.LOCATION)
                        || !standsAlone(outer.text, match.start())) {
                    continue;
                }
                covered = match.end();
                int start = outer.start + match.start();
                int end = outer.start + match.end();
                nested.add(new Found(start, end, body.substring(start, end), type, outer.margin));
            }
        }
        found.addAll(nested);
    }

    private static final java.util.Set<String> LINKING_WORDS = java.util.Set.of("of", "the", "for", "and", "in",
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
        return LINKING_WORDS.contains(lower(word)) || word.chars().noneMatch(Character::isLetter);
    }

    private KnowledgeBase.Entry firstEntry(String form) {
        List<KnowledgeBase.Entry> entries = byForm.get(form);
        return entries == null ? null : entries.get(0);
    }

    /** Products and events are thin in the training data: take those the knowledge base knows by name. */
    private static void addKnownProductsAndEvents(String body, List<TermMatcher.Match<Known>> known, List<Found> found) {
        for (TermMatcher.Match<Known> match : known) {
            EntityType type = match.value().first().type();
            if ((type == EntityType.PRODUCT || type == EntityType.EVENT)
                    && found.stream().noneMatch(f -> f.start < match.end() && match.start() < f.end)) {
                found.add(new Found(match.start(), match.end(), body.substring(match.start(), match.end()), type, 1.0));
            }
        }
    }

    /**
     * Links a mention to the knowledge base by its text: an entry of the type the tagger gave wins; else the
     * first (most prominent) entry, whose type then replaces the tagger's — a curated entry knows "OpenAI" is an
     * organisation better than the tagger does. One exception: a place the tagger calls an organisation stays
     * an unlinked organisation ("Sweden beat England": the teams, not the countries).
     */
    private void link(Found mention) {
        List<KnowledgeBase.Entry> candidates = candidates(mention.text);
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
    private List<KnowledgeBase.Entry> candidates(String form) {
        List<KnowledgeBase.Entry> entries = byForm.get(form);
        return entries == null && form.indexOf('.') > 0 ? byForm.get(form + ".") : entries;
    }

    /**
     * A name several entries share goes to the most prominent one whose Wikipedia title's qualifier the text
     * names, by name or by alias: "Democratic Party" in a story that names Hong Kong is "Democratic Party (Hong
     * Kong)", "Cambridge" near "Massachusetts" is "Cambridge, Massachusetts". Without a clue the most prominent
     * entry of the mention's type stays.
     */
    private void disambiguate(String body, List<Found> found) {
        java.util.Set<KnowledgeBase.Entry> named = new java.util.HashSet<>();
        found.forEach(f -> named.add(f.entry));
        for (Found mention : found) {
            if (!mention.ambiguous || mention.entry == null) {
                continue;
            }
            for (KnowledgeBase.Entry candidate : candidates(mention.text)) {
                String qualifier = qualifier(candidate.wikipedia());
                if (candidate.type() == mention.entry.type() && qualifier != null && isNamed(qualifier, body, named)) {
                    mention.entry = candidate;
                    break;
                }
            }
        }
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

    private boolean isNamed(String name, String body, java.util.Set<KnowledgeBase.Entry> named) {
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

    /**
     * Groups the mentions of one entity: the same linked entry; the same type and text; a single word that is a
     * person's last name ("Santorum" with "Rick Santorum") or the first name of only one person in the text
     * ("Frank" with "Frank Messina"), wherever in the text the full name stands; the acronym of an organisation
     * or place ("KSC" with "Kennedy Space Center"). An unlinked short form takes the type of its full name,
     * whatever type the tagger gave it; so does a person's name the knowledge base knows as something else,
     * except after "in" or "at" ("Paris" after "Valeska Paris" is she; "in Paris" is the city).
     */
    private static List<Group> group(String body, List<Found> found) {
        Map<String, EntityType> shortForms = shortForms(found);
        List<Found> shortened = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        Map<Object, Group> byKey = new HashMap<>();
        Map<String, Group> byShortForm = new HashMap<>();
        for (Found mention : found) {
            EntityType full = mention.text.contains(" ") ? null : shortForms.get(mention.text);
            if (full != null && (mention.entry == null || mention.entry.type() == full
                    || (full == EntityType.PERSON && !afterPlaceWord(body, mention.start)))) {
                shortened.add(mention);
                continue;
            }
            Group group = mention.entry != null ? byKey.get(mention.entry) : byKey.get(key(mention));
            if (group == null) {
                group = new Group();
                groups.add(group);
            }
            join(group, mention);
            byKey.putIfAbsent(mention.entry != null ? mention.entry : key(mention), group);
            byKey.putIfAbsent(key(mention), group);
            for (String form : shortFormsOf(mention)) {
                byShortForm.putIfAbsent(form, group);
            }
        }
        for (Found mention : shortened) {
            Group group = byShortForm.get(mention.text);
            mention.entry = null;
            mention.type = group.mentions.get(0).type;
            join(group, mention);
        }
        groups.forEach(g -> g.mentions.sort(Comparator.comparingInt(m -> m.start)));
        return groups;
    }

    /** The short forms the text's multi-word names can take, each with the type of its name. */
    private static Map<String, EntityType> shortForms(List<Found> found) {
        Map<String, EntityType> forms = new HashMap<>();
        Map<String, java.util.Set<String>> firstNames = new HashMap<>();
        for (Found mention : found) {
            String first = firstName(mention);
            for (String form : shortFormsOf(mention)) {
                if (!form.equals(first)) {
                    forms.putIfAbsent(form, mention.type);
                }
            }
            if (first != null) {
                firstNames.computeIfAbsent(first, k -> new java.util.HashSet<>()).add(mention.text);
            }
        }
        firstNames.forEach((first, people) -> {
            if (people.size() == 1) {
                forms.putIfAbsent(first, EntityType.PERSON);
            }
        });
        return forms;
    }

    /** A person's last and first name; the acronym of three letters or more of another multi-word name. */
    private static List<String> shortFormsOf(Found mention) {
        if (!mention.text.contains(" ")) {
            return List.of();
        }
        if (mention.type == EntityType.PERSON) {
            String first = firstName(mention);
            return first == null ? List.of(lastWord(mention.text)) : List.of(lastWord(mention.text), first);
        }
        String acronym = acronym(mention.text);
        return acronym.length() >= 3 && mention.type != EntityType.PRODUCT ? List.of(acronym) : List.of();
    }

    /** "Frank" of "Frank Messina"; null for a one-word name or an initial ("J. Smith"). */
    private static String firstName(Found mention) {
        int space = mention.text.indexOf(' ');
        if (mention.type != EntityType.PERSON || space < 0) {
            return null;
        }
        String first = mention.text.substring(0, space);
        return first.length() > 2 && Character.isUpperCase(first.charAt(0)) && first.chars().allMatch(Character::isLetter)
                ? first : null;
    }

    private static void join(Group group, Found mention) {
        group.mentions.add(mention);
        mention.group = group;
        if (group.entry == null && mention.entry != null) {
            group.entry = mention.entry;
        }
        if (group.longest == null || mention.text.length() > group.longest.text.length()) {
            group.longest = mention;
        }
    }

    private static String lastWord(String name) {
        return name.substring(name.lastIndexOf(' ') + 1);
    }

    private static String key(Found mention) {
        return mention.type + "\u0000" + mention.text;
    }

    /** "University of North Carolina" -> "UNC": the capitals of its words. */
    private static String acronym(String name) {
        StringBuilder letters = new StringBuilder();
        for (String word : name.split("[ \\-]+")) {
            if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
                letters.append(word.charAt(0));
            }
        }
        return letters.toString();
    }

    private static List<Enrichment.Entity> entities(String title, int length, List<Group> groups) {
        double[] weights = new double[groups.size()];
        double total = 0;
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            String name = name(group);
            weights[g] = group.mentions.size()
                    + (length == 0 ? 0 : 1.0 - (double) group.mentions.get(0).start / length)
                    + (title != null && title.contains(name) ? 2.0 : 0.0);
            total += weights[g];
        }
        List<Enrichment.Entity> entities = new ArrayList<>(groups.size());
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            KnowledgeBase.Entry entry = group.entry;
            EntityType type = entry != null ? entry.type() : majorityType(group);
            List<Enrichment.Mention> mentions = group.mentions.stream()
                    .map(m -> new Enrichment.Mention(m.start, m.end, m.text)).toList();
            String wikipedia = entry == null ? title(group) : entry.wikipedia();
            entities.add(new Enrichment.Entity(name(group), type, entry == null ? null : entry.id(),
                    entry == null ? List.of() : entry.extraIds(), wikipedia, entry == null && wikipedia != null,
                    mentions, weights[g] / total, confidence(group)));
        }
        entities.sort(Comparator.comparingDouble(Enrichment.Entity::salience).reversed());
        return entities;
    }

    private static final java.util.regex.Pattern JOINED_INITIALS = java.util.regex.Pattern.compile(
            "\\b(\\p{Lu})\\.(?=(?:\\p{Lu}\\.)+ \\p{Lu}\\p{Ll})");

    /**
     * The English Wikipedia title an entity the knowledge base does not hold would most likely have: its name
     * as the article gives it in full, in Wikipedia's form (first letter capital, initials spaced: "O. J.
     * Simpson", but "D.C." stays). A guess, never checked against Wikipedia: such an entity has no {@code id}.
     */
    static String guessedTitle(String name) {
        String title = JOINED_INITIALS.matcher(name).replaceAll("$1. ");
        return title.isEmpty() ? title : title.substring(0, 1).toUpperCase(Locale.ROOT) + title.substring(1);
    }

    private static String title(Group group) {
        return group.mentions.stream().map(m -> m.title).filter(java.util.Objects::nonNull).findFirst()
                .orElseGet(() -> guessedTitle(name(group)));
    }

    private static String name(Group group) {
        return group.entry != null ? group.entry.name() : group.longest.text;
    }

    private static EntityType majorityType(Group group) {
        Map<EntityType, Integer> votes = new LinkedHashMap<>();
        group.mentions.forEach(m -> votes.merge(m.type, 1, Integer::sum));
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** Linked and unambiguous: high; otherwise the tagger's margin squashed into (0, 1). */
    private static double confidence(Group group) {
        if (group.entry != null) {
            return group.mentions.stream().anyMatch(m -> m.ambiguous) ? CONFIDENCE_AMBIGUOUS : CONFIDENCE_LINKED;
        }
        double margin = group.mentions.stream().mapToDouble(m -> m.margin).max().orElse(0);
        return Math.round(1000 * (1 - Math.exp(-Math.max(0, margin) / 5.0))) / 1000.0;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
