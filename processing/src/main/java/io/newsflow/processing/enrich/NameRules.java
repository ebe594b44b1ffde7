package io.newsflow.processing.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules around the trained tagger that read the text: they trim, join, add and drop the names it found —
 * what a tagger that reads one sentence at a time cannot learn (a name recurs, "Name (ABC)" defines an
 * acronym, a storm word makes an event).
 */
final class NameRules {

    private NameRules() {}

    private static final Set<String> DATE_WORDS = Set.of("Monday", "Tuesday", "Wednesday",
            "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");

    /**
     * "President Trump", "Prime Minister Modi", "Ambassador Mohib": a title before a person's name is not part
     * of the name.
     */
    static void trimTitles(List<FoundName> found, String body) {
        for (int i = 0; i < found.size(); i++) {
            FoundName f = found.get(i);
            int title = f.type == EntityType.PERSON ? titleLength(f.text) : 0;
            if (title > 0) {
                int start = f.start + title;
                found.set(i, new FoundName(start, f.end, body.substring(start, f.end), f.type, f.margin));
            }
        }
    }

    /**
     * "Forecaster Alex Deakin", "Rival Airbus", "Chipmaker Intel": at the start of a sentence, a word for what someone
     * does or is that news puts before a name, capitalised only because it starts the sentence, is not part of the
     * name, nor a name of its own before a capitalised word ("Singer said" may name Mr Singer). Titles are
     * {@link #trimTitles}'.
     */
    static void trimOpeners(List<FoundName> found, String body) {
        for (int i = found.size() - 1; i >= 0; i--) {
            FoundName f = found.get(i);
            int space = f.text.indexOf(' ');
            String first = space < 0 ? f.text : f.text.substring(0, space);
            if (!OPENERS.contains(first) || midSentence(body, f.start)) {
                continue;
            }
            if (space < 0) {
                if (capitalisedWordAt(body, f.end)) {
                    found.remove(i);
                }
            } else {
                int start = f.start + space + 1;
                found.set(i, new FoundName(start, f.end, body.substring(start, f.end), f.type, f.margin));
            }
        }
    }

    /**
     * "BYD overtook Tesla", "Ford beats Toyota": the tagger may run a name over a verb before it or between two
     * names ("Samsung | overtook Apple", "BYD | overtook | Tesla"), and {@link #joinAdjacent} would join what
     * it found around one. A lower-case word in a name that is a verb news puts next to names (a past form in
     * "-ed", or one of {@link #VERBS}) splits it, and the capitalised parts are names of the same type. Names' own
     * small words ("of", "am", "election", "démocratique") do not.
     */
    static void splitAtVerbs(List<FoundName> found, String body) {
        for (int i = found.size() - 1; i >= 0; i--) {
            FoundName f = found.get(i);
            int verb = verbInName(f.text);
            if (verb < 0) {
                continue;
            }
            found.remove(i);
            int verbEnd = f.text.indexOf(' ', verb);
            int[][] parts = {{verbEnd < 0 ? f.end : f.start + verbEnd + 1, f.end}, {f.start, f.start + verb - 1}};
            for (int[] part : parts) { // the part after the verb first, so that the parts stand in order at i
                if (part[0] < part[1] && Character.isUpperCase(body.charAt(part[0]))) {
                    found.add(i, new FoundName(part[0], part[1], body.substring(part[0], part[1]), f.type, f.margin));
                }
            }
        }
    }

    /** Where the first verb in a name starts; -1 if it holds none. */
    private static int verbInName(String name) {
        for (int start = 0, end; ; start = end + 1) {
            end = name.indexOf(' ', start);
            String word = name.substring(start, end < 0 ? name.length() : end);
            if (word.chars().allMatch(Character::isLowerCase)
                    && (word.length() > 4 && word.endsWith("ed") || VERBS.contains(word))) {
                return start;
            }
            if (end < 0) {
                return -1;
            }
        }
    }

    /** Verbs that are not past forms in "-ed" and that news puts next to names. */
    private static final Set<String> VERBS = Set.of("beat", "beats", "became", "becomes", "bought", "buys", "drew",
            "draws", "faces", "gave", "gives", "held", "holds", "hits", "joins", "leads", "led", "left", "lost",
            "loses", "makes", "meets", "met", "overtakes", "overtook", "said", "says", "sees", "sells", "sent", "signs",
            "sold", "struck", "sues", "takes", "tells", "told", "took", "wins", "won");

    /** Words for what someone or some company does or is, that open news sentences before a name. */
    private static final Set<String> OPENERS = Set.of("Activist", "Actor", "Actress", "Airline", "Analyst", "Coach",
            "Astronaut", "Author", "Automaker", "Billionaire", "Broadcaster", "Carmaker", "Chipmaker", "Comedian",
            "Defender", "Drugmaker", "Economist", "Entrepreneur", "Filmmaker", "Forecaster", "Goalkeeper", "Historian",
            "Insurer", "Investor", "Lawyer", "Lender", "Midfielder", "Novelist", "Photographer", "Planemaker",
            "Pollster", "Prosecutor", "Quarterback", "Rapper", "Regulator", "Researcher", "Retailer", "Rival",
            "Scientist", "Singer", "Steelmaker", "Striker", "Teammate", "Winger", "Farmer", "Herder", "Fisherman",
            "Nurse", "Teacher", "Student", "Miner", "Pilot", "Soldier", "Resident", "Shopkeeper", "Vendor",
            "Volunteer");

    /**
     * How many characters of {@code name} a leading title takes with the space after it ("Prime Minister " in
     * "Prime Minister Modi"); 0 if it starts with none or is nothing but a title.
     */
    static int titleLength(String name) {
        int space = name.indexOf(' ');
        if (space <= 0) {
            return 0;
        }
        int second = name.indexOf(' ', space + 1);
        if (second > 0 && TITLES.contains(name.substring(0, second))) {
            return second + 1;
        }
        return TITLES.contains(name.substring(0, space)) ? space + 1 : 0;
    }

    /** Titles of two words whose first word a name before them may have taken ("Fulton County District | Attorney"). */
    private static final Set<String> TWO_WORD_TITLES = Set.of("District Attorney", "State Attorney",
            "Attorney General", "District Judge", "Circuit Judge", "Majority Leader", "Minority Leader");

    /**
     * "Supreme Court Justice | Clarence Thomas", "Fulton County District | Attorney Fani Willis": a title, or the first
     * word of a two-word one, at the end of a name before a person's name belongs to the person's title, not to the
     * name ("Supreme Court", "Fulton County"). And a name the tagger took for a person's right before a title and a
     * person's name is not a person's, unless the knowledge base knows it as one ("Delaware Chancery | Judge
     * Kathaleen McCormick" is an organisation, "Biden | Secretary Blinken" stays Biden), nor a name at
     * all where it is a role word, the title's first ("Major | General Smith").
     */
    static void trimTrailingTitles(String body, List<FoundName> found, Predicate<String> knownPerson) {
        found.sort(Comparator.comparingInt(f -> f.start));
        for (int i = 0; i < found.size(); i++) {
            FoundName f = found.get(i);
            int space = f.text.lastIndexOf(' ');
            String last = f.text.substring(space + 1);
            int nextEnd = wordEnd(body, f.end);
            String next = nextEnd < 0 ? "" : body.substring(f.end + 1, nextEnd);
            boolean personAfterTitle = nextEnd > 0 && startsPerson(found, nextEnd + 1) && TITLES.contains(next);
            if (space > 0 && (TITLES.contains(last) && startsPerson(found, f.end + 1)
                    || TWO_WORD_TITLES.contains(last + " " + next))) {
                found.set(i, new FoundName(f.start, f.start + space, f.text.substring(0, space), f.type, f.margin));
            } else if (f.type == EntityType.PERSON && personAfterTitle && ROLES.contains(f.text)) {
                found.remove(i--); // "Major | General Smith": the first word of the title
            } else if (f.type == EntityType.PERSON && personAfterTitle && !knownPerson.test(f.text)) {
                f.type = EntityType.ORGANIZATION;
            }
        }
    }

    /** "Wikinews Saturday", "Magicians Wednesday": a trailing day or month name is not part of a name. */
    static void trimDateWords(List<FoundName> found, String body) {
        for (int i = 0; i < found.size(); i++) {
            FoundName f = found.get(i);
            int space = f.text.lastIndexOf(' ');
            if (space > 0 && DATE_WORDS.contains(f.text.substring(space + 1))) {
                int end = f.start + space;
                found.set(i, new FoundName(f.start, end, body.substring(f.start, end), f.type, f.margin));
            }
        }
    }

    /** "The Onion", "the Taliban": the article is not part of the name. */
    static void stripArticles(List<FoundName> found, String body) {
        for (int i = 0; i < found.size(); i++) {
            FoundName f = found.get(i);
            if ((f.text.startsWith("The ") || f.text.startsWith("the ")) && f.text.length() > 4) {
                found.set(i, new FoundName(f.start + 4, f.end, body.substring(f.start + 4, f.end), f.type, f.margin));
            }
        }
    }

    /**
     * "in The Hague", "The Bronx": a place whose name begins with "The" keeps the capitalised article that
     * {@link #stripArticles} took off, once linked to it ("The Hague", not "Hague"); "the Bahamas", whose name in
     * the knowledge base has no article, does not.
     */
    static void restorePlaceArticles(List<FoundName> found, String body) {
        for (int i = 0; i < found.size(); i++) {
            FoundName f = found.get(i);
            if (f.entry != null && f.entry.type() == EntityType.LOCATION && f.entry.name().startsWith("The ")
                    && f.start >= 4 && body.startsWith("The ", f.start - 4)
                    && (f.start == 4 || !Character.isLetterOrDigit(body.charAt(f.start - 5)))) {
                found.set(i, f.spanning(f.start - 4, f.end, body));
            }
        }
    }

    /**
     * "the 60th NATO conference": an ordinal before a name the knowledge base knows is not part of the name (an
     * event's edition is, and {@link EventNames#eventYearsAndEditions} puts it back: "97th Academy Awards").
     */
    static void trimOrdinals(List<FoundName> found, String body, Predicate<String> known) {
        for (int i = 0; i < found.size(); i++) {
            FoundName f = found.get(i);
            int space = f.text.indexOf(' ');
            if (space > 2 && isOrdinal(f.text.substring(0, space)) && known.test(f.text.substring(space + 1))) {
                int start = f.start + space + 1;
                found.set(i, new FoundName(start, f.end, body.substring(start, f.end), f.type, f.margin));
            }
        }
    }

    private static final Pattern ORDINAL = Pattern.compile("\\d{1,3}(?:st|nd|rd|th)");

    /** Whether a word is an ordinal in figures ("60th", "33rd"). */
    static boolean isOrdinal(String word) {
        return ORDINAL.matcher(word).matches();
    }

    /**
     * Two names the tagger found side by side, one space apart, are one name where the tagger broke it at a
     * word it knows from elsewhere ("Sydney | Morning Herald", "New | Zealand", "Sea | Org"); the last part
     * gives the type (English names end in their head). Not joined: two names the knowledge base knows each
     * ("US | National Park Service") and a full name of a person next to another name (a photo credit, "NASA |
     * Bill Ingalls"). A title before a name is no name of its own ("President | Obama" is Obama). A common first
     * name before a person's one-word name is the first name, even where it is a place the knowledge base knows
     * too ("Victoria | Beckham").
     */
    static void joinAdjacent(String body, List<FoundName> found, Predicate<String> known,
                             Predicate<String> firstName) {
        found.sort(Comparator.comparingInt(f -> f.start));
        for (int i = found.size() - 2; i >= 0; i--) {
            FoundName left = found.get(i);
            FoundName right = found.get(i + 1);
            if (right.start != left.end + 1 || body.charAt(left.end) != ' ') {
                continue;
            }
            if (TITLES.contains(left.text)) {
                found.remove(i);
                continue;
            }
            boolean namedInstitution = left.type == EntityType.PERSON && startsWithInstitution(right.text);
            boolean firstNamed = right.type == EntityType.PERSON && right.text.indexOf(' ') < 0
                    && left.text.indexOf(' ') < 0 && firstName.test(left.text);
            if (!namedInstitution && !firstNamed && (isFullName(left) || isFullName(right)
                    || (known.test(left.text) && known.test(right.text)))) {
                continue;
            }
            EntityType type = namedInstitution ? EntityType.ORGANIZATION : right.type;
            // a title the tagger took into the left part is no part of a person's name: "Sheriff Chad | Chronister"
            int start = left.start + (type == EntityType.PERSON ? titleLength(left.text + " " + right.text) : 0);
            found.set(i, new FoundName(start, right.end, body.substring(start, right.end), type,
                    Math.min(left.margin, right.margin)));
            found.remove(i + 1);
        }
    }

    /**
     * An institution's name with "of" or "for" in it, which the tagger found as two names ("Institute | for |
     * Fiscal Studies", "Foundation | for the | Visual Arts", "University | of | Texas"): one name, of the first
     * part's type, when the first part ends in a word that names an institution. Run before
     * {@link #joinAdjacent}, which then joins a person's name before it ("Andy Warhol | Foundation for the
     * Visual Arts"). Not joined: a first part that is a person or does not end in such a word ("President | of |
     * France"), and a person's full name after the link word ("Foundation | of | Bill Gates").
     */
    static void joinInstitutionNames(String body, List<FoundName> found) {
        found.sort(Comparator.comparingInt(f -> f.start));
        for (int i = found.size() - 2; i >= 0; i--) {
            FoundName left = found.get(i);
            FoundName right = found.get(i + 1);
            if (left.type == EntityType.PERSON || isFullName(right) || !endsWithInstitution(left.text)) {
                continue;
            }
            String between = body.substring(left.end, Math.max(left.end, right.start));
            if (!INSTITUTION_LINK.matcher(between).matches()) {
                continue;
            }
            found.set(i, new FoundName(left.start, right.end, body.substring(left.start, right.end), left.type,
                    Math.min(left.margin, right.margin)));
            found.remove(i + 1);
        }
    }

    private static final Pattern INSTITUTION_LINK = Pattern.compile(" (?:of|for|on)(?: the)? ");

    /**
     * "the Assembly | of | Kosovo", "the Central Bank | of | Nigeria": a capitalised word that names an institution
     * ({@link #ORGANISATION_WORDS}, {@link #LEGISLATURES}), which the tagger left out, before "of" (or "of the") and a
     * place it found, makes the place the end of an organisation's name, which starts at the capitalised words before
     * that word ("National Assembly of Kosovo"; not "The"). GUM, CrossNER and our stories mark every such name an
     * organisation ("University of Copenhagen", "Parliament of Catalonia", "Electoral Commission of Zambia"). Not in a
     * Title Case line; where the word is part of a name found already, {@link #joinInstitutionNames} joins the two.
     * One of {@link #PLACES_OF} makes a place the same way ("the Port of Montreal"), also where the tagger found the
     * word alone.
     */
    static void institutionsOfPlaces(String body, List<FoundName> found) {
        found.sort(Comparator.comparingInt(f -> f.start));
        for (int i = 0; i < found.size(); i++) {
            FoundName place = found.get(i);
            int of = body.startsWith(" of the ", place.start - 8) ? place.start - 8
                    : body.startsWith(" of ", place.start - 4) ? place.start - 4 : -1;
            if (place.type != EntityType.LOCATION || of < 2) {
                continue;
            }
            int head = lettersStart(body, of);
            String word = body.substring(head, of);
            boolean placeHead = PLACES_OF.contains(word);
            if (!ORGANISATION_WORDS.contains(word) && !LEGISLATURES.contains(word) && !placeHead) {
                continue;
            }
            if (i > 0 && found.get(i - 1).start == head && found.get(i - 1).end == of) {
                found.remove(--i); // the word alone, found as a name: "Port | of | Montreal"
            }
            int previousEnd = i == 0 ? 0 : found.get(i - 1).end;
            if (previousEnd > head) {
                continue;
            }
            int start = nameWordsStart(body, head, previousEnd);
            if (!inTitleCaseLine(body, start)) {
                found.set(i, new FoundName(start, place.end, body.substring(start, place.end),
                        placeHead ? EntityType.LOCATION : EntityType.ORGANIZATION, place.margin));
            }
        }
    }

    /** Words that head places' names before "of" and a place: "Port of Montreal", "Isle of Skye", "Gulf of Aden". */
    private static final Set<String> PLACES_OF = Set.of("Port", "Isle", "Gulf", "Bay", "Strait", "Straits", "Cape");

    /**
     * "German Publishers and | Booksellers Association", "Joint Admissions and | Matriculation Board": an
     * organisation's name of two words or more that ends in a word that names an institution, right after "and",
     * goes on back over the capitalised words before "and" (any names found in them are the organisation's), where
     * the tagger split one name at its "and". Not joined: a name after "and" that is {@link #completeName complete},
     * words before "and" that hold an institution's word of their own ("Police | and Fire Department"), an acronym
     * ("Xerox PARC"), or end in a name the knowledge base knows ("Google | and Mozilla Foundation", "Labour | and
     * Conservative Party"), a nation's adjective alone ("Russian | and Chinese Academies"), a person's name, "The",
     * and anything in a Title Case line.
     */
    static void joinNamesSplitAtAnd(String body, List<FoundName> found, Predicate<String> known,
                                    Set<String> demonyms) {
        found.sort(Comparator.comparingInt(f -> f.start));
        for (int i = found.size() - 1; i >= 0; i--) {
            FoundName right = found.get(i);
            if (right.type == EntityType.PERSON || right.start < 6 || !body.startsWith(" and ", right.start - 5)
                    || right.text.indexOf(' ') < 0 || !endsWithInstitution(right.text) || completeName(right.text,
                    known, demonyms)) {
                continue;
            }
            int start = nameWordsStart(body, right.start - 4, 0); // the words before " and "
            String left = body.substring(start, Math.max(start, right.start - 5));
            String last = left.substring(left.lastIndexOf(' ') + 1);
            int from = start;
            if (left.isEmpty() || namesAnInstitution(left) || known.test(left) || known.test(last)
                    || demonyms.contains(left) || hasWord(left, NameRules::isAcronym) || inTitleCaseLine(body, start)
                    || found.stream().anyMatch(f -> f.type == EntityType.PERSON && f.start < right.start
                    && from < f.end)) {
                continue;
            }
            FoundName joined = new FoundName(start, right.end, body.substring(start, right.end), right.type,
                    right.margin);
            found.removeIf(f -> f.start < joined.end && joined.start < f.end);
            found.add(joined);
            found.sort(Comparator.comparingInt(f -> f.start));
            i = found.indexOf(joined);
        }
    }

    /**
     * Whether the name after "and" is one of its own: it links words with "of" or "for" ("Monthly Notices of the
     * Royal Astronomical Society"), the knowledge base knows it, or it starts with a name it knows or a nation's
     * adjective ("Stanford | University", "Santa Clara | Convention Center", "Azerbaijani | Popular Front Party").
     */
    private static boolean completeName(String name, Predicate<String> known, Set<String> demonyms) {
        int first = name.indexOf(' ');
        int second = name.indexOf(' ', first + 1);
        return name.contains(" of ") || name.contains(" for ") || known.test(name)
                || known.test(name.substring(0, first)) || demonyms.contains(name.substring(0, first))
                || second > 0 && known.test(name.substring(0, second));
    }

    private static boolean isAcronym(String word) {
        return word.length() > 1 && word.chars().noneMatch(Character::isLowerCase);
    }

    /**
     * "Ministry of Health | , Labour and Welfare", "National Institute of Seismology | , Volcanology, Meteorology and
     * Hydrology": an organisation's name with "of" goes on over a list of single capitalised words after it that ends
     * in "and" and one more, where no word of it is a name the knowledge base knows (a ministry's field may be:
     * "Labour") and no capitalised word follows the last ("Ministry of Defence, Moscow and Kyiv" stops at once).
     */
    static void extendFieldLists(String body, List<FoundName> found, Predicate<String> known) {
        found.sort(Comparator.comparingInt(f -> f.start));
        for (int i = 0; i < found.size(); i++) {
            FoundName f = found.get(i);
            if (f.type != EntityType.ORGANIZATION || !f.text.contains(" of ")) {
                continue;
            }
            int end = -1;
            int at = f.end;
            for (int items = 0; items < 5 && body.startsWith(", ", at); items++) {
                int wordEnd = lettersEnd(body, at + 2);
                if (!fieldWord(body.substring(at + 2, wordEnd), known)) {
                    break;
                }
                at = wordEnd;
                if (body.startsWith(" and ", at)) {
                    int lastEnd = lettersEnd(body, at + 5);
                    if (fieldWord(body.substring(at + 5, lastEnd), known) && !capitalisedWordAt(body, lastEnd)) {
                        end = lastEnd;
                    }
                    break;
                }
            }
            if (end > 0) {
                int to = end;
                FoundName extended = new FoundName(f.start, to, body.substring(f.start, to), f.type, f.margin);
                found.removeIf(g -> g != f && g.start >= f.end && g.start < to);
                found.set(found.indexOf(f), extended);
                i = found.indexOf(extended);
            }
        }
    }

    /** A capitalised word, in lower case after its capital, that is no name of its own, or a ministry's field. */
    private static boolean fieldWord(String word, Predicate<String> known) {
        return word.length() > 1 && Character.isUpperCase(word.charAt(0))
                && word.chars().skip(1).allMatch(Character::isLowerCase)
                && (MINISTRY_FIELDS.contains(word) || !known.test(word));
    }

    /** Words that link the parts of an institution's name: "Society for the Prevention of Cruelty to Animals". */
    private static final Set<String> NAME_LINKS = Set.of("of", "for", "on", "to", "and", "&");

    /**
     * "Andy Warhol Foundation | for the Visual Arts", "Society for the Prevention of Cruelty | to Animals",
     * "Church of Jesus Christ | of Latter-day Saints": an institution's name goes on through the capitalised words
     * that follow it, linked by "of", "for", "on" (with "the" or not), "to", "and" or "&", where the tagger
     * stopped short. The name ends before a title, a day, a month or a possessive, and before a name of its own:
     * one the knowledge base knows or another institution's ("Bank of England | and Goldman Sachs", "Ford
     * Foundation | to Harvard University", "Institute for Fiscal Studies | on Britain"); after "and", before a
     * nation's adjective ("Ministry of Defence | and Russian officials"); "to", "and" and "&" only after a
     * name that has no head yet and does not end in a known name ("Wikimedia Foundation | and Creative Commons",
     * "Liberal Party of Australia | and Nationals") unless that is a ministry's field ("Ministry of Labour | and
     * Employment"), and never before an acronym; never through a person's name
     * or a number, nor to a capitalised word with no link ("Museum of Flight | CEO"). Not in a Title Case line
     * (a headline), where every word has a capital.
     */
    static void extendInstitutionNames(String body, List<FoundName> found, Predicate<String> known,
                                       Set<String> demonyms) {
        found.sort(Comparator.comparingInt(f -> f.start));
        for (int i = 0; i < found.size(); i++) {
            FoundName f = found.get(i);
            if (f.type == EntityType.PERSON || !namesAnInstitution(f.text)) {
                continue;
            }
            int end = continuationEnd(body, f, found, known, demonyms);
            if (end <= f.end || inTitleCaseLine(body, f.start)) {
                continue;
            }
            for (int j = i + 1; j < found.size() && found.get(j).start < end; ) {
                end = Math.max(end, found.get(j).end);
                found.remove(j);
            }
            found.set(i, new FoundName(f.start, end, body.substring(f.start, end), f.type, f.margin));
        }
    }

    /** Where the capitalised words linked to the name end ({@code f.end} if none follow). */
    private static int continuationEnd(String body, FoundName f, List<FoundName> found, Predicate<String> known,
                                       Set<String> demonyms) {
        int end = f.end;
        int at = f.end;
        while (true) {
            int wordEnd = wordEnd(body, at);
            String link = wordEnd < 0 ? "" : body.substring(at + 1, wordEnd);
            if (!NAME_LINKS.contains(link)) {
                return end;
            }
            // "and", "&" and "to" join the parts of a name that has no head yet ("Academy of Sciences | and Arts",
            // "Prevention of Cruelty | to Animals"), not two names ("Wikimedia Foundation | and Creative Commons",
            // "Liberal Party of Australia | and Nationals")
            boolean joining = link.equals("and") || link.equals("&") || link.equals("to");
            String before = body.substring(f.start, end);
            String last = before.substring(before.lastIndexOf(' ') + 1);
            // a ministry's field is no name of its own: "Ministry of Labour | and Employment"
            boolean field = MINISTRY_FIELDS.contains(last) && before.contains(" of ");
            if (joining && (endsWithInstitution(before) || !field && (known.test(before) || known.test(last)))) {
                return end;
            }
            at = wordEnd;
            wordEnd = wordEnd(body, at);
            if (wordEnd == at + 4 && body.startsWith("the", at + 1)) {
                if (joining) {
                    return end; // "… and the Food and Drug Administration": another name
                }
                at = wordEnd;
                wordEnd = wordEnd(body, at);
            }
            if (wordEnd < 0) {
                return end;
            }
            String word = body.substring(at + 1, wordEnd);
            boolean acronym = isAcronym(word);
            if (!nameWord(word) || word.chars().anyMatch(Character::isDigit) || acronym && joining
                    || startsPerson(found, at + 1)) {
                return end;
            }
            String run = body.substring(at + 1, capitalisedRunEnd(body, at));
            if (known.test(run) || namesAnInstitution(run) || joining && demonyms.contains(word)) {
                return end;
            }
            end = wordEnd;
            at = wordEnd;
            // the words of the run that follow are the name's too
            for (int next = wordEnd(body, at); next > 0 && nameWord(body.substring(at + 1, next))
                    && body.substring(at + 1, next).chars().noneMatch(Character::isDigit); next = wordEnd(body, at)) {
                end = next;
                at = next;
            }
        }
    }

    /** Whether a person's name the tagger found starts at {@code at}. */
    private static boolean startsPerson(List<FoundName> found, int at) {
        for (FoundName g : found) {
            if (g.start == at && g.type == EntityType.PERSON) {
                return true;
            }
        }
        return false;
    }

    /**
     * The end of the word one space after {@code at}, or -1 if none follows there. A word ends at a space or at
     * punctuation that no name goes past (a comma, a bracket, a quote, a sentence's final full stop; the stops
     * of "U.S." are the word's own).
     */
    private static int wordEnd(String body, int at) {
        if (at + 1 >= body.length() || body.charAt(at) != ' ') {
            return -1;
        }
        int end = at + 1;
        while (end < body.length() && !Character.isWhitespace(body.charAt(end))
                && ",;:!?\"()[]\u201c\u201d".indexOf(body.charAt(end)) < 0) {
            end++;
        }
        if (end > at + 2 && body.charAt(end - 1) == '.' && body.lastIndexOf('.', end - 2) <= at) {
            end--; // a full stop that ends the sentence, not an abbreviation's
        }
        return end > at + 1 ? end : -1;
    }

    /** The end of the run of capitalised words of any kind ("Black Friday") that starts one space after {@code at}. */
    private static int capitalisedRunEnd(String body, int at) {
        int end = at;
        for (int next = wordEnd(body, end); next > 0 && Character.isUpperCase(body.charAt(end + 1));
                next = wordEnd(body, end)) {
            end = next;
        }
        return end;
    }

    /**
     * A capitalised word that can stand inside a name: not a title, a role, a day, a month, a function word or a
     * possessive.
     */
    private static boolean nameWord(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.charAt(0)) && word.chars().anyMatch(Character::isLetter)
                && !TITLES.contains(word) && !ROLES.contains(word) && !DATE_WORDS.contains(word)
                && !NEVER_ALONE.contains(word) && !word.endsWith("'s") && !word.endsWith("\u2019s");
    }

    private static boolean namesAnInstitution(String name) {
        return hasWord(name, NameRules::isInstitution);
    }

    /** Whether a word of the name, split at spaces, is one {@code kind} accepts. */
    private static boolean hasWord(String name, Predicate<String> kind) {
        for (String word : name.split(" ")) {
            if (kind.test(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the line around {@code at} is a Title Case headline: four or more long words, nine in ten of them
     * or more capitalised.
     */
    static boolean inTitleCaseLine(String body, int at) {
        int lineEnd = body.indexOf('\n', at);
        int end = lineEnd < 0 ? body.length() : lineEnd;
        int words = 0;
        int capitalised = 0;
        for (int word = body.lastIndexOf('\n', at) + 1; word < end; ) {
            int space = body.indexOf(' ', word);
            int wordEnd = space < 0 || space > end ? end : space;
            if (wordEnd - word >= 4 && Character.isLetter(body.charAt(word))) {
                words++;
                capitalised += Character.isUpperCase(body.charAt(word)) ? 1 : 0;
            }
            word = wordEnd + 1;
        }
        return words >= 4 && capitalised * 10 >= words * 9;
    }

    /**
     * Words that end the first part of an institution's name ("the Bank of England", "Institute for …"): the
     * organisations' words, and those of institutions that are places to some ("Museum of Flight", "Court").
     */
    private static boolean isInstitution(String word) {
        return ORGANISATION_WORDS.contains(word) || PLACE_LIKE_INSTITUTIONS.contains(word)
                || LEGISLATURES.contains(word);
    }

    /**
     * Words that head names of legislatures ("National Assembly of Kosovo", "Congress of Nuevo León") but give no
     * type of their own at the end of a name ("Programmable Universal Machine for Assembly" is a robot).
     */
    private static final Set<String> LEGISLATURES = Set.of("Assembly", "Congress");

    private static final Set<String> PLACE_LIKE_INSTITUTIONS = Set.of("Center", "Centre", "Conservatory", "Court",
            "Hospital", "Library", "Museum", "Office", "School", "Union");

    private static boolean endsWithInstitution(String name) {
        return isInstitution(name.substring(name.lastIndexOf(' ') + 1));
    }

    private static boolean startsWithInstitution(String name) {
        int space = name.indexOf(' ');
        return isInstitution(space < 0 ? name : name.substring(0, space));
    }

    /**
     * "and Dries Mertens", "interviewee R Saravanan": a one-word person's name after a capitalised word inside a
     * sentence takes that word as its first name, where the tagger read the word as something else ("dries" is
     * a verb). Not taken: a word at the start of a sentence, a title, a day or month, a demonym ("Belgian
     * Mertens"), a word of another name or one the knowledge base knows ("Ohio"), an acronym ("CEO"), and a
     * word after a capitalised word, as in a Title Case headline ("Cruz Slams Obama"), unless that word is a title
     * or a role ("Local MP Will Stone") or a possessive ("DAB's Starry Lee").
     */
    static void addFirstNames(String body, List<FoundName> found, Predicate<String> known, Set<String> demonyms) {
        found.sort(Comparator.comparingInt(f -> f.start));
        for (int i = 0; i < found.size(); i++) {
            FoundName f = found.get(i);
            int start = f.type == EntityType.PERSON && f.text.indexOf(' ') < 0 ? freeWordBefore(body, found, i) : -1;
            if (start < 0) {
                continue;
            }
            String word = body.substring(start, f.start - 1);
            boolean wordAlone = start == 0 || Character.isWhitespace(body.charAt(start - 1));
            if (wordAlone && canBeFirstName(word, known, demonyms) && midSentence(body, start)
                    && (!previousWordCapitalised(body, start) || afterRoleOrTitle(body, start)
                            || afterPossessive(body, start))) {
                found.set(i, new FoundName(start, f.end, body.substring(start, f.end), f.type, f.margin));
            }
        }
    }

    /**
     * Parts of people's names the tagger left out. A person's one-word name that is a common first name ("James"
     * of "James To") takes the capitalised word after it inside a sentence where nothing else explains the capital:
     * no other name holds the word, the knowledge base does not know it, it is no day, month, title (nor a title's
     * abbreviation: "Gov."), role or word of a place's or an organisation's name, and the word after it is not
     * capitalised too (as in a Title Case line: "James Said Yes"). Not a place that is also a first name ("Regina
     * Ip" would be right, "Florida Gov." and "Carolina Reaper" not). A person's hyphenated given name
     * ("Ka-chun", "Jong-un") takes the capitalised word before it, the family name, even at a sentence's start
     * ("Shiu Ka-chun of the Social Welfare constituency").
     */
    static void addNameParts(String body, List<FoundName> found, Predicate<String> known, Predicate<String> firstName,
            Set<String> demonyms) {
        found.sort(Comparator.comparingInt(f -> f.start));
        for (int i = found.size() - 1; i >= 0; i--) {
            FoundName f = found.get(i);
            if (f.text.indexOf(' ') >= 0) {
                continue;
            }
            if (f.type == EntityType.PERSON && HYPHENATED_GIVEN_NAME.matcher(f.text).matches()) {
                int start = freeWordBefore(body, found, i);
                if (start >= 0 && (start == 0 || Character.isWhitespace(body.charAt(start - 1)))
                        && canBeFamilyName(body.substring(start, f.start - 1), demonyms)) {
                    found.set(i, new FoundName(start, f.end, body.substring(start, f.end), f.type, f.margin));
                }
            } else if (f.type == EntityType.PERSON && firstName.test(f.text) && midSentence(body, f.start)) {
                int end = unexplainedCapitalisedWordAfter(body, found, i, known);
                if (end > 0) {
                    found.set(i, new FoundName(f.start, end, body.substring(f.start, end), f.type, f.margin));
                }
            }
        }
    }

    /**
     * "the United States Hamdullah Mohib", "Islamic Relations Alia Salem": a place's or an organisation's name that
     * ends in the full name of a person the text names on its own elsewhere is two names, the place or organisation
     * (its type kept) and the person, where the tagger ran them together; not where the rest is one word, which may
     * be a title or a nickname ("Count Rockin' Sidney"). A person's name is left whole: "Mary Jane Ann Smith" may be
     * one person beside an "Ann Smith".
     */
    static void splitPeopleOff(String body, List<FoundName> found) {
        Set<String> people = new HashSet<>();
        for (FoundName f : found) {
            if (f.type == EntityType.PERSON && f.text.indexOf(' ') > 0) {
                people.add(f.text);
            }
        }
        if (people.isEmpty()) {
            return;
        }
        for (int i = found.size() - 1; i >= 0; i--) {
            FoundName f = found.get(i);
            if (f.type == EntityType.PERSON) {
                continue;
            }
            // the longest person's name the name ends in: its suffixes after each space, from the longest
            for (int space = f.text.indexOf(' '); space > 0; space = f.text.indexOf(' ', space + 1)) {
                String person = f.text.substring(space + 1);
                if (people.contains(person) && f.text.lastIndexOf(' ', space - 1) > 0) {
                    int split = f.end - person.length();
                    int firstEnd = split - 1;
                    found.set(i, new FoundName(f.start, firstEnd, body.substring(f.start, firstEnd), f.type, f.margin));
                    found.add(i + 1, new FoundName(split, f.end, person, EntityType.PERSON, f.margin));
                    break;
                }
            }
        }
    }

    /** "Ka-chun", "Jong-un", "Yiu-chung": a capitalised syllable, a hyphen and a syllable in lower case. */
    private static final Pattern HYPHENATED_GIVEN_NAME = Pattern.compile("\\p{Lu}\\p{Ll}+-\\p{Ll}+");

    private static boolean canBeFamilyName(String word, Set<String> demonyms) {
        return word.length() >= 2 && word.length() <= 8 && Character.isUpperCase(word.charAt(0))
                && word.substring(1).chars().allMatch(Character::isLowerCase) && !TITLES.contains(word)
                && !ROLES.contains(word) && !DATE_WORDS.contains(word) && !demonyms.contains(word);
    }

    /**
     * Where the capitalised word one space after the {@code i}-th found name (sorted by start) ends, if nothing
     * but a name explains its capital (see {@link #addNameParts}); -1 otherwise.
     */
    private static int unexplainedCapitalisedWordAfter(String body, List<FoundName> found, int i,
            Predicate<String> known) {
        int start = found.get(i).end + 1;
        if (!capitalisedWordAt(body, start - 1)
                || i + 1 < found.size() && found.get(i + 1).start < lettersEnd(body, start)) {
            return -1;
        }
        int end = lettersEnd(body, start);
        String word = body.substring(start, end);
        boolean wordAlone = end == body.length() || !Character.isLetterOrDigit(body.charAt(end))
                && body.charAt(end) != '-' && body.charAt(end) != '\'' && body.charAt(end) != '\u2019';
        if (!wordAlone || word.length() < 2 || !word.substring(1).chars().allMatch(Character::isLowerCase)
                || known.test(word) || DATE_WORDS.contains(word) || TITLES.contains(word) || ROLES.contains(word)
                || ORGANISATION_WORDS.contains(word) || PLACE_HEADS.contains(word) || capitalisedWordAt(body, end)
                || end < body.length() && body.charAt(end) == '.' && TITLES.contains(word + ".")) {
            return -1;
        }
        return end;
    }

    /**
     * Where the word of letters one space before the {@code i}-th found name (sorted by start) begins, if it is
     * not part of the name before; -1 if there is none.
     */
    private static int freeWordBefore(String body, List<FoundName> found, int i) {
        return freeWordBefore(body, found, i, found.get(i).start);
    }

    /** The same for the word one space before {@code at}, a position in or at the start of the {@code i}-th name. */
    private static int freeWordBefore(String body, List<FoundName> found, int i, int at) {
        int start = wordBefore(body, at);
        return start >= 0 && (i == 0 || found.get(i - 1).end <= start) ? start : -1;
    }

    /** Where the word of letters one space before {@code at} starts; -1 if no such word stands there. */
    static int wordBefore(String body, int at) {
        if (at < 2 || body.charAt(at - 1) != ' ') {
            return -1;
        }
        int start = lettersStart(body, at - 1);
        return start < at - 1 ? start : -1;
    }

    /**
     * Where the run of words that can stand in a name ({@link #nameWord}: not "The", a title or a day) right before
     * {@code start} begins, none of them before {@code floor}; {@code start} itself if no such word stands there.
     */
    private static int nameWordsStart(String body, int start, int floor) {
        for (int word = wordBefore(body, start); word >= floor && nameWord(body.substring(word, start - 1));
                word = wordBefore(body, start)) {
            start = word;
        }
        return start;
    }

    /** Whether the word names a day of the week or a month. */
    static boolean isDateWord(String word) {
        return DATE_WORDS.contains(word);
    }

    /** A capitalised word ("Dries") or an initial ("R"), and none of the words that are something else. */
    private static boolean canBeFirstName(String word, Predicate<String> known, Set<String> demonyms) {
        boolean capitalised = !word.isEmpty() && Character.isUpperCase(word.charAt(0))
                && word.substring(1).chars().allMatch(Character::isLowerCase);
        return capitalised && !TITLES.contains(word) && !ROLES.contains(word) && !DATE_WORDS.contains(word)
                && !NEVER_ALONE.contains(word) && !demonyms.contains(word) && !known.test(word);
    }

    /** Words that make a name an organisation's wherever they stand in it ("Indonesian Navy", "Ministry of …"). */
    private static final Set<String> ORGANISATION_WORDS = Set.of("Academy", "Agency", "Alliance", "Army",
            "Association", "Authority", "Bank", "Board", "Bureau", "Church", "College", "Commission", "Committee",
            "Company", "Constabulary", "Corporation", "Corps", "Council", "Department", "Directorate", "Dynamics",
            "Federation", "Forces", "Foundation", "Fund", "Government", "Guard", "Holdings", "Institute", "Institution",
            "League", "Ministry", "Navy", "Organisation", "Organization", "Parliament", "Partners", "Party", "Police",
            "Productions", "Securities", "Service", "Society", "Trust", "University");

    static boolean namesAnOrganisation(String name) {
        return hasWord(name, ORGANISATION_WORDS::contains);
    }

    /**
     * "Saudi Interior | Ministry", "the Foreign | Ministry": an organisation's word that the tagger found alone takes
     * the capitalised words right before it inside a sentence, and a nation's adjective anywhere ("Israeli Health
     * Ministry said …" at a sentence's start). Not a title, a role, a day, a month, a function word ("The"), a word
     * of another name ("Trump | Transport Department" stays apart) or a possessive, and not in a Title Case line.
     */
    static void extendHeadWordsLeft(String body, List<FoundName> found, Set<String> demonyms) {
        found.sort(Comparator.comparingInt(f -> f.start));
        for (int i = 0; i < found.size(); i++) {
            FoundName f = found.get(i);
            if (f.type == EntityType.PERSON || !ORGANISATION_WORDS.contains(f.text)) {
                continue;
            }
            int start = f.start;
            for (int word = freeWordBefore(body, found, i, start); word >= 0;
                    word = freeWordBefore(body, found, i, start)) {
                String text = body.substring(word, start - 1);
                if (!nameWord(text) || !(midSentence(body, word) || demonyms.contains(text))) {
                    break;
                }
                start = word;
            }
            if (start < f.start && !inTitleCaseLine(body, f.start)) {
                found.set(i, new FoundName(start, f.end, body.substring(start, f.end), EntityType.ORGANIZATION,
                        f.margin));
            }
        }
    }

    /** Words that make the capitalised words before them an award's name. */
    private static final Set<String> AWARDS = Set.of("Award", "Awards", "Medal", "Prize", "Trophy");

    /** The capitalised word after the space at {@code at}, or "" where there is none. */
    private static String wordAt(String body, int at) {
        return capitalisedWordAt(body, at) ? body.substring(at + 1, lettersEnd(body, at + 1)) : "";
    }

    /**
     * "MCD | Productions", "Dubai | Civil Defence", "Texas | Department of Public Safety": a name the tagger found
     * takes the capitalised words right after it that nobody found, where the last of them names an organisation
     * and no award's word follows it ("NASA | Public Service Medal" is an award's name); the name is then an
     * organisation's. At most three words, none a title, a role, a day, a month or a possessive; not after a
     * person's name, not to "Government" ("UK | Government", "Liberal | Government": which government is a name is
     * the knowledge base's to say, as for "Scottish Government"), and not in a Title Case line.
     * {@link #extendInstitutionNames} then takes "of Public Safety".
     */
    static void extendHeadWordsRight(String body, List<FoundName> found) {
        found.sort(Comparator.comparingInt(f -> f.start));
        for (int i = 0; i < found.size(); i++) {
            FoundName f = found.get(i);
            if (f.type == EntityType.PERSON) {
                continue;
            }
            int limit = i + 1 < found.size() ? found.get(i + 1).start : body.length();
            int end = -1;
            int at = f.end;
            for (int words = 0; words < 3 && capitalisedWordAt(body, at); words++) {
                int wordEnd = lettersEnd(body, at + 1);
                String word = body.substring(at + 1, wordEnd);
                if (wordEnd > limit || !nameWord(word) || wordEnd < body.length() && body.charAt(wordEnd) == '\'') {
                    break;
                }
                if (ORGANISATION_WORDS.contains(word) && !word.equals("Government")
                        || CIVIL_DEFENCE.contains(body.substring(f.end + 1, wordEnd))) {
                    end = wordEnd;
                }
                at = wordEnd;
            }
            if (end > 0 && !AWARDS.contains(wordAt(body, end)) && !inTitleCaseLine(body, f.start)) {
                found.set(i, new FoundName(f.start, end, body.substring(f.start, end), EntityType.ORGANIZATION,
                        f.margin));
            }
        }
    }

    /** "St. Peter", "Saint Paul", with the title in the name or just before it (the title rules may have cut it). */
    private static boolean saint(String body, FoundName person) {
        String before = body.substring(Math.max(0, person.start - 6), person.start);
        return person.text.startsWith("St. ") || person.text.startsWith("St ") || person.text.startsWith("Saint ")
                || before.endsWith("St. ") || before.endsWith("St ") || before.endsWith("Saint ");
    }

    /**
     * "St. Peter | 's Square": no name starts with a possessive's "'s". Where the tagger began one there, right after
     * a name that ends at the apostrophe, the two are one name, of the type of the part with the head ("St. Peter's
     * Square", a place), unless the name before is a person's other than a saint's: "King Arthur" stays a person in
     * "King Arthur's Court", as he is in the annotated corpora. Otherwise the name starts after the "'s".
     */
    static void joinSplitPossessives(String body, List<FoundName> found) {
        found.sort(Comparator.comparingInt(f -> f.start));
        for (int i = 0; i < found.size(); i++) {
            FoundName f = found.get(i);
            if (!(f.text.startsWith("'s ") || f.text.startsWith("\u2019s ")) || f.text.length() <= 3) {
                continue;
            }
            FoundName owner = i > 0 && found.get(i - 1).end == f.start ? found.get(i - 1) : null;
            if (owner != null && (owner.type != EntityType.PERSON || saint(body, owner))) {
                String joined = body.substring(owner.start, f.end);
                found.set(i - 1, new FoundName(owner.start, f.end, joined, f.type, f.margin));
                found.remove(i--);
            } else {
                found.set(i, new FoundName(f.start + 3, f.end, body.substring(f.start + 3, f.end), f.type, f.margin));
            }
        }
    }

    /**
     * Lower-case nouns for a kind of organisation that news puts right before the organisation's name ("the teachers'
     * union | Sadtu"); not nouns that describe people as well ("producer", "developer", "broadcaster").
     */
    private static final Set<String> ORGANISATION_NOUNS = Set.of("agency", "regulator", "watchdog", "union",
            "company", "firm", "conglomerate", "startup", "start-up", "group", "party", "ministry", "charity", "label",
            "airline", "carrier", "insurer", "lender", "retailer", "carmaker", "automaker", "chipmaker", "drugmaker",
            "authority", "federation", "fund", "provider", "alliance");
    /** The nouns' last letters and lengths, so that few words need a look-up. */
    private static final String NOUN_ENDINGS = ORGANISATION_NOUNS.stream().map(n -> n.substring(n.length() - 1))
            .distinct().collect(Collectors.joining());
    private static final int NOUN_MIN = ORGANISATION_NOUNS.stream().mapToInt(String::length).min().orElseThrow();
    private static final int NOUN_MAX = ORGANISATION_NOUNS.stream().mapToInt(String::length).max().orElseThrow();

    /** Where the word of letters and hyphens ("start-up") that ends at {@code end} starts. */
    private static int wordStart(String body, int end) {
        int start = end;
        while (start > 0 && (Character.isLetter(body.charAt(start - 1)) || body.charAt(start - 1) == '-')) {
            start--;
        }
        return start;
    }

    /** A name that goes on past its capitalised words ("Faith | and Action in the Nation's Capital"). */
    private static final Pattern NAME_GOES_ON = Pattern.compile(" (?:and|of|for|&|de|du|do|da) \\p{Lu}");

    /**
     * "the teachers' union | Sadtu", "the health regulator | Anvisa", "the cattle company | Agropecuária Rio Fresco",
     * "the water authority, | Wody Polskie |, said": the capitalised words right after a lower-case noun for a kind
     * of organisation, or between commas after it, are its name, which the tagger may have missed or taken for a
     * person or a place (up to a possessive's "'s"); not a name the knowledge base knows only as a person's or a
     * place's, not a word with a digit, a day, a title or a function word, not a name that goes on with "and", "of"
     * or "for" and more capitalised words, and not in a Title Case line.
     */
    static void organisationsAfterTheirKind(String body, List<FoundName> found,
            Function<String, Set<EntityType>> known) {
        List<FoundName> added = new ArrayList<>();
        for (int space = body.indexOf(' '); space >= 0 && space + 1 < body.length();
                space = body.indexOf(' ', space + 1)) {
            if (!Character.isUpperCase(body.charAt(space + 1)) || space <= NOUN_MIN) {
                continue;
            }
            boolean apposition = body.charAt(space - 1) == ','; // "the water authority, Wody Polskie, said"
            int nounEnd = apposition ? space - 1 : space;
            if (NOUN_ENDINGS.indexOf(body.charAt(nounEnd - 1)) < 0) {
                continue;
            }
            int wordStart = wordStart(body, nounEnd);
            if (nounEnd - wordStart < NOUN_MIN || nounEnd - wordStart > NOUN_MAX
                    || !Character.isLowerCase(body.charAt(wordStart))
                    || !ORGANISATION_NOUNS.contains(body.substring(wordStart, nounEnd))) {
                continue;
            }
            int start = space + 1;
            int end = space;
            for (int next = wordEnd(body, end); next > 0; next = wordEnd(body, end)) {
                String word = body.substring(end + 1, next);
                boolean possessive = word.endsWith("'s") || word.endsWith("\u2019s");
                String stem = possessive ? word.substring(0, word.length() - 2) : word;
                if (!nameWord(stem) || stem.chars().anyMatch(Character::isDigit)) {
                    break;
                }
                end = end + 1 + stem.length();
                if (possessive) {
                    break;
                }
            }
            if (end < start || apposition && !body.startsWith(",", end) || inTitleCaseLine(body, start)
                    || NAME_GOES_ON.matcher(body).region(end, body.length()).lookingAt()) {
                continue;
            }
            int to = end;
            List<FoundName> inside = found.stream().filter(f -> f.start < to && start < f.end).toList();
            boolean others = inside.stream().anyMatch(f -> f.start < start || f.end > to
                    || f.type == EntityType.ORGANIZATION || f.type == EntityType.PRODUCT || f.type == EntityType.EVENT);
            String name = body.substring(start, to);
            Set<EntityType> types = known.apply(name);
            if (others || !types.isEmpty() && !types.contains(EntityType.ORGANIZATION)) {
                continue;
            }
            found.removeAll(inside);
            double margin = inside.stream().mapToDouble(f -> f.margin).max().orElse(0);
            added.add(new FoundName(start, to, name, EntityType.ORGANIZATION, margin));
        }
        if (!added.isEmpty()) {
            found.addAll(added);
            found.sort(Comparator.comparingInt(f -> f.start));
        }
    }

    /**
     * "Elliott Investment Management said … Elliott said": one word found as a person's name that is the first word
     * of a company's name in the same text is that company, unless the text names a person that ends in the word
     * ("Piers Morgan" beside "Morgan Stanley") or the knowledge base knows the word as a person's. Not the first word
     * of an institution or an organisation named after someone ("Saha Institute of Nuclear Physics", "Letterman
     * Foundation for Courtesy and Grooming", "Monti for Italy"), where the word is the person's.
     */
    static void organisationsShortForms(List<FoundName> found, Function<String, Set<EntityType>> known) {
        List<String> organisations = null;
        for (int i = 0; i < found.size(); i++) {
            FoundName f = found.get(i);
            if (f.type != EntityType.PERSON || f.text.indexOf(' ') >= 0) {
                continue;
            }
            if (organisations == null) {
                organisations = found.stream().filter(g -> g.type == EntityType.ORGANIZATION).map(g -> g.text)
                        .filter(o -> !o.contains(" of ") && !o.contains(" for ") && !namesAnOrganisation(o)
                                && !namesAnInstitution(o))
                        .toList();
            }
            String word = f.text;
            if (organisations.stream().anyMatch(o -> o.startsWith(word + " "))
                    && found.stream().noneMatch(g -> g.type == EntityType.PERSON && g.text.endsWith(" " + word))
                    && !known.apply(word).contains(EntityType.PERSON)) {
                found.set(i, new FoundName(f.start, f.end, f.text, EntityType.ORGANIZATION, f.margin));
            }
        }
    }

    /** A lower-case word for a kind of place and "of", right before a name: "the island of | Flores". */
    private static final Pattern PLACE_NOUN_OF = Pattern.compile(
            "(?<![\\p{L}-])(?:island|province|city|town|village|region|district|county|municipality|port) of $");

    /** Lower-case words for a kind of place right after a name: "Shan | state", "Enga | province". */
    private static final Set<String> PLACE_NOUNS_AFTER = Set.of("state", "province", "region", "district", "county",
            "island", "prefecture", "governorate", "oblast");

    /**
     * "the island of | Flores", "the town of | Honda", "northern Shan | state", "Enga | province": a name right after
     * a lower-case word for a kind of place and "of", or right before such a word, is that place, whatever the
     * tagger took it for (a surname, a company), unless an organisation's word is in it ("the city of | London
     * Corporation"); before the word, not a name the knowledge base knows as a person's or an organisation's
     * ("Macron | state visit", "Apple | state").
     */
    static void placesByTheirKind(String body, List<FoundName> found, Function<String, Set<EntityType>> known) {
        for (int i = 0; i < found.size(); i++) {
            FoundName f = found.get(i);
            if (f.type != EntityType.PERSON && f.type != EntityType.ORGANIZATION) {
                continue;
            }
            boolean after = body.startsWith(" of ", f.start - 4)
                    && PLACE_NOUN_OF.matcher(body.substring(Math.max(0, f.start - 20), f.start)).find();
            boolean before = !after && placeNounAfter(body, f.end) && known.apply(f.text).stream()
                    .noneMatch(t -> t == EntityType.PERSON || t == EntityType.ORGANIZATION);
            if ((after || before) && !namesAnOrganisation(f.text)) {
                found.set(i, new FoundName(f.start, f.end, f.text, EntityType.LOCATION, f.margin));
            }
        }
    }

    /** Whether a word of {@link #PLACE_NOUNS_AFTER} follows {@code end}, as a word of its own, not in "state visit". */
    private static boolean placeNounAfter(String body, int end) {
        if (end + 6 > body.length() || body.charAt(end) != ' ' || !Character.isLowerCase(body.charAt(end + 1))) {
            return false;
        }
        int wordEnd = lettersEnd(body, end + 1);
        return wordEnd - end - 1 >= 5 && (wordEnd == body.length() || body.charAt(wordEnd) != '-')
                && PLACE_NOUNS_AFTER.contains(body.substring(end + 1, wordEnd)) && !body.startsWith(" visit", wordEnd);
    }

    /** The words after a place's name that make it a disease's: "Marburg | virus", "Lassa | fever". */
    private static final Pattern DISEASE_WORD = Pattern.compile(" (?:virus|fever|disease)\\b");

    /**
     * "Marburg | virus disease", "Lassa | fever", "West Nile | virus": a place a disease is named after is not named
     * as a place there.
     */
    static void dropDiseasePlaces(String body, List<FoundName> found) {
        found.removeIf(f -> f.type == EntityType.LOCATION && f.end + 1 < body.length() && body.charAt(f.end) == ' '
                && "vfd".indexOf(body.charAt(f.end + 1)) >= 0
                && DISEASE_WORD.matcher(body).region(f.end, body.length()).lookingAt());
    }

    /** The legal forms companies put after their names. */
    private static final Set<String> COMPANY_SUFFIXES = Set.of("plc", "PLC", "Plc", "Ltd", "Ltd.", "Limited", "Inc",
            "Inc.", "Corp.", "Co.", "LLC", "AG", "SE", "SA", "S.A.", "NV", "N.V.", "GmbH", "S.p.A.", "SpA", "ASA", "AB",
            "Oyj", "A/S", "SL", "S.L.", "BV", "B.V.", "Tbk", "Bhd", "Berhad", "PJSC", "JSC");

    /** The legal forms that make even a name read as a person's a company's ("Sumitomo Pharma | Co."). */
    private static final Set<String> PERSONS_COMPANIES = Set.of("plc", "PLC", "Plc", "Ltd", "Ltd.", "Limited", "Inc",
            "Inc.", "Corp.", "Co.", "LLC", "GmbH", "S.p.A.");

    /**
     * "Rheinmetall | AG", "Greggs | plc", "Forth Ports | Ltd": a company's legal form right after an organisation's
     * or a place's name (as the knowledge base links it, else as found: "Greggs" read as a person is the baker), or
     * one of {@link #PERSONS_COMPANIES} after a name read as a person's that the knowledge base does not hold, is
     * part of the name, which is an organisation's (linked as before where the knowledge base had it as
     * one), and so is a name the tagger read with its legal form ("Vale SA") that the knowledge base does not hold.
     * Run after linking, so that "Rheinmetall AG" is still Rheinmetall. An abbreviation keeps its full stop.
     */
    static void companySuffixes(String body, List<FoundName> found) {
        for (int i = 0; i < found.size(); i++) {
            FoundName f = found.get(i);
            EntityType type = f.linkedType();
            boolean person = type == EntityType.PERSON && f.entry == null;
            if (type != EntityType.ORGANIZATION && type != EntityType.LOCATION && !person) {
                continue; // a product: "iPhone SE", "Apple Watch SE"; a person the knowledge base knows
            }
            int last = f.text.lastIndexOf(' ');
            String lastWord = last > 0 ? f.text.substring(last + 1) : "";
            if (COMPANY_SUFFIXES.contains(lastWord) && f.type != EntityType.ORGANIZATION && f.entry == null
                    && (!person || PERSONS_COMPANIES.contains(lastWord))) {
                f.type = EntityType.ORGANIZATION; // "Vale SA" read as one name, of a place; "Trent Ltd." of a person
                continue;
            }
            if (f.end + 3 > body.length() || body.charAt(f.end) != ' ') {
                continue;
            }
            int end = f.end + 1;
            while (end < body.length() && !Character.isWhitespace(body.charAt(end))
                    && ",;:!?\"()\u201c\u201d".indexOf(body.charAt(end)) < 0) {
                end++;
            }
            String word = body.substring(f.end + 1, end);
            if (!COMPANY_SUFFIXES.contains(word) && word.endsWith(".")
                    && COMPANY_SUFFIXES.contains(word.substring(0, word.length() - 1))) {
                word = word.substring(0, word.length() - 1); // "plc." at the end of a sentence
                end--;
            }
            if (!COMPANY_SUFFIXES.contains(word) || person && !PERSONS_COMPANIES.contains(word)) {
                continue;
            }
            FoundName company = f.spanning(f.start, end, body);
            if (company.entry != null && company.entry.type() != EntityType.ORGANIZATION) {
                company.entry = null;
            }
            company.type = EntityType.ORGANIZATION;
            found.set(i, company);
        }
    }

    /** The heads of places named after people: "Rajiv Gandhi | International Airport", "Jawaharlal Nehru | Stadium". */
    private static final List<String> HEADS_AFTER_PEOPLE = List.of(" International Airport", " Airport", " Stadium",
            " Bridge", " Boulevard", " Avenue", " Square");

    /** Words for streets that stand before the person they are named after: "Avenue | Mohamed V". */
    private static final Set<String> STREETS_BEFORE_PEOPLE = Set.of("Avenue", "Boulevard", "Rue", "Avenida", "Calle",
            "Rua", "Viale", "Piazza");

    /**
     * "Rajiv Gandhi | International Airport", "Jawaharlal Nehru | Stadium": a person's name right before the head
     * of a place's name, capitalised, is the place's name, with the head (and any name found in the head); and so is
     * a person's name right after a word for a street in the languages that put it first ("Avenue Mohamed V", "Rue
     * Jean Jaurès").
     */
    static void placesNamedAfterPeople(String body, List<FoundName> found) {
        for (int i = 0; i < found.size(); i++) {
            FoundName f = found.get(i);
            if (f.type != EntityType.PERSON) {
                continue;
            }
            int street = wordBefore(body, f.start);
            if (street >= 0 && STREETS_BEFORE_PEOPLE.contains(body.substring(street, f.start - 1))) {
                found.set(i, new FoundName(street, f.end, body.substring(street, f.end), EntityType.LOCATION,
                        f.margin));
                continue;
            }
            if (f.end >= body.length() || body.charAt(f.end) != ' ') {
                continue;
            }
            for (String head : HEADS_AFTER_PEOPLE) {
                int end = f.end + head.length();
                if (body.startsWith(head, f.end) && (end == body.length() || !Character.isLetter(body.charAt(end)))) {
                    FoundName place = new FoundName(f.start, end, body.substring(f.start, end), EntityType.LOCATION,
                            f.margin);
                    found.removeIf(g -> g != f && g.start < end && f.end <= g.start);
                    found.set(found.indexOf(f), place);
                    i = found.indexOf(place);
                    break;
                }
            }
        }
    }

    /** What a hyphen joins to a name to describe a company or a person by it: "Lagos-based", "Nasdaq-listed". */
    private static final List<String> ATTRIBUTIVE = List.of("-based", "-born", "-listed", "-headquartered", "-owned",
            "-backed", "-led", "-run", "-registered");

    /**
     * "a Lagos-based start-up", "the Seattle-based company", "a Nasdaq-listed firm": the name before a hyphen and
     * a word such as "based" or "listed" is a name of its own, without the hyphen and the word; where the tagger
     * took them in, they are cut off, and where it found nothing there, a name the knowledge base knows as a place
     * or an organisation is added ("Boise, Idaho-based" names Idaho). Demonyms are no names ("Brazilian-born",
     * "Saudi-led", though the knowledge base has "Saudi" for Saudi Arabia).
     */
    static void attributiveNames(String body, List<FoundName> found, Function<String, Set<EntityType>> known,
                                 Set<String> demonyms) {
        for (int hyphen = body.indexOf('-', 1); hyphen > 0; hyphen = body.indexOf('-', hyphen + 1)) {
            int end = attributiveEnd(body, hyphen);
            if (end < 0) {
                continue;
            }
            FoundName covering = null;
            for (FoundName f : found) {
                if (f.start < hyphen && hyphen <= f.end) {
                    covering = f; // a name over the hyphen, or one that ends at it (the knowledge base's)
                    break;
                }
            }
            if (covering != null) {
                if (covering.end == end) {
                    found.set(found.indexOf(covering), covering.spanning(covering.start, hyphen, body));
                }
                continue;
            }
            int start = lettersStart(body, hyphen);
            if (start == hyphen || !Character.isUpperCase(body.charAt(start))) {
                continue;
            }
            // the longest known name of up to three capitalised words before the hyphen: "New York-based"
            List<Integer> starts = new ArrayList<>(List.of(start));
            for (int before = wordBefore(body, start); before >= 0 && starts.size() < 3
                    && Character.isUpperCase(body.charAt(before)); before = wordBefore(body, before)) {
                starts.add(0, before);
            }
            for (int from : starts) {
                if (demonyms.contains(body.substring(from, hyphen))) {
                    break; // "Saudi-led", "Brazilian-born"
                }
                Set<EntityType> types = known.apply(body.substring(from, hyphen));
                if (types.contains(EntityType.LOCATION) || types.contains(EntityType.ORGANIZATION)) {
                    EntityType type = types.contains(EntityType.LOCATION) ? EntityType.LOCATION
                            : EntityType.ORGANIZATION;
                    found.add(new FoundName(from, hyphen, body.substring(from, hyphen), type, 1.0));
                    break;
                }
            }
        }
    }

    /** Where a word of {@link #ATTRIBUTIVE} that starts at the hyphen at {@code hyphen} ends; -1 if none does. */
    private static int attributiveEnd(String body, int hyphen) {
        for (String suffix : ATTRIBUTIVE) {
            int end = hyphen + suffix.length();
            if (body.startsWith(suffix, hyphen) && (end == body.length() || !Character.isLetter(body.charAt(end)))) {
                return end; // not "-bases", "-lead…"
            }
        }
        return -1;
    }

    /** The planets and the Moon, as news names them in English. */
    private static final List<String> CELESTIAL_BODIES = List.of("Earth", "Moon", "Mars", "Venus", "Jupiter", "Saturn");

    /** The words before a planet's name that make it the planet: "the", and where one goes or looks. */
    private static final Set<String> CELESTIAL_CONTEXT = Set.of("the", "The", "on", "to", "from", "around", "orbit",
            "orbiting", "orbits", "toward", "towards", "near", "beyond", "reach", "reached", "reaching", "of", "past",
            "and", "than", "between");

    /** Words of a story about space, where "Mars", "Venus", "Jupiter" and "Saturn" are planets. */
    private static final List<String> SPACE_WORDS = List.of("planet", "rover", "probe", "orbit", "spacecraft",
            "NASA", "space", "astronom", "mission", "telescope", "lander");

    /**
     * "around the Moon", "a probe to Mars", "the Earth's magnetic field": a planet or the Moon, capitalised after
     * "the" or one of {@link #CELESTIAL_CONTEXT}'s words and before no other capitalised word or hyphen, is a
     * place, as CoNLL-style news marks it and GUM does ("landed back on Earth"); the corpora the tagger learned
     * from mostly mark them as other names or not at all. "Bruno Mars", "Venus Williams", "Mars Wrigley", "Earth
     * Day" and "Friends of the Earth" stay what the tagger and the knowledge base make them, and so does a sentence
     * that begins with one ("Mars reported higher sales"); the other planets only in a story about space ("sold
     * to Mars" is the company).
     */
    static void celestialBodies(String body, List<FoundName> found) {
        Boolean space = null; // looked for only where a planet's name is
        for (String name : CELESTIAL_BODIES) {
            int first = body.indexOf(name);
            if (first >= 0 && !name.equals("Earth") && !name.equals("Moon")) {
                space = space == null ? SPACE_WORDS.stream().anyMatch(body::contains) : space;
                if (!space) {
                    continue; // "sold to Mars", the company; "Venus" razors
                }
            }
            for (int at = first; at >= 0; at = body.indexOf(name, at + name.length())) {
                int end = at + name.length();
                int before = wordBefore(body, at);
                boolean wordGoesOn = end < body.length()
                        && (Character.isLetterOrDigit(body.charAt(end)) || body.charAt(end) == '-');
                if (before < 0 || !CELESTIAL_CONTEXT.contains(body.substring(before, at - 1)) || wordGoesOn
                        || capitalisedWordAt(body, end) || overlaps(found, at, end)) {
                    continue;
                }
                found.add(new FoundName(at, end, name, EntityType.LOCATION, 1.0));
            }
        }
    }

    private static boolean overlaps(List<FoundName> found, int start, int end) {
        return found.stream().anyMatch(f -> f.start < end && start < f.end);
    }

    /** Arabic's article in English news, lower case and hyphenated to the capitalised word it goes with. */
    private static final Pattern ARABIC_ARTICLE = Pattern.compile(" (?:(?:al|el|ad|an|ar|as|ash|at|az)-\\p{Lu}\\p{L}*"
            + "|(?:bin|bint|ibn) \\p{Lu}\\p{L}*(?: Al \\p{Lu}\\p{L}*)?)");

    /**
     * "Tawfiq | al-Rabiah", "Mohammed | el-Sayed", "Tahnoon | bin Zayed Al Nahyan": where the tagger ends a person's
     * name before Arabic's article ("al-", "el-" and its assimilated forms "ash-", "ad-" …) hyphenated to a
     * capitalised word, or before "bin", "bint" or "ibn" (son or daughter of) and a capitalised word, with a family
     * name after "Al" or not, the name goes on over it, and over any such part after it ("Mohammed bin Zayed bin
     * Sultan Al Nahyan"); a name found inside that stretch is part of the person's.
     */
    static void extendArabicArticles(String body, List<FoundName> found) {
        Matcher article = null;
        for (int i = 0; i < found.size(); i++) {
            FoundName f = found.get(i);
            int end = f.end;
            while (f.type == EntityType.PERSON && body.startsWith(" ", end) && end + 4 < body.length()
                    && "aebi".indexOf(body.charAt(end + 1)) >= 0) {
                article = article == null ? ARABIC_ARTICLE.matcher(body) : article;
                if (!article.region(end, body.length()).lookingAt()) {
                    break;
                }
                end = article.end();
            }
            if (end > f.end) {
                int from = f.start;
                int to = end;
                FoundName extended = new FoundName(from, to, body.substring(from, to), f.type, f.margin);
                found.set(i, extended);
                found.removeIf(g -> g.start > from && g.start < to);
                i = found.indexOf(extended);
            }
        }
    }

    /**
     * "Ontario Secondary School Teachers' | Federation", "Boston Children's Hospital", "Manhattan District Attorney's
     * Office": an institution's name may hold a possessive, at which the tagger breaks it or stops. Where the
     * possessive is a plural's ("Teachers'", "Farmers'") or that of a word for people ("Children's", "Women's") or of
     * "Attorney" or "Prosecutor" ("Federal Prosecutor's Office"), and capitalised words ending in an institution's
     * word follow it, the capitalised words before it, the possessive and those words are one organisation's name
     * (with any name they run into: "Elementary Teachers' | Federation of Ontario"), a place's where the head is a
     * place's too and the tagger took the name up to it for a place ("Boston Children's Hospital"). After any other
     * name's possessive, two such words or more are a name of their own ("Russia's | Defence Ministry"). Not in a
     * Title Case line.
     */
    static void joinPossessiveInstitutions(String body, List<FoundName> found) {
        for (int at = 1; at < body.length() - 1; at++) {
            if (body.charAt(at) != '\'' && body.charAt(at) != '\u2019') {
                continue;
            }
            boolean plural = body.charAt(at - 1) == 's' && body.startsWith(" ", at + 1);
            int headStart = plural ? at + 2 : body.startsWith("s ", at + 1) ? at + 3 : -1;
            int ownerStart = lettersStart(body, at);
            if (headStart < 0 || ownerStart == at || !Character.isUpperCase(body.charAt(ownerStart))) {
                continue;
            }
            String owner = body.substring(ownerStart, at);
            int headEnd = -1;
            int words = 0;
            for (int end = headStart - 1, next = wordEnd(body, end); next > 0 && words < 4; end = next,
                    next = wordEnd(body, end)) {
                String word = body.substring(end + 1, next);
                if (!nameWord(word)) {
                    break;
                }
                words++;
                if (isInstitution(word)) {
                    headEnd = next;
                }
            }
            boolean ofPeople = plural || PEOPLE.contains(owner);
            if (headEnd < 0 || !ofPeople && body.substring(headStart, headEnd).indexOf(' ') < 0
                    || inTitleCaseLine(body, at)) {
                continue;
            }
            int start = ofPeople ? nameWordsStart(body, ownerStart, 0) : headStart;
            int end = headEnd;
            String head = body.substring(lettersStart(body, headEnd), headEnd);
            EntityType type = EntityType.ORGANIZATION;
            for (int i = found.size() - 1; i >= 0; i--) {
                FoundName f = found.get(i);
                if (f.start < end && f.end > start) {
                    start = Math.min(start, f.start);
                    end = Math.max(end, f.end);
                    found.remove(i);
                    if (f.type == EntityType.LOCATION && f.end >= headEnd && PLACE_LIKE_INSTITUTIONS.contains(head)) {
                        type = EntityType.LOCATION; // "Boston Children's Hospital" as the tagger read it
                    }
                }
            }
            found.add(new FoundName(start, end, body.substring(start, end), type, 1.0));
        }
        found.sort(Comparator.comparingInt(f -> f.start));
    }

    /** Words for people, whose possessive may stand inside an institution's name ("Children's Hospital"). */
    private static final Set<String> PEOPLE = Set.of("Attorney", "Children", "Men", "People", "Prosecutor", "Sheriff",
            "Women");

    /**
     * "Great | Ormond Street Hospital", "Greater | Manchester Police": inside a sentence, "Great" or "Greater" right
     * before a name is part of it, which the tagger may leave out as an adjective.
     */
    static void addGreat(String body, List<FoundName> found) {
        for (int i = 0; i < found.size(); i++) {
            FoundName f = found.get(i);
            int word = wordBefore(body, f.start);
            String before = word < 0 ? "" : body.substring(word, f.start - 1);
            if ((before.equals("Great") || before.equals("Greater")) && midSentence(body, word)
                    && (i == 0 || found.get(i - 1).end <= word) && !inTitleCaseLine(body, word)) {
                found.set(i, new FoundName(word, f.end, body.substring(word, f.end), f.type, f.margin));
            }
        }
    }

    /** Civil defence services, named after their place ("Dubai Civil Defence", "Gaza Civil Defense"). */
    private static final Set<String> CIVIL_DEFENCE = Set.of("Civil Defence", "Civil Defense");

    /**
     * "Health | Secretary Wes Streeting", "Finance | Minister Nirmala Sitharaman": a ministry's field right before
     * "Secretary" or "Minister" is part of a person's title, not the name of a ministry.
     */
    static void dropFieldsOfTitles(String body, List<FoundName> found) {
        found.removeIf(f -> f.type != EntityType.PERSON && MINISTRY_FIELDS.contains(f.text)
                && (body.startsWith(" Secretary ", f.end) || body.startsWith(" Minister ", f.end)));
    }

    /** The fields of ministries that name a secretary or a minister ("Health Secretary", "Interior Minister"). */
    private static final Set<String> MINISTRY_FIELDS = Set.of("Agriculture", "Business", "Commerce", "Culture",
            "Defence", "Defense", "Economy", "Education", "Energy", "Environment", "Finance", "Foreign", "Health",
            "Home", "Housing", "Immigration", "Industry", "Interior", "Justice", "Labor", "Labour", "Science",
            "Security", "Tourism", "Trade", "Transport", "Treasury", "Welfare");

    /**
     * "Greek | Orthodox Church", "Indonesian | Navy", "French | Ministry of Culture": a nation's adjective right
     * before an organisation's name is part of it (the tagger, trained on data that tags the adjective apart,
     * leaves it out). Only for a name with a word that names an organisation, so "Russian | Gazprom" stays apart.
     */
    static void joinDemonymOrganisations(String body, List<FoundName> found, Set<String> demonyms) {
        found.sort(Comparator.comparingInt(f -> f.start));
        for (int i = 0; i < found.size(); i++) {
            FoundName f = found.get(i);
            boolean organisation = f.type != EntityType.PERSON && namesAnOrganisation(f.text);
            int start = organisation ? freeWordBefore(body, found, i) : -1;
            if (start < 0) {
                continue;
            }
            String word = body.substring(start, f.start - 1);
            if (demonyms.contains(word) && Character.isUpperCase(word.charAt(0))) {
                found.set(i, new FoundName(start, f.end, body.substring(start, f.end), EntityType.ORGANIZATION,
                        f.margin));
            }
        }
    }

    /**
     * A name of two words or more that the knowledge base does not hold takes its type from its last word, whatever
     * type the tagger gave it: an event's word or words make it an event ("Google Science Fair", "World Championship",
     * "Geneva International Motor Show"; {@link EventNames#endsLikeAnEvent}, not any "Show": "The Late Show"), an
     * organisation's word an organisation ("Indonesian Navy", "Skidmore College"), and a place's word makes what the
     * tagger took for an organisation a place ("Wright-Patterson Air Force Base"). A linked name keeps its entry's type
     * ("Soviet Union" is a place, "Vanity Fair" a magazine), and so does a nation's team.
     */
    static void typesByLastWord(List<FoundName> found) {
        for (FoundName f : found) {
            int space = f.text.lastIndexOf(' ');
            if (f.entry != null || space < 0) {
                continue;
            }
            String last = f.text.substring(space + 1);
            if (EventNames.endsLikeAnEvent(f.text)) {
                f.type = EntityType.EVENT;
            } else if (f.title == null && f.type != EntityType.EVENT && ORGANISATION_WORDS.contains(last)) {
                f.type = EntityType.ORGANIZATION;
            } else if (f.title == null && f.type == EntityType.ORGANIZATION && PLACE_HEADS.contains(last)) {
                f.type = EntityType.LOCATION;
            }
        }
    }

    /** Last words that make a name a place's ("Wright-Patterson Air Force Base", "Oakland Bay Bridge"). */
    private static final Set<String> PLACE_HEADS = Set.of("Airport", "Avenue", "Base", "Bay", "Beach", "Boulevard",
            "Bridge", "Building", "Canyon", "Harbor", "Harbour", "Highway", "Island", "Islands", "Lake", "Mountains",
            "Peninsula", "River", "Road", "Square", "Stadium", "Station", "Strait", "Street", "Tower", "Towers",
            "Valley");

    /** Whether the word before {@code at} is a possessive ("DAB's | Starry Lee"), which Title Case does not explain. */
    private static boolean afterPossessive(String body, int at) {
        return at >= 1 && body.charAt(at - 1) == ' ' && possessiveEndsAt(body, at - 1);
    }

    /** Whether a possessive "'s" (or "’s") ends at {@code end}. */
    static boolean possessiveEndsAt(String body, int end) {
        return body.startsWith("'s", end - 2) || body.startsWith("\u2019s", end - 2);
    }

    /** Whether the word before {@code at} is a title or a role ("Local MP | Will Stone"). */
    private static boolean afterRoleOrTitle(String body, int at) {
        int start = wordBefore(body, at);
        return start >= 0 && isRoleOrTitle(body.substring(start, at - 1));
    }

    /** Whether the word before {@code at} starts with a capital: in a Title Case line every word does. */
    private static boolean previousWordCapitalised(String body, int at) {
        int end = at;
        while (end > 0 && Character.isWhitespace(body.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && !Character.isWhitespace(body.charAt(start - 1))) {
            start--;
        }
        while (start < end && !Character.isLetterOrDigit(body.charAt(start))) {
            start++; // an opening quote or bracket
        }
        return start < end && Character.isUpperCase(body.charAt(start));
    }

    /** Words for a person's office or role that stand before a name in news ("NASA Administrator Bolden"). */
    private static final Set<String> ROLES = Set.of("Administrator", "Admiral", "Anchor", "Archbishop", "Attorney",
            "Brother", "Cardinal", "Chair", "Chairwoman", "Chief", "Coach", "Commander", "Commissioner", "Congressman",
            "Congresswoman", "Councillor", "Councilman", "Councilwoman", "Deputy", "Detective", "Director", "Editor",
            "Emperor", "Father", "Governor", "Imam", "Inspector", "King", "Lieutenant", "Major", "Manager", "Officer",
            "Premier", "Prince", "Princess", "Queen", "Rabbi", "Representative", "Reverend", "Saint", "Sergeant",
            "Sheikh", "Sister", "Speaker", "Spokesman", "Spokeswoman", "Superintendent", "Treasurer", "Trustee", "MP",
            "MEP", "MSP");

    private static final Set<String> TITLES = Set.of("President", "Vice President", "Chief Justice", "Senator",
            "Governor", "Mayor", "Minister", "Prime Minister", "Chancellor", "Secretary", "Judge", "Justice", "General",
            "Colonel", "Captain", "Professor", "Dr.", "Sir", "Dame", "Lord", "Lady", "Pope", "Bishop", "Rep.", "Sen.",
            "Gov.", "Gen.", "Prof.", "Ambassador", "Chairman", "Reverend", "Rev.", "Sheriff", "Sergeant", "Sgt.",
            "Detective", "Detective Sergeant", "Detective Inspector", "Inspector", "Constable", "Superintendent",
            "Councillor", "Councilmember", "Councilman", "Councilwoman");

    /** Whether a word ends the names of places ("Airport", "Street", "Valley"). */
    static boolean isPlaceHead(String word) {
        return PLACE_HEADS.contains(word);
    }

    /** Whether a word is a person's title or role ("President", "Spokesman"). */
    static boolean isRoleOrTitle(String word) {
        return TITLES.contains(word) || ROLES.contains(word);
    }

    private static boolean isFullName(FoundName f) {
        return f.type == EntityType.PERSON && f.text.indexOf(' ') > 0;
    }

    /** Where the letters that end at {@code at} start ({@code at} itself if none do). */
    static int lettersStart(String body, int at) {
        int start = at;
        while (start > 0 && Character.isLetter(body.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /** Where the letters that start at {@code at} end ({@code at} itself if none do). */
    static int lettersEnd(String body, int at) {
        int end = at;
        while (end < body.length() && Character.isLetter(body.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Whether a space and a capitalised word stand at {@code at}. */
    static boolean capitalisedWordAt(String body, int at) {
        return at + 1 < body.length() && body.charAt(at) == ' ' && Character.isUpperCase(body.charAt(at + 1));
    }

    /**
     * Names the tagger found once are names wherever they recur in the text ("Rick Santorum" … "Santorum"): each
     * name found, and the last word of each person's name, is looked for again; occurrences the tagger missed
     * become mentions of the same type (the tagger may take "the Gliders" for a name where a sentence says what
     * they are, and miss it in the next). A one-word name is spread only where the tagger was sure of it (its
     * label beat every other, even one it could not give there): a doubtful guess would spread over the whole text.
     * A one-word name or last name the text also uses as a lower-case word ("Young", "santorum") is taken only
     * inside a sentence, where its capital means a name.
     */
    static void addRepeatedNames(String body, List<FoundName> found) {
        Map<String, FoundName> names = new LinkedHashMap<>();
        Set<String> alsoAWord = new HashSet<>();
        for (FoundName f : found) {
            int space = f.text.lastIndexOf(' ');
            if (space < 0) {
                if (f.text.length() > 2 && !NEVER_ALONE.contains(f.text) && f.margin > 0) {
                    addWord(body, f.text, f, names, alsoAWord);
                }
                continue;
            }
            names.putIfAbsent(f.text, f);
            String last = f.text.substring(space + 1);
            if (f.type == EntityType.PERSON && last.length() > 2 && Character.isUpperCase(last.charAt(0))) {
                addWord(body, last, f, names, alsoAWord);
            }
        }
        if (names.isEmpty()) {
            return;
        }
        boolean[] covered = new boolean[body.length() + 1];
        found.forEach(f -> Arrays.fill(covered, f.start, f.end, true));
        List<FoundName> added = new ArrayList<>();
        names.forEach((name, source) -> {
            for (int at = body.indexOf(name); at >= 0; at = body.indexOf(name, at + name.length())) {
                int end = at + name.length();
                if (!covered[at] && !covered[end - 1] && TermMatcher.isBoundary(body, at - 1)
                        && TermMatcher.isBoundary(body, end) && (!alsoAWord.contains(name) || midSentence(body, at))) {
                    Arrays.fill(covered, at, end, true);
                    added.add(new FoundName(at, end, name, source.type, source.margin / 2));
                }
            }
        });
        found.addAll(added);
    }

    /**
     * Adds a one-word name to look for, unless it is there already; the text is searched for the word in lower
     * case once per word, not once per name that brings it.
     */
    private static void addWord(String body, String word, FoundName source, Map<String, FoundName> names,
                                Set<String> alsoAWord) {
        if (names.putIfAbsent(word, source) == null && body.contains(" " + lower(word) + " ")) {
            alsoAWord.add(word);
        }
    }

    /** Words the tagger sometimes takes for a name on its own: never a name alone. */
    private static final Set<String> NEVER_ALONE = Set.of("I", "A", "The", "An", "It", "We", "He",
            "She", "They", "You", "This", "That", "In", "On", "At", "Of", "And", "But", "Or", "If", "So", "As", "By",
            "For", "To", "My", "Our", "Mr", "Mrs", "Ms", "Dr", "Image", "Photo", "Party", "Olympic", "Paralympic");

    /** A name has two characters or more, a capital letter or a digit ("iPhone", "3M", not "santorum"). */
    static boolean plausible(FoundName f) {
        return f.end - f.start > 1 && !NEVER_ALONE.contains(f.text) && !isContraction(f.text)
                && f.text.chars().anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
    }

    /** "I’m", "We'll": a pronoun with a contracted verb. */
    private static boolean isContraction(String text) {
        int apostrophe = Math.max(text.indexOf('\''), text.indexOf('\u2019'));
        return apostrophe > 0 && !text.endsWith("'s") && !text.endsWith("\u2019s")
                && NEVER_ALONE.contains(text.substring(0, apostrophe));
    }

    /**
     * "Syrian refugee", "Polaroid camera": a name ends in a word with a capital or a digit; lower-case words at
     * the end of a found name are dropped ("Syrian"), unless the knowledge base knows the whole ("Republican
     * party").
     */
    static void trimLowercaseTail(List<FoundName> found, String body, Predicate<String> known) {
        for (int i = 0; i < found.size(); i++) {
            FoundName f = found.get(i);
            if (known.test(f.text)) {
                continue;
            }
            int end = f.text.length();
            while (end > 0) {
                int space = f.text.lastIndexOf(' ', end - 1);
                String word = f.text.substring(space + 1, end);
                if (space < 0 || word.chars().anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))
                        || !word.chars().allMatch(Character::isLetter)) {
                    break;
                }
                end = space;
            }
            if (end < f.text.length()) {
                found.set(i, new FoundName(f.start, f.start + end, body.substring(f.start, f.start + end), f.type,
                        f.margin));
            }
        }
    }

    /**
     * "the Democratic Alliance for the Betterment of Hong Kong (DAB)": an acronym in brackets right after a name
     * names the same entity, here and wherever it recurs.
     */
    static void addParentheticalAcronyms(String body, List<FoundName> found) {
        List<FoundName> added = new ArrayList<>();
        for (FoundName f : found) {
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
                    added.add(new FoundName(at, end, acronym, f.type, f.margin));
                }
            }
        }
        found.addAll(added);
    }

    /** Whether the word at {@code at} stands inside a sentence, not at its start (quotes aside). */
    static boolean midSentence(String body, int at) {
        int i = at - 1;
        while (i >= 0 && " \"'\u201c\u2018".indexOf(body.charAt(i)) >= 0) {
            i--;
        }
        return i >= 0 && ".!?:\n".indexOf(body.charAt(i)) < 0;
    }

    static boolean afterPlaceWord(String body, int start) {
        String before = body.substring(Math.max(0, start - 4), start);
        return before.endsWith(" in ") || before.endsWith(" at ") || before.endsWith("In ") || before.endsWith("At ");
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
