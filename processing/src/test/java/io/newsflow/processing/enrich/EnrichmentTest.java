package io.newsflow.processing.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnrichmentTest {

    @Test
    void flatMentionsLeaveOutTheNamesInsideOtherNames() {
        String body = "Nick Bos of the University of Helsinki studies ants. Helsinki is cold.";
        Enrichment.Mention university = mention(body, "University of Helsinki", 0);
        Enrichment.Mention inner = mention(body, "Helsinki", 0);
        Enrichment.Mention city = mention(body, "Helsinki", university.end());
        Enrichment nested = new Enrichment("en", List.of(
                entity("University of Helsinki", EntityType.ORGANIZATION, university),
                entity("Helsinki", EntityType.LOCATION, inner, city),
                entity("Nick Bos", EntityType.PERSON, mention(body, "Nick Bos", 0))), List.of());
        Enrichment onlyInside = new Enrichment("en", List.of(
                entity("University of Helsinki", EntityType.ORGANIZATION, university),
                entity("Helsinki", EntityType.LOCATION, inner)), List.of());

        Enrichment flat = nested.withoutNestedMentions();

        assertThat(flat.entities()).extracting(Enrichment.Entity::name)
                .containsExactly("University of Helsinki", "Helsinki", "Nick Bos");
        assertThat(flat.entities().get(1).mentions()).containsExactly(city);
        assertThat(onlyInside.withoutNestedMentions().entities()).extracting(Enrichment.Entity::name)
                .containsExactly("University of Helsinki");
        assertThat(university.contains(inner)).isTrue();
        assertThat(university.contains(university)).isFalse();
        assertThat(inner.contains(university)).isFalse();
    }

    @Test
    void flatMentionsKeepAnEntityTheTitleAloneNames() {
        Enrichment.Mention brady = new Enrichment.Mention(0, 9, "Tom Brady");
        Enrichment nested = new Enrichment("en", List.of(new Enrichment.Entity("Tom Brady", EntityType.PERSON, null,
                List.of(), null, false, List.of(), List.of(brady), 0.5, 0.9)), List.of());

        assertThat(nested.withoutNestedMentions().entities()).singleElement()
                .satisfies(e -> assertThat(e.titleMentions()).containsExactly(brady));
    }

    private static Enrichment.Mention mention(String body, String text, int from) {
        int start = body.indexOf(text, from);
        return new Enrichment.Mention(start, start + text.length(), text);
    }

    private static Enrichment.Entity entity(String name, EntityType type, Enrichment.Mention... mentions) {
        return new Enrichment.Entity(name, type, null, List.of(), null, false, List.of(mentions), List.of(), 0.3, 0.9);
    }
}
