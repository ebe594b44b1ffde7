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
import java.util.List;
import java.util.Set;

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
     * @param sportsStory the text is about sport: a nation named in a sentence about a match is its team
     *     ("Belgium beat Panama 3-0"), an organisation, not the place
     */
    public List<Enrichment.Entity> tag(String title, String body, boolean sportsStory) {
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
        NameRules.trimLowercaseTail(found, body, linker::knows);
        NameRules.stripArticles(found, body);
        NameRules.joinInstitutionNames(body, found);
        NameRules.extendInstitutionNames(body, found, linker::knows, demonyms);
        NameRules.joinAdjacent(body, found, linker::knows, firstNames::contains);
        NameRules.trimOrdinals(found, body, linker::knows);
        NameRules.trimTrailingTitles(body, found, linker::knowsPerson);
        found.removeIf(f -> !NameRules.plausible(f) || demonyms.contains(f.text));
        NameRules.addFirstNames(body, found, linker::knows, demonyms);
        NameRules.extendHeadWordsLeft(body, found, demonyms);
        NameRules.joinDemonymOrganisations(body, found, demonyms);
        NameRules.addParentheticalAcronyms(body, found);
        NameRules.addRepeatedNames(body, found);
        EventNames.namedStorms(body, found);
        EventNames.namedEvents(body, found, demonyms);
        linker.addKnownNames(body, known, found);
        ProductNames.addModelNames(body, found);
        ProductNames.addMakersModels(body, found, linker::knownTypes, linker::makesProducts);
        ProductNames.addNamedModels(body, found, linker::knownTypes, linker::makesProducts);
        ProductNames.addCodesBeforeProductNouns(body, found);
        ProductNames.addNumberedLines(body, found, linker::knownTypes);
        found.forEach(f -> linker.link(f, body));
        ProductNames.addLineWords(body, found, linker::knownTypes);
        ProductNames.extendModels(body, found);
        ProductNames.joinMakers(body, found);
        ProductNames.linkToLines(found, linker);
        NameRules.typesByLastWord(found);
        EventNames.eventYearsAndEditions(body, found);
        linker.addNestedNames(body, found);
        CraftNames.addCraftNames(body, found, linker::candidates, demonyms);
        found.sort(Comparator.comparingInt(f -> f.start));
        linker.disambiguate(body, found);
        if (sportsStory) {
            NationalTeams.nationsAsTeams(body, tokens, found, linker);
        }
        return EntityGroups.entities(title, body.length(), EntityGroups.group(body, found));
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
        return EntityGroups.entities(title, body.length(), EntityGroups.group(body, found));
    }
}
