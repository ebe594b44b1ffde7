package io.newsflow.processing.enrich;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Events' names as news writes them: storms after their word ("Hurricane Katrina"), tournaments, races, shows and
 * fairs after a place ("Tokyo Marathon", "Paris Motor Show"), and an event's year, number and edition ("CES 2026",
 * "COP 30", "the 97th Academy Awards"). {@link EntityTagger} runs them among {@link NameRules}.
 */
final class EventNames {

    private EventNames() {}

    /**
     * Last words that make a name an event's ("Google Science Fair", "Lantern Festival", "World Championship", "Miami
     * Open", "Abu Dhabi Grand Prix", "Davis Cup", "Dubai Airshow", "Venice Biennale"); not "Rally", which ends
     * parties' names as often as races' ("National Rally", "Popular Orthodox Rally").
     */
    private static final Set<String> EVENT_HEADS = Set.of("Fair", "Festival", "Expo", "Championship",
            "Championships", "Olympics", "Paralympics", "Marathon", "Tournament", "Open", "Prix", "Cup", "Airshow",
            "Biennale", "Biennial", "Triennale", "Triennial");

    /**
     * Whether a name ends as events' names do: in one of {@link #EVENT_HEADS} or {@link #EVENT_ENDINGS} ("Google
     * Science Fair", "Geneva International Motor Show"; not any "Show": "The Late Show").
     */
    static boolean endsLikeAnEvent(String name) {
        return EVENT_HEADS.contains(name.substring(name.lastIndexOf(' ') + 1)) || endsInEventWords(name);
    }

    private static final Pattern STORM = Pattern.compile(
            "\\b(?:Hurricane|Typhoon|Cyclone|Tropical Storm|Superstorm|Super Typhoon|Storm) (\\p{Lu}\\p{L}+)\\b");

    /**
     * "Cyclone Phailin", "Hurricane Katrina": a name after a storm word is a storm, an event, named with the
     * word, whatever the tagger made of it; the name alone elsewhere in the text is the same storm.
     */
    static void namedStorms(String body, List<FoundName> found) {
        // each of STORM's words is followed by a space; most texts have none, and the pattern is slow to rule out
        if (!body.contains("Storm ") && !body.contains("Superstorm ") && !body.contains("Hurricane ")
                && !body.contains("Typhoon ") && !body.contains("Cyclone ")) {
            return;
        }
        Set<String> storms = new HashSet<>();
        Matcher storm = STORM.matcher(body);
        while (storm.find()) {
            int start = storm.start();
            int end = storm.end();
            found.removeIf(f -> f.start < end && start < f.end);
            found.add(new FoundName(start, end, storm.group(), EntityType.EVENT, 1.0));
            storms.add(storm.group(1));
        }
        found.forEach(f -> {
            if (storms.contains(f.text)) {
                f.type = EntityType.EVENT;
            }
        });
    }

    /** First words of the names of plans and programmes with a year, not events ("Vision 2030", "Project 2025"). */
    private static final Set<String> PLAN_WORDS = Set.of("Vision", "Project", "Agenda", "Plan", "Strategy", "Budget",
            "Class", "Operation", "Horizon");

    /** Words that are no event's name before a year: seasons, fiscal periods, months ("Summer 2025", "Oct 2002"). */
    private static final Set<String> PERIOD_WORDS = Set.of("Spring", "Summer", "Autumn", "Fall", "Winter", "Fiscal",
            "Year", "Season", "Quarter", "Half", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
            "Nov", "Dec");

    /**
     * An event's year, number and edition are part of its name, as the corpora the tagger learns from mark them
     * ("CES 2026", "Expo 2010", "UEFA Euro 2008", "COP 30", "the 97th Academy Awards"). After an article or a
     * preposition ({@link #afterEventWord}), a place with a year names an event ("at the Beijing 2022 opening
     * ceremony", "tickets for Coachella 2026"), and after "at" so does a capitalised word no one found ("at Ignite
     * 2025"; not "at Summer 2025", and not after "for", where products stand too: "support for Office 2016"); so does
     * a name that the tagger ended with a year ("Gamescom 2025"). Not a product ("Windows 2000"), a plan ("Vision
     * 2030", "Project 2025"), a season ("Premier League 2024-25") or a date ("Cannes 2024/05/12").
     */
    static void eventYearsAndEditions(String body, List<FoundName> found) {
        for (int i = 0; i < found.size(); i++) {
            FoundName f = found.get(i);
            if (f.type == EntityType.PRODUCT || f.type == EntityType.PERSON) {
                continue;
            }
            int space = f.text.indexOf(' ');
            if (space > 0 && f.entry == null && yearAt(f.text, f.text.length() - 4)
                    && !PLAN_WORDS.contains(f.text.substring(0, space)) && !namesALaw(f.text)) {
                f.type = EntityType.EVENT;
            } else if (f.end + 1 < body.length() && body.charAt(f.end) == ' ') {
                int end = f.type == EntityType.EVENT ? editionEnd(body, f.end + 1) : -1;
                if (end < 0 && f.type == EntityType.LOCATION && yearAt(body, f.end + 1) && afterEventWord(body, f.start)) {
                    end = f.end + 5;
                }
                if (end > 0) {
                    FoundName event = f.spanning(f.start, end, body);
                    if (f.type != EntityType.EVENT) {
                        event.type = EntityType.EVENT;
                        event.entry = null;
                        event.ambiguous = false;
                    }
                    found.set(i, event);
                }
            }
            f = found.get(i);
            if (f.type == EntityType.EVENT) {
                int edition = editionStart(body, f.start);
                if (edition >= 0) {
                    found.set(i, f.spanning(edition, f.end, body));
                }
            }
        }
        addUnfoundEventYears(body, found);
    }

    /** Words that end the name of a law, a treaty or a report before its year ("Referendum Act 2015"). */
    private static final Pattern LAW = Pattern.compile(".* (?:Act|Law|Bill|Treaty|Agreement|Accord|Convention|Report"
            + "|Census|Review) (?:19|20)\\d\\d");

    private static boolean namesALaw(String name) {
        return LAW.matcher(name).matches();
    }

    /** "at Ignite 2025": a capitalised word no one found, with a year, after "at" (see above). */
    private static void addUnfoundEventYears(String body, List<FoundName> found) {
        for (String century : new String[] {" 20", " 19"}) {
            for (int at = body.indexOf(century); at > 0; at = body.indexOf(century, at + 1)) {
                int start = at;
                while (start > 0 && (Character.isLetter(body.charAt(start - 1)) || body.charAt(start - 1) == '/')) {
                    start--;
                }
                int from = start;
                int end = at + 5;
                if (start == at || !Character.isUpperCase(body.charAt(start)) || !yearAt(body, at + 1)
                        || !(body.startsWith(" at ", start - 4) || body.startsWith("At ", start - 3))
                        || !functionWordOrNoneAt(body, end) || found.stream().anyMatch(f -> f.start < end && from < f.end)) {
                    continue;
                }
                String word = body.substring(start, at);
                if (!NameRules.isDateWord(word) && !PERIOD_WORDS.contains(word) && !PLAN_WORDS.contains(word)) {
                    found.add(new FoundName(start, end, body.substring(start, end), EntityType.EVENT, 1.0));
                }
            }
        }
    }

    /**
     * Where an event's year or number that starts at {@code at} ends ("CES" + "2026", "COP" + "30", "Super Bowl" +
     * "50"), or -1: a number of up to three digits only before a sentence's end, a comma or a function word, not a
     * count ("won the World Cup 3 times").
     */
    private static int editionEnd(String body, int at) {
        if (yearAt(body, at)) {
            return at + 4;
        }
        int end = at;
        while (end < body.length() && end - at < 4 && Character.isDigit(body.charAt(end))) {
            end++;
        }
        return end > at && end - at <= 3 && functionWordOrNoneAt(body, end) ? end : -1;
    }

    /**
     * Whether what follows {@code at} ends a name: the text's end, a comma, a full stop or a bracket (not a decimal,
     * a range or a unit), or a space and a function word or a capitalised word.
     */
    private static boolean functionWordOrNoneAt(String body, int at) {
        if (at >= body.length()) {
            return true;
        }
        char c = body.charAt(at);
        if (c != ' ') {
            return ",;:!?)\n\"'’”".indexOf(c) >= 0
                    || c == '.' && (at + 1 == body.length() || !Character.isDigit(body.charAt(at + 1)));
        }
        int word = at + 1;
        int end = word;
        while (end < body.length() && Character.isLetter(body.charAt(end))) {
            end++;
        }
        return end > word
                && (Character.isUpperCase(body.charAt(word)) || FUNCTION_WORDS_AFTER.contains(body.substring(word, end)));
    }

    private static final Set<String> FUNCTION_WORDS_AFTER = Set.of("in", "at", "on", "of", "and", "or", "with", "for",
            "to", "from", "was", "is", "will", "has", "had", "were", "are", "which", "where", "when", "that", "this",
            "last", "next", "drew", "opened", "opens", "ended", "ends", "begins", "began", "starts", "started");

    /** Where an edition's ordinal right before {@code at} starts ("97th " of "97th Academy Awards"), or -1. */
    private static int editionStart(String body, int at) {
        if (at < 2 || body.charAt(at - 1) != ' ') {
            return -1;
        }
        int start = at - 1;
        while (start > 0 && Character.isLetterOrDigit(body.charAt(start - 1))) {
            start--;
        }
        return NameRules.isOrdinal(body.substring(start, at - 1)) ? start : -1;
    }

    /** Whether a year from 1900 to 2099 stands at {@code at}, a word of its own, not the first of a season or a date. */
    private static boolean yearAt(String text, int at) {
        int end = at + 4;
        if (at < 1 || end > text.length() || text.charAt(at - 1) != ' '
                || !(text.startsWith("19", at) || text.startsWith("20", at))
                || !Character.isDigit(text.charAt(at + 2)) || !Character.isDigit(text.charAt(at + 3))) {
            return false;
        }
        return end == text.length() || !Character.isLetterOrDigit(text.charAt(end)) && !SEASON.matcher(text).region(end,
                text.length()).lookingAt();
    }

    /** What follows the first year of a season or a range ("2024-25", "2014 – 2019") or a date ("2024/05/12"). */
    private static final Pattern SEASON = Pattern.compile(" ?[-–/] ?\\d");

    /**
     * Whether the word before a place with a year makes them an event's name: an article or a preposition ("at the
     * Beijing 2022 opening ceremony", "tickets for Coachella 2026"), not a comma or a bracket, after which a place and
     * a year are where and when a book or a play came out ("(London 1973)").
     */
    private static boolean afterEventWord(String body, int start) {
        int word = NameRules.wordBefore(body, start);
        return word >= 0 && EVENT_WORDS_BEFORE.contains(body.substring(word, start - 1));
    }

    private static final Set<String> EVENT_WORDS_BEFORE = Set.of("the", "The", "at", "At", "in", "In", "for", "For",
            "of", "to", "after", "After", "before", "Before", "during", "During", "since", "Since", "from", "From");

    /**
     * Words that end an event's name, a tournament's, a race's, a show's or a fair's, after a place's or a people's
     * name ({@link #namedEvents}) or any name ({@link NameRules#typesByLastWord}).
     */
    private static final List<String> EVENT_ENDINGS = List.of(" Open", " Grand Prix", " Marathon", " Motor Show",
            " Auto Show", " Air Show", " Boat Show", " Flower Show", " Game Show", " Airshow", " Fashion Week",
            " Book Fair", " Film Festival");

    /**
     * Words that end a tournament's name only after a place's or an organisation's ("Paris Masters", "ATP Finals",
     * "NBA Finals"): a person may be called Masters, so a name ending in them is not an event by its last word alone.
     */
    private static final List<String> TOURNAMENT_ENDINGS = List.of(" Masters", " Finals");

    private static final List<String> AFTER_PLACES = Stream.concat(EVENT_ENDINGS.stream(), TOURNAMENT_ENDINGS.stream())
            .toList();

    private static boolean endsInEventWords(String name) {
        for (String words : EVENT_ENDINGS) {
            if (name.endsWith(words)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "US Open", "Dutch Grand Prix", "Tokyo Marathon", "Paris Motor Show", "ATP Finals": a place or organisation the
     * tagger found, or a people's adjective, right before a capitalised "Open", "Grand Prix", "Marathon", "Motor
     * Show", "Airshow", "Fashion Week", "Book Fair", "Masters", "Finals" or the like names a tournament, a race, a
     * show or a fair with it, an event, where the tagger stopped short of the words or never began ("Dutch" alone
     * is no name). Not before another capitalised word ("Google Open Source"), which makes some other name, nor
     * inside a longer name found ("Deauville American Film Festival").
     */
    static void namedEvents(String body, List<FoundName> found, Set<String> demonyms,
            Function<String, Set<EntityType>> knownTypes) {
        for (String word : AFTER_PLACES) {
            for (int at = body.indexOf(word); at > 0; at = body.indexOf(word, at + 1)) {
                int end = at + word.length();
                int start = eventPlaceStart(body, found, at, end, demonyms, knownTypes);
                if (start < 0 || end < body.length() && Character.isLetterOrDigit(body.charAt(end))
                        || NameRules.capitalisedWordAt(body, end) || found.stream()
                                .anyMatch(f -> f.start < end && start < f.end && (f.start < start || f.end > end))) {
                    continue;
                }
                found.removeIf(f -> f.start < end && start < f.end);
                found.add(new FoundName(start, end, body.substring(start, end), EntityType.EVENT, 1.0));
            }
        }
    }

    /**
     * Where the place, organisation or people's adjective that ends at {@code at}, before the event's words, starts;
     * -1 if none does: one the tagger found, or a word the knowledge base holds as one ("ATP" of "ATP Finals",
     * which the tagger may leave to the knowledge base). A place or organisation the tagger ran on into the event's
     * words ("Frankfurt Book" of "Frankfurt Book Fair") counts as ending there.
     */
    private static int eventPlaceStart(String body, List<FoundName> found, int at, int end, Set<String> demonyms,
            Function<String, Set<EntityType>> knownTypes) {
        for (FoundName f : found) {
            if (f.start < at && at <= f.end && f.end < end
                    && (f.type == EntityType.LOCATION || f.type == EntityType.ORGANIZATION)) {
                return f.start;
            }
        }
        int start = NameRules.lettersStart(body, at);
        if (start == at) {
            return -1;
        }
        String word = body.substring(start, at);
        Set<EntityType> types = knownTypes.apply(word);
        return demonyms.contains(word) || types.contains(EntityType.LOCATION)
                || types.contains(EntityType.ORGANIZATION) ? start : -1;
    }
}
