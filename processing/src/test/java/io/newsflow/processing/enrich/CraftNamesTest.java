package io.newsflow.processing.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules for ships' and spacecraft's names on their own, with a small knowledge base. */
class CraftNamesTest {

    private static final KnowledgeBase.Entry DISCOVERY = entry("Space Shuttle Discovery", EntityType.PRODUCT, 0.5);

    private static final Map<String, List<KnowledgeBase.Entry>> KB = Map.of(
            "Space Shuttle Discovery", List.of(DISCOVERY),
            "Iran", List.of(entry("Iran", EntityType.LOCATION, 0.93)),
            "Estonia", List.of(entry("Estonia", EntityType.LOCATION, 0.83)),
            "Dali", List.of(entry("Dali", EntityType.LOCATION, 0.21)),
            "Blackwell", List.of(entry("Blackwell", EntityType.PRODUCT, 0.5)),
            "SpaceX", List.of(entry("SpaceX", EntityType.ORGANIZATION, 0.7)),
            "Mars", List.of(entry("Mars", EntityType.LOCATION, 0.8)),
            "MV Agusta", List.of(entry("MV Agusta", EntityType.ORGANIZATION, 0.3)));

    private static KnowledgeBase.Entry entry(String name, EntityType type, double prior) {
        return new KnowledgeBase.Entry(name, type, null, name, List.of(), prior, List.of());
    }

    private static Marked crafts(String marked) {
        Marked m = Marked.of(marked);
        CraftNames.addCraftNames(m.body(), m.found(), KB::get, Set.of("Ukrainian", "Russian"));
        m.found().sort((a, b) -> Integer.compare(a.start, b.start));
        return m;
    }

    @Test
    void aPrefixIsPartOfTheCraftsName() {
        assertThat(crafts("USS [Gerald R. Ford|PERSON] sailed with HMS Prince of Wales, Space Shuttle"
                + " [Columbia|LOCATION] and the [MV Wakashio|ORGANIZATION].").names())
                .containsExactly("USS Gerald R. Ford|PRODUCT", "HMS Prince of Wales|PRODUCT",
                        "Space Shuttle Columbia|PRODUCT", "MV Wakashio|PRODUCT");
    }

    @Test
    void aPrefixNamesNoCraftInATitleCaseLineBeforeAProgrammeOrInACompanysName() {
        assertThat(crafts("USS Arizona Memorial Reopens To Visitors\nThe end of the [Space Shuttle|PRODUCT] Program"
                + " and the [MV Agusta|ORGANIZATION] motorcycle.").names())
                .containsExactly("Space Shuttle|PRODUCT", "MV Agusta|ORGANIZATION");
    }

    @Test
    void aNameAfterAWordForACraftIsTheCraft() {
        assertThat(crafts("The container ship [Dali|LOCATION] lost power; the Russian cruiser [Moskva|LOCATION], the"
                + " aircraft carrier [Charles de Gaulle|PERSON], the car carrier Galaxy Leader and the research"
                + " icebreaker Polarstern did not.").names())
                .containsExactly("Dali|PRODUCT", "Moskva|PRODUCT", "Charles de Gaulle|PRODUCT", "Galaxy Leader|PRODUCT",
                        "Polarstern|PRODUCT");
    }

    @Test
    void notAfterAVerbNorSomeoneWhoActsNorADay() {
        String text = "Nvidia will ship [Blackwell|PRODUCT] chips, barges ferry Ukrainian grain, the tanker [Iran|LOCATION]"
                + " seized was empty, the ship [Theseus|PERSON] used was kept, the ferry [Estonia|LOCATION] sank, and the"
                + " ship Monday.";
        assertThat(crafts(text).names())
                .containsExactly("Blackwell|PRODUCT", "Iran|LOCATION", "Theseus|PERSON", "Estonia|LOCATION");
    }

    @Test
    void aNameBeforeAWordForASpacecraftIsTheCraftWithoutItsMakerOrPlace() {
        assertThat(crafts("NASA's [Perseverance rover|ORGANIZATION] met the [SpaceX|ORGANIZATION] Falcon 9 rocket,"
                + " Europe's Ariane 6 rocket, Intuitive Machines' Odysseus lander and the [Mars|LOCATION] rover.").names())
                .containsExactly("Perseverance|PRODUCT", "SpaceX|ORGANIZATION", "Falcon 9|PRODUCT", "Ariane 6|PRODUCT",
                        "Odysseus|PRODUCT", "Mars|LOCATION");
    }

    @Test
    void notAnAdjectiveNorOneWordAtASentencesStart() {
        assertThat(crafts("Lunar landers are cheap. So are the Galilean satellites and Russian rockets.").names())
                .isEmpty();
    }

    @Test
    void theCraftsOtherMentionsAreTheCraftExceptAfterIn() {
        Marked m = crafts("Space Shuttle Discovery flew. [Discovery|ORGANIZATION] has retired, and Discovery's crew"
                + " too. The ferry [Sounion|LOCATION] burned. Tourists dined in [Sounion|LOCATION].");
        assertThat(m.names()).containsExactly("Space Shuttle Discovery|PRODUCT", "Discovery|PRODUCT",
                "Discovery|PRODUCT", "Sounion|PRODUCT", "Sounion|LOCATION");
        assertThat(m.found().subList(0, 3)).allSatisfy(f -> assertThat(f.entry).isSameAs(DISCOVERY));
    }
}
