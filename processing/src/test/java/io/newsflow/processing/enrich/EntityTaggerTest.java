package io.newsflow.processing.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.processing.enrich.ner.NerModel;
import io.newsflow.processing.enrich.ner.WordClusters;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules around the trained tagger: grouping, linking, repeated names, nested names, articles. */
class EntityTaggerTest {

    private static EntityTagger tagger;

    @BeforeAll
    static void load() {
        tagger = new EntityTagger(KnowledgeBase.loadDefault(), NerModel.loadDefault(), WordClusters.loadDefault());
    }

    private static Enrichment.Entity named(List<Enrichment.Entity> entities, String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + entities));
    }

    @Test
    void aLastNameLaterInTheTextIsTheSamePerson() {
        String body = "Senator Rick Santorum spoke on Tuesday. Reporters asked whether Santorum would run, "
                + "and Santorum said he would decide soon.";
        Enrichment.Entity santorum = named(tagger.tag(null, body), "Rick Santorum");

        assertThat(santorum.type()).isEqualTo(EntityType.PERSON);
        assertThat(santorum.mentions()).extracting(Enrichment.Mention::text).containsExactly("Rick Santorum", "Santorum", "Santorum");
    }

    @Test
    void linksKnownEntitiesWithTheKnowledgeBasesTypeAndIds() {
        List<Enrichment.Entity> entities = tagger.tag(null, "OpenAI and Google are racing to build better models, said Sam Altman.");

        assertThat(named(entities, "OpenAI").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "OpenAI").id()).isEqualTo("wikidata:Q21708200");
        assertThat(named(entities, "Sam Altman").wikipedia()).isEqualTo("Sam Altman");
    }

    @Test
    void placesInsideOrganisationNamesAreMentionsToo() {
        List<Enrichment.Entity> entities = tagger.tag(null, "Jordan Peterson is a professor at the University of Toronto in Canada.");

        assertThat(named(entities, "University of Toronto").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "Toronto").type()).isEqualTo(EntityType.LOCATION);
    }

    @Test
    void theLeadingArticleIsNotPartOfTheName() {
        List<Enrichment.Entity> entities = tagger.tag(null, "The study was published in The New York Times on Monday.");

        assertThat(entities).extracting(Enrichment.Entity::name).contains("New York Times").doesNotContain("The New York Times");
    }
}
