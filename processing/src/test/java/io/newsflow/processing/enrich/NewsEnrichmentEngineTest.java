package io.newsflow.processing.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine on the real sample article: the tags a reader of it would expect. */
class NewsEnrichmentEngineTest {

    private static NewsEnrichmentEngine engine;
    private static String body;
    private static Enrichment result;

    @BeforeAll
    static void tagSample() throws Exception {
        engine = NewsEnrichmentEngine.loadDefault();
        String text = Files.readString(Path.of("../samples/articles/musk-interview.txt"));
        body = text.substring(text.indexOf("\n\n") + 2);
        result = engine.enrich(null, body);
    }

    private static Map<String, Enrichment.Entity> byName() {
        return result.entities().stream().collect(Collectors.toMap(Enrichment.Entity::name, Function.identity()));
    }

    @Test
    void anArticleIsTaggedAlikeWhateverTheEngineTaggedBefore() throws Exception {
        // the engine reuses per-document buffers and sets; nothing of one article may leak into the next
        try (var samples = Files.list(Path.of("../samples/articles"))) {
            for (Path sample : samples.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                engine.enrich(null, Files.readString(sample));
            }
        }
        assertThat(engine.enrich(null, body)).isEqualTo(result);
        assertThat(NewsEnrichmentEngine.loadDefault().enrich(null, body)).isEqualTo(result);
    }

    @Test
    void tagsPeopleOrganisationsPlacesAndProducts() {
        Map<String, Enrichment.Entity> entities = byName();

        assertThat(entities.get("Elon Musk").type()).isEqualTo(EntityType.PERSON);
        assertThat(entities.get("Elon Musk").id()).isEqualTo("wikidata:Q317521");
        assertThat(entities.get("Larry Page").type()).isEqualTo(EntityType.PERSON);
        assertThat(entities.get("Jordan Peterson").type()).isEqualTo(EntityType.PERSON);
        assertThat(entities.get("OpenAI").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(entities.get("xAI").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(entities.get("University of Toronto").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(entities.get("Memphis").type()).isEqualTo(EntityType.LOCATION);
        assertThat(entities.get("Memphis").wikipedia()).isEqualTo("Memphis, Tennessee");
        assertThat(entities.get("Grok-3").type()).isEqualTo(EntityType.PRODUCT);
        assertThat(entities.get("GPT-4").type()).isEqualTo(EntityType.PRODUCT);
        assertThat(entities.get("Nvidia H100").type()).isEqualTo(EntityType.PRODUCT);
    }

    @Test
    void resolvesTheLastNameToThePersonNamedBefore() {
        Enrichment.Entity musk = byName().get("Elon Musk");

        assertThat(musk.mentions()).extracting(Enrichment.Mention::text).contains("Elon Musk", "Musk");
        assertThat(musk.mentions()).hasSizeGreaterThan(5);
        assertThat(result.entities().get(0).name()).as("most salient").isEqualTo("Elon Musk");
    }

    @Test
    void mentionOffsetsPointIntoTheBody() {
        for (Enrichment.Entity entity : result.entities()) {
            for (Enrichment.Mention m : entity.mentions()) {
                assertThat(body.substring(m.start(), m.end())).isEqualTo(m.text());
            }
        }
    }

    @Test
    void saliencesSumToOne() {
        assertThat(result.entities().stream().mapToDouble(Enrichment.Entity::salience).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void topicIsScienceAndTechnologyInEnglish() {
        assertThat(result.language()).isEqualTo("en");
        assertThat(result.topics().get(0).code()).isEqualTo("medtop:13000000");
        assertThat(result.topics().get(0).label()).isEqualTo("science and technology");
        assertThat(result.topics().get(0).evidence()).contains("artificial intelligence");
    }

    @Test
    void carriesVersions() {
        assertThat(engine.engineVersion()).isEqualTo(NewsEnrichmentEngine.ENGINE_VERSION);
        assertThat(engine.kbVersion()).isNotBlank();
    }

    @Test
    void textInAnotherLanguageIsFlaggedAndGetsOnlyKnownNames() {
        Enrichment german = engine.enrich("Kanzler in Paris", "Der Bundeskanzler ist am Montag nach Paris gereist. "
                + "Die Gespräche mit dem französischen Präsidenten über die Ukraine und die Zukunft der Europäischen "
                + "Union dauerten bis in den Abend, und es wurde nicht über Zölle gesprochen.");

        assertThat(german.language()).isEqualTo("de");
        assertThat(german.topics()).isEmpty();
        assertThat(german.entities()).extracting(Enrichment.Entity::name).contains("Paris", "Ukraine")
                .doesNotContain("Bundeskanzler", "Gespräche", "Abend", "Zukunft");
        assertThat(german.entities()).allSatisfy(e -> assertThat(e.id()).isNotNull());
    }

    @Test
    void anUpdateAddsEntitiesReplacesTheLexiconAndNamesItselfInTheVersion() {
        String text = "Zorblax Dynamics said on Monday that its chief, Mira Quell, will open a plant in Memphis.";
        NewsEnrichmentEngine updated = NewsEnrichmentEngine.withKnowledge("test-update-1",
                "ORGANIZATION\tZorblax Dynamics\twikidata:Q999999901\tZorblax Dynamics\tZorblax\n",
                "medtop:04000000\teconomy, business and finance\tplant:2\n");

        Enrichment before = engine.enrich(null, text);
        Enrichment after = updated.enrich(null, text);

        assertThat(before.entities()).filteredOn(e -> e.name().equals("Zorblax Dynamics"))
                .allSatisfy(e -> assertThat(e.id()).isNull());
        assertThat(after.entities()).filteredOn(e -> e.name().equals("Zorblax Dynamics")).singleElement()
                .satisfies(e -> assertThat(e.id()).isEqualTo("wikidata:Q999999901"));
        assertThat(updated.kbVersion()).contains("+ test-update-1").isNotEqualTo(engine.kbVersion());
        assertThat(after.entities()).extracting(Enrichment.Entity::name).contains("Memphis");
        assertThat(after.topics()).singleElement().satisfies(t -> {
            assertThat(t.code()).isEqualTo("medtop:04000000");
            assertThat(t.evidence()).containsExactly("plant");
        });
    }

    @Test
    void aMalformedUpdateIsRefusedNamingTheLine() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NewsEnrichmentEngine.withKnowledge("bad",
                        "PERSON\tAda\nPLANET\tMars\n", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entities of update bad:2: unknown entity type 'PLANET'");
    }

    @Test
    void emptyTextHasNoTags() {
        Enrichment empty = engine.enrich(null, "...");

        assertThat(empty.entities()).isEmpty();
        assertThat(empty.topics()).isEmpty();
        assertThat(empty.language()).isEqualTo(LanguageDetector.UNDETERMINED);
    }
}
