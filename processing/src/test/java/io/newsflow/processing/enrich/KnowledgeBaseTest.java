package io.newsflow.processing.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The knowledge base file format, and the bundled knowledge base that kb/build.mjs generates. */
class KnowledgeBaseTest {

    private static KnowledgeBase bundled;

    @BeforeAll
    static void loadBundled() {
        bundled = KnowledgeBase.loadDefault();
    }

    private static KnowledgeBase parse(String text) throws Exception {
        return KnowledgeBase.parse("test.tsv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The first entry naming a surface form, as the tagger resolves it. */
    private static KnowledgeBase.Entry firstNamed(String form) {
        return bundled.entries().stream()
                .filter(e -> e.name().equals(form) || e.aliases().contains(form))
                .findFirst().orElseThrow(() -> new AssertionError("no entry named " + form));
    }

    @Test
    void readsPriorAndExtraIds() throws Exception {
        KnowledgeBase kb = parse("#version\tt1\n"
                + "LOCATION\tUnited States\twikidata:Q30\tUnited States\tU.S.|US\t0.970\tiso3166:US|geonames:6252001\n");

        KnowledgeBase.Entry us = kb.entries().get(0);
        assertThat(kb.version()).isEqualTo("t1");
        assertThat(us.aliases()).containsExactly("U.S.", "US");
        assertThat(us.prior()).isEqualTo(0.97);
        assertThat(us.extraIds()).containsExactly("iso3166:US", "geonames:6252001");
    }

    @Test
    void readsFiveColumnLinesWithTheDefaultPrior() throws Exception {
        KnowledgeBase kb = parse("#version\tt1\n# a comment\nPERSON\tElon Musk\twikidata:Q317521\tElon Musk\t\n"
                + "PRODUCT\tGrok\n");

        assertThat(kb.entries()).extracting(KnowledgeBase.Entry::prior)
                .containsExactly(KnowledgeBase.DEFAULT_PRIOR, KnowledgeBase.DEFAULT_PRIOR);
        assertThat(kb.entries().get(0).extraIds()).isEmpty();
        assertThat(kb.entries().get(1).id()).isNull();
    }

    @Test
    void ignoresColumnsAfterTheSeventh() throws Exception {
        KnowledgeBase kb = parse("#version\tt1\nORGANIZATION\tNASA\t\t\t\t0.9\t\tsomething later\n");

        assertThat(kb.entries().get(0).prior()).isEqualTo(0.9);
    }

    @Test
    void rejectsPriorOutsideZeroToOne() {
        assertThatThrownBy(() -> parse("#version\tt1\nPERSON\tA\t\t\t\t1.5\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test.tsv:2");
        assertThatThrownBy(() -> parse("#version\tt1\nPERSON\tA\t\t\t\t0\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("#version\tt1\nPERSON\tA\t\t\t\thigh\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'high'");
    }

    @Test
    void bundledKnowledgeBaseIsSortedByPrior() {
        List<KnowledgeBase.Entry> entries = bundled.entries();

        assertThat(bundled.version()).isEqualTo("2026.11.28-kb14");
        assertThat(entries).hasSizeGreaterThan(10_000);
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).prior()).as("line of %s", entries.get(i).name())
                    .isLessThanOrEqualTo(entries.get(i - 1).prior());
        }
        assertThat(entries.stream().map(KnowledgeBase.Entry::type).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION,
                        EntityType.PRODUCT, EntityType.EVENT);
    }

    @Test
    void bundledKnowledgeBaseRanksAmbiguousNamesByPrior() {
        assertThat(firstNamed("Memphis").wikipedia()).isEqualTo("Memphis, Tennessee");
        assertThat(firstNamed("Paris").extraIds()).contains("geonames:2988507");
        assertThat(firstNamed("New York").name()).isEqualTo("New York City");
        assertThat(firstNamed("Washington").name()).isEqualTo("Washington, D.C.");
        assertThat(firstNamed("Georgia").wikipedia()).isEqualTo("Georgia (U.S. state)");
        assertThat(firstNamed("FAA").name()).isEqualTo("Federal Aviation Administration");
    }

    @Test
    void bundledKnowledgeBaseHasIdsAndAliases() {
        Map<String, KnowledgeBase.Entry> byName = bundled.entries().stream()
                .collect(Collectors.toMap(e -> e.type() + "/" + e.name(), Function.identity()));

        KnowledgeBase.Entry us = byName.get("LOCATION/United States");
        assertThat(us.id()).isEqualTo("wikidata:Q30");
        assertThat(us.aliases()).contains("U.S.", "US", "USA", "America");
        assertThat(us.extraIds()).contains("iso3166:US");
        assertThat(byName.get("PERSON/Elon Musk").id()).isEqualTo("wikidata:Q317521");
        assertThat(byName.get("LOCATION/Tennessee").extraIds()).contains("iso3166:US-TN");
    }
}
