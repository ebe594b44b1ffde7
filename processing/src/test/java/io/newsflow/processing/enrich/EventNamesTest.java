package io.newsflow.processing.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules for events' names on their own, on names as the tagger might have found them. */
class EventNamesTest {

    @Test
    void aPlaceOrAPeoplesAdjectiveBeforeAnEventsWordsNamesAnEvent() {
        Marked m = Marked.of("[Sinner|PERSON] won the [US|ORGANIZATION] Open, the [Miami|LOCATION] Open and the Dutch Grand"
                + " Prix; [Google|ORGANIZATION] Open Source, [Apple|ORGANIZATION] Open AI, Keep It Open and the Open stay."
                + " The [Tokyo|LOCATION] Marathon, the [Paris|LOCATION] Motor Show, the [Frankfurt Book|LOCATION] Fair,"
                + " a Marathon and [Nike|ORGANIZATION] Marathon Shoes.");
        EventNames.namedEvents(m.body(), m.found(), Set.of("Dutch"), name -> Set.of());

        assertThat(m.names()).containsExactly("Sinner|PERSON", "Google|ORGANIZATION", "Apple|ORGANIZATION",
                "Nike|ORGANIZATION", "US Open|EVENT", "Miami Open|EVENT", "Dutch Grand Prix|EVENT",
                "Tokyo Marathon|EVENT", "Paris Motor Show|EVENT", "Frankfurt Book Fair|EVENT");
    }

    @Test
    void mastersAndFinalsAfterAPlaceOrAnOrganisationNameATournament() {
        Marked m = Marked.of("He left the [Paris|LOCATION] Masters for the ATP Finals and the NBA Finals; [Oliver Masters|PERSON]"
                + " and the Finals stay.");
        EventNames.namedEvents(m.body(), m.found(), Set.of(),
                name -> name.equals("ATP") ? Set.of(EntityType.ORGANIZATION) : Set.of());

        assertThat(m.names()).containsExactly("Oliver Masters|PERSON", "Paris Masters|EVENT", "ATP Finals|EVENT");
    }

    @Test
    void anEventsYearNumberAndEditionArePartOfItsName() {
        Marked m = Marked.of("at [CES|EVENT] 2026, [COP|EVENT] 30 in Belém, won the [World Cup|EVENT] 3 times, the 97th"
                + " [Academy Awards|EVENT], at the [Beijing|LOCATION] 2022 opening ceremony, ([London|LOCATION] 1973),"
                + " the [Premier League|EVENT] 2024-25, [Gamescom 2025|LOCATION], [Vision 2030|ORGANIZATION], the"
                + " [Referendum Act 2015|ORGANIZATION], at Ignite 2025, at Summer 2025, support for Office 2016.");
        EventNames.eventYearsAndEditions(m.body(), m.found());

        assertThat(m.names()).containsExactly("CES 2026|EVENT", "COP 30|EVENT", "World Cup|EVENT",
                "97th Academy Awards|EVENT", "Beijing 2022|EVENT", "London|LOCATION", "Premier League|EVENT",
                "Gamescom 2025|EVENT", "Vision 2030|ORGANIZATION", "Referendum Act 2015|ORGANIZATION",
                "Ignite 2025|EVENT");
    }
}
