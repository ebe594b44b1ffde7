package io.newsflow.processing.enrich;

import io.newsflow.processing.enrich.text.Tokens;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * In a sports story, a place that plays is its team: "Sweden beat England" names two teams, not two countries,
 * and "Edmonton now trails the series" the Edmonton Oilers.
 */
final class SportsTeams {

    private SportsTeams() {}

    /** A country's ISO 3166-1 code, or one of the UK's home nations (which field their own teams). */
    private static final Pattern NATION_CODE = Pattern.compile("iso3166:([A-Z]{2}|GB-(ENG|SCT|WLS|NIR))");

    private static final Set<String> MATCH_WORDS = Set.of("beat", "beats", "beaten", "defeated",
            "defeat", "drew", "draw", "won", "win", "wins", "lost", "lose", "loses", "scored", "score", "goal", "goals",
            "match", "qualifier", "final", "semi-final", "quarter-final", "squad", "team", "coach", "striker",
            "penalty", "penalties", "vs", "v", "champions", "tournament", "knockout", "equaliser", "equalizer",
            "midfielder", "defender", "goalkeeper", "captain", "fans", "kick-off", "half-time", "stoppage", "series");

    /** Words that name a sport, each with the one Wikipedia names its national teams by. */
    private static final Map<String, String> SPORTS = Map.ofEntries(Map.entry("football", "football"),
            Map.entry("soccer", "football"), Map.entry("FIFA", "football"), Map.entry("UEFA", "football"),
            Map.entry("basketball", "basketball"), Map.entry("FIBA", "basketball"), Map.entry("cricket", "cricket"),
            Map.entry("rugby", "rugby union"), Map.entry("hockey", "ice hockey"), Map.entry("volleyball", "volleyball"),
            Map.entry("handball", "handball"));

    /**
     * In a sports story, a nation is its team where the tagger calls it an organisation or it stands in a
     * sentence about play, and then wherever else the story names it; never after "in" or "at", which name the
     * place ("the match in Qatar"); a nation's possessive before a person's name is the person's nationality
     * ("Norway's Johannes Klæbo won the skiathlon") unless the story fields the nation as a team elsewhere ("Korea's
     * Kim Shin-Wook was shown a yellow card"), and so is "of" and a nation after a person's name ("Mulugeta Asefa
     * Dinku of Ethiopia won the Seoul Marathon"). A team is an organisation, "Sweden national football team" on
     * Wikipedia when the story names its sport (the first sport word in the text).
     */
    static void nationsAsTeams(String body, Tokens tokens, List<FoundName> found, Linker linker) {
        String sport = null;
        for (int t = 0; t < tokens.size() && sport == null; t++) {
            String word = tokens.string(t);
            sport = SPORTS.getOrDefault(word, SPORTS.get(NameRules.lower(word)));
        }
        Set<KnowledgeBase.Entry> teams = new HashSet<>();
        for (FoundName f : found) {
            KnowledgeBase.Entry nation = nationNamed(f, linker);
            if (nation != null && !NameRules.afterPlaceWord(body, f.start) && !beforePersonsName(body, f, found)
                    && !afterPersonsName(body, f, found) && (f.entry == null || inSentenceAboutPlay(tokens, f))) {
                asTeam(f, nation, sport);
                teams.add(nation);
            }
        }
        for (FoundName f : found) {
            if (NameRules.afterPlaceWord(body, f.start)) {
                continue;
            }
            KnowledgeBase.Entry team = f.entry != null && teams.contains(f.entry) ? f.entry : shortFormOf(f, teams);
            if (team != null) {
                asTeam(f, team, sport);
            }
        }
    }

    /** "Norway's | Johannes Klæbo": a nation's possessive right before a person's name. */
    private static boolean beforePersonsName(String body, FoundName f, List<FoundName> found) {
        if (!body.startsWith("'s ", f.end) && !body.startsWith("\u2019s ", f.end)) {
            return false;
        }
        return found.stream().anyMatch(g -> g.start == f.end + 3 && g.type == EntityType.PERSON);
    }

    /** "Mulugeta Asefa Dinku of | Ethiopia": a nation after "of" right after a person's name. */
    private static boolean afterPersonsName(String body, FoundName f, List<FoundName> found) {
        return f.start >= 5 && body.startsWith(" of ", f.start - 4)
                && found.stream().anyMatch(g -> g.end == f.start - 4 && g.type == EntityType.PERSON);
    }

    /**
     * The one team whose nation's name ends in this place's name ("Korea" of "South Korea": "Korea substituted
     * Park"); null if none or more than one does.
     */
    private static KnowledgeBase.Entry shortFormOf(FoundName f, Set<KnowledgeBase.Entry> teams) {
        if (f.type != EntityType.LOCATION) {
            return null;
        }
        List<KnowledgeBase.Entry> longer = teams.stream().filter(t -> t.name().endsWith(" " + f.text)).toList();
        return longer.size() == 1 ? longer.get(0) : null;
    }

    /**
     * A place whose name is part of one club's name the story gives ("Edmonton" of "Edmonton Oilers", "Miami" of
     * "Inter Miami") names the club where the story names it alone in a sentence about play ("Edmonton now trails
     * the series"), unless a preposition makes it the place ("in Miami", "moved to Edmonton") or a capitalised word
     * follows it (another name): an organisation, linked as the club is. A club is an organisation whose name has no
     * word of an institution's ("University of Toronto"); the place, one the knowledge base holds, named in a
     * sentence with a word of play ("Las Vegas never had a professional sports champion" names the city).
     */
    static void placesAsClubs(String body, Tokens tokens, List<FoundName> found) {
        List<FoundName> clubs = found.stream().filter(f -> f.type == EntityType.ORGANIZATION && f.text.indexOf(' ') > 0
                && !NameRules.namesAnOrganisation(f.text)).toList();
        if (clubs.isEmpty()) {
            return;
        }
        for (int i = 0; i < found.size(); i++) {
            FoundName f = found.get(i);
            if (f.type != EntityType.LOCATION || f.entry == null || NameRules.capitalisedWordAt(body, f.end)
                    || afterPreposition(body, f.start) || insideAnother(f, found) || !inSentenceAboutPlay(tokens, f)) {
                continue;
            }
            List<FoundName> named = clubs.stream().filter(c -> hasWords(c.text, f.text)).toList();
            if (!named.isEmpty() && named.stream().allMatch(c -> c.text.equals(named.get(0).text))) {
                FoundName club = named.get(0);
                f.type = EntityType.ORGANIZATION;
                f.entry = club.entry;
                f.title = club.title;
            }
        }
    }

    private static boolean insideAnother(FoundName f, List<FoundName> found) {
        return found.stream().anyMatch(g -> g != f && g.start <= f.start && f.end <= g.end);
    }

    /** Whether {@code words} stand in {@code name} as whole words and are not all of it. */
    private static boolean hasWords(String name, String words) {
        int at = name.indexOf(words);
        return name.length() > words.length() && at >= 0 && (at == 0 || name.charAt(at - 1) == ' ')
                && (at + words.length() == name.length() || name.charAt(at + words.length()) == ' ');
    }

    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "at", "to", "from", "of", "near", "across",
            "around", "outside", "into", "through", "In", "At", "From");

    private static boolean afterPreposition(String body, int start) {
        int word = NameRules.wordBefore(body, start);
        return word >= 0 && PLACE_PREPOSITIONS.contains(body.substring(word, start - 1));
    }

    /** The nation a mention names: its linked entry, or for an unlinked organisation, the nation of its name. */
    private static KnowledgeBase.Entry nationNamed(FoundName f, Linker linker) {
        if (f.entry != null) {
            return f.entry.type() == EntityType.LOCATION && isNation(f.entry) ? f.entry : null;
        }
        List<KnowledgeBase.Entry> entries = f.type == EntityType.ORGANIZATION ? linker.candidates(f.text) : null;
        return entries == null ? null : entries.stream()
                .filter(e -> e.type() == EntityType.LOCATION && isNation(e)).findFirst().orElse(null);
    }

    private static void asTeam(FoundName f, KnowledgeBase.Entry nation, String sport) {
        f.title = sport == null ? null : nation.name() + " national " + sport + " team";
        f.entry = null;
        f.type = EntityType.ORGANIZATION;
    }

    private static boolean inSentenceAboutPlay(Tokens tokens, FoundName f) {
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
            if (MATCH_WORDS.contains(NameRules.lower(tokens.string(t)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNation(KnowledgeBase.Entry entry) {
        Stream<String> ids = Stream.concat(Stream.of(entry.id()),
                entry.extraIds().stream());
        return ids.anyMatch(id -> id != null && NATION_CODE.matcher(id).matches());
    }
}
