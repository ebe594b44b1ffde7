package io.newsflow.processing.enrich;

import io.newsflow.processing.enrich.ner.FirstNames;
import io.newsflow.processing.enrich.ner.Gazetteer;
import io.newsflow.processing.enrich.ner.NerModel;
import io.newsflow.processing.enrich.ner.NerTagger;
import io.newsflow.processing.enrich.ner.WordClusters;
import io.newsflow.processing.enrich.text.Tokenizer;
import io.newsflow.processing.enrich.text.Tokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the entities of a text and what they are: a trained tagger ({@link NerTagger}) finds names, including
 * names no list knows; rules around it fix what a sentence-by-sentence tagger cannot see ({@link NameRules});
 * the knowledge base links names to canonical entities and adds what it knows ({@link Linker}); in a sports
 * story nations become their teams ({@link NationalTeams}); mentions of one entity are grouped into entities
 * with salience and confidence ({@link EntityGroups}). Not thread-safe: one instance per thread.
 */
public final class EntityTagger {

    private final Tokenizer tokenizer = new Tokenizer();
    private final NerTagger tagger;
    private final Linker linker;
    private final Set<String> demonyms = Demonyms.loadDefault();
    private final FirstNames firstNames;

    public EntityTagger(KnowledgeBase kb, NerModel model, WordClusters clusters, FirstNames firstNames) {
        this.tagger = new NerTagger(model, clusters, firstNames);
        this.linker = new Linker(kb);
        this.firstNames = firstNames;
    }

    public List<Enrichment.Entity> tag(String title, String body) {
        return tag(title, body, false);
    }

    /**
     * The entities of an article, from its body and its title. The title is tagged as a paragraph after the body
     * (so the tagger reads the body as it would without it), unless the body begins with it, when its names are the
     * body's; its names join the body's entities or are entities of their own, with mentions in the title
     * ({@link #keepTitleNames}).
     *
     * @param sportsStory the text is about sport: a nation named in a sentence about a match is its team
     *     ("Belgium beat Panama 3-0"), and a place a club's name holds the club ("Edmonton now trails the series"),
     *     an organisation, not the place
     */
    public List<Enrichment.Entity> tag(String title, String body, boolean sportsStory) {
        if (title == null || title.isBlank() || body.startsWith(title.strip())) {
            return EntityGroups.entities(title, body.length(), Integer.MAX_VALUE,
                    EntityGroups.group(body, names(body, Integer.MAX_VALUE, sportsStory)));
        }
        String text = body + TITLE_SEPARATOR + title;
        int titleStart = body.length() + TITLE_SEPARATOR.length();
        List<FoundName> found = names(text, titleStart, sportsStory);
        keepTitleNames(text, titleStart, found, false);
        return EntityGroups.entities(title, body.length(), titleStart, EntityGroups.group(text, found));
    }

    /** What stands between the body and the title in the text whose names are grouped into entities. */
    private static final String TITLE_SEPARATOR = "\n\n";

    /**
     * A headline in Title Case capitalises every word, so the names the tagger finds in it are kept only where
     * something else vouches for them: the body names them too (or a longer name whose short form they are: "Trump"
     * of "Donald Trump"), the knowledge base holds them under a name of two words or more or as a prominent one-word
     * name ("Texas", not "Freed"), they are a place it holds after a word that introduces places ("… Killed Three
     * In Leeds"), or they are a person's full name with a first name the tagger knows ("Tom Brady"; not "Mark The
     * Royal"). "Football Analyst" and "Trump Vetoes" in "Trump Vetoes Latest Effort …" are not
     * kept; "Trump" is. Names found in a headline in sentence case are kept, as in the body.
     *
     * @param oneWordOnly only one-word names are judged: before the rules that spread a name to its other mentions,
     *     so that a word the headline capitalises ("Stocks Tumble …") does not become a name in the body, and before
     *     the names the knowledge base holds inside a longer name are found ("Texas" in "Texas Man")
     */
    private void keepTitleNames(String text, int titleStart, List<FoundName> found, boolean oneWordOnly) {
        if (titleStart >= text.length() || !NameRules.inTitleCaseLine(text, titleStart)) {
            return;
        }
        Set<String> bodyNames = new HashSet<>();
        for (FoundName f : found) {
            int space = f.text.lastIndexOf(' ');
            if (f.start < titleStart) {
                bodyNames.add(f.text);
                if (f.type == EntityType.PERSON && space > 0) {
                    bodyNames.add(f.text.substring(space + 1));
                }
            }
        }
        found.removeIf(f -> f.start >= titleStart && !(oneWordOnly && f.text.indexOf(' ') > 0)
                && !(bodyNames.contains(f.text) || isKnown(f) || isFullNameWithAFirstName(f)
                        || isPlaceAfterPreposition(text, f)));
    }

    /** A place the knowledge base holds, however small, after a word that introduces places ("… Crash In Leeds"). */
    private boolean isPlaceAfterPreposition(String text, FoundName f) {
        int word = NameRules.wordBefore(text, f.start);
        return f.type == EntityType.LOCATION && word >= 0
                && PLACE_PREPOSITIONS.contains(text.substring(word, f.start - 1))
                && linker.knownTypes(f.text).contains(EntityType.LOCATION);
    }

    private static final Set<String> PLACE_PREPOSITIONS = Set.of("In", "Near", "From", "To", "At", "Across", "Outside",
            "Off", "Around");

    /**
     * Whether the knowledge base holds the name, or the entry it is linked to ("Black Friday 2019" to "Black
     * Friday"), as a name of two words or more or as a prominent one.
     */
    private boolean isKnown(FoundName f) {
        List<KnowledgeBase.Entry> entries = linker.candidates(f.text);
        KnowledgeBase.Entry entry = f.entry != null ? f.entry : entries == null ? null : entries.get(0);
        return entry != null && (f.text.indexOf(' ') > 0 || entry.prior() >= PROMINENT);
    }

    private boolean isFullNameWithAFirstName(FoundName f) {
        int space = f.text.indexOf(' ');
        return f.type == EntityType.PERSON && space > 0 && !SMALL_WORDS.matcher(f.text).find()
                && firstNames.contains(f.text.substring(0, space));
    }

    /** Small words a Title Case headline capitalises, which no person's name holds ("… To Mark The Royal's Day"). */
    private static final Pattern SMALL_WORDS = Pattern.compile(" (?:The|Of|And|For|To|In|On|At|With|By|A|An)\\b");

    /** The least prior of a one-word name the knowledge base holds that a Title Case headline's word is taken for. */
    private static final double PROMINENT = 0.5;

    /**
     * The names found in a text, typed and linked: the tagger's, refined by the rules. The text may end in the
     * article's title, from {@code titleStart} on ({@link #keepTitleNames}).
     */
    private List<FoundName> names(String body, int titleStart, boolean sportsStory) {
        Tokens tokens = tokenizer.tokenize(body);
        List<TermMatcher.Match<Linker.Known>> known = linker.find(body);
        List<FoundName> found = new ArrayList<>();
        for (NerTagger.Span span : tagger.tag(tokens, Gazetteer.mark(tokens, known, Linker.Known::types))) {
            if (span.type() != EntityType.OTHER) {
                found.add(new FoundName(span.start(), span.end(), body.substring(span.start(), span.end()), span.type(),
                        span.margin()));
            }
        }
        NameRules.trimDateWords(found, body);
        NameRules.trimTitles(found, body);
        NameRules.trimOpeners(found, body);
        NameRules.splitAtVerbs(found, body);
        NameRules.trimLowercaseTail(found, body, linker::knows);
        NameRules.stripArticles(found, body);
        NameRules.addGreat(body, found);
        NameRules.joinInstitutionNames(body, found);
        NameRules.institutionsOfPlaces(body, found);
        NameRules.extendHeadWordsRight(body, found);
        NameRules.joinPossessiveInstitutions(body, found);
        NameRules.joinSplitPossessives(body, found);
        NameRules.extendArabicArticles(body, found);
        NameRules.extendInstitutionNames(body, found, linker::knows, demonyms);
        NameRules.extendFieldLists(body, found, linker::knows);
        NameRules.joinAdjacent(body, found, linker::knows, firstNames::contains);
        NameRules.trimOrdinals(found, body, linker::knows);
        NameRules.trimTrailingTitles(body, found, linker::knowsPerson);
        found.removeIf(f -> !NameRules.plausible(f) || demonyms.contains(f.text));
        NameRules.addFirstNames(body, found, linker::knows, demonyms);
        NameRules.addNameParts(body, found, linker::knows, firstNames::contains, demonyms);
        NameRules.splitPeopleOff(body, found);
        NameRules.extendHeadWordsLeft(body, found, demonyms);
        NameRules.joinNamesSplitAtAnd(body, found, linker::knows, demonyms);
        NameRules.placesNamedAfterPeople(body, found);
        NameRules.organisationsAfterTheirKind(body, found, linker::knownTypes);
        NameRules.joinDemonymOrganisations(body, found, demonyms);
        NameRules.addParentheticalAcronyms(body, found);
        keepTitleNames(body, titleStart, found, true);
        NameRules.addRepeatedNames(body, found);
        NameRules.organisationsShortForms(found, linker::knownTypes);
        EventNames.namedStorms(body, found);
        EventNames.namedEvents(body, found, demonyms, linker::knownTypes);
        linker.addKnownNames(body, known, found);
        NameRules.dropFieldsOfTitles(body, found); // after the known names: "Labour | Minister" is no party
        NameRules.celestialBodies(body, found);
        NameRules.attributiveNames(body, found, linker::knownTypes, demonyms);
        ProductNames.addModelNames(body, found);
        ProductNames.addMakersModels(body, found, linker::knownTypes, linker::makesProducts);
        ProductNames.addNamedModels(body, found, linker::knownTypes, linker::makesProducts);
        ProductNames.addCodesBeforeProductNouns(body, found);
        ProductNames.addNumberedLines(body, found, linker::knownTypes);
        found.forEach(f -> linker.link(f, body));
        NameRules.companySuffixes(body, found);
        NameRules.restorePlaceArticles(found, body);
        ProductNames.addLineWords(body, found, linker::knownTypes);
        ProductNames.extendModels(body, found);
        ProductNames.joinMakers(body, found);
        ProductNames.linkToLines(found, linker);
        NameRules.typesByLastWord(found);
        NameRules.placesByTheirKind(body, found, linker::knownTypes);
        NameRules.dropDiseasePlaces(body, found);
        EventNames.eventYearsAndEditions(body, found);
        linker.addNestedNames(body, found);
        CraftNames.addCraftNames(body, found, linker::candidates, demonyms);
        found.sort(Comparator.comparingInt(f -> f.start));
        linker.disambiguate(body, found);
        if (sportsStory) {
            SportsTeams.nationsAsTeams(body, tokens, found, linker);
            SportsTeams.placesAsClubs(body, tokens, found);
        }
        return found;
    }

    /**
     * Only the names the knowledge base knows, linked — for text in a language the tagger was not trained on,
     * where a capitalised word says little (German capitalises every noun) but "Berlin" is still Berlin.
     */
    public List<Enrichment.Entity> tagKnown(String title, String body) {
        List<FoundName> found = new ArrayList<>();
        for (TermMatcher.Match<Linker.Known> match : linker.find(body)) {
            FoundName f = new FoundName(match.start(), match.end(), body.substring(match.start(), match.end()),
                    match.value().first().type(), 1.0);
            linker.link(f);
            found.add(f);
        }
        return EntityGroups.entities(title, body.length(), Integer.MAX_VALUE, EntityGroups.group(body, found));
    }
}
