package io.newsflow.processing.enrich;

import io.newsflow.processing.enrich.text.Tokens;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** In a sports story, a nation that plays is its team: "Sweden beat England" names two teams, not two countries. */
final class NationalTeams {

    private NationalTeams() {}

    /** A country's ISO 3166-1 code, or one of the UK's home nations (which field their own teams). */
    private static final Pattern NATION_CODE = Pattern.compile("iso3166:([A-Z]{2}|GB-(ENG|SCT|WLS|NIR))");

    private static final Set<String> MATCH_WORDS = Set.of("beat", "beats", "beaten", "defeated",
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
     * sentence about play, and then wherever else the story names it; never after "in" or "at", which name the
     * place ("the match in Qatar"): an organisation, "Sweden national football team" on Wikipedia when the story
     * names its sport (the first sport word in the text).
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
            if (nation != null && !NameRules.afterPlaceWord(body, f.start)
                    && (f.entry == null || inSentenceAboutPlay(tokens, f))) {
                asTeam(f, nation, sport);
                teams.add(nation);
            }
        }
        for (FoundName f : found) {
            if (f.entry != null && teams.contains(f.entry) && !NameRules.afterPlaceWord(body, f.start)) {
                asTeam(f, f.entry, sport);
            }
        }
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
