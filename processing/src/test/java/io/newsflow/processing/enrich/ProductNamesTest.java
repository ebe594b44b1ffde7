package io.newsflow.processing.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The product rules on their own, on names as the tagger or the knowledge base might have found them. */
class ProductNamesTest {

    private static List<String> extended(String marked) {
        Marked m = Marked.of(marked);
        ProductNames.extendModels(m.body(), m.found());
        return m.names();
    }

    @Test
    void aProductGoesOnThroughItsModelNumberAndEdition() {
        assertThat(extended("The [AirPods|PRODUCT] Pro 2 and the [Galaxy S24|PRODUCT] Ultra beat the"
                + " [Apple Watch|PRODUCT] Series 10, the [Boeing 787|PRODUCT]-9 and [Llama 3|PRODUCT].1 on sales."))
                .containsExactly("AirPods Pro 2|PRODUCT", "Galaxy S24 Ultra|PRODUCT", "Apple Watch Series 10|PRODUCT",
                        "Boeing 787-9|PRODUCT", "Llama 3.1|PRODUCT");
    }

    @Test
    void itStopsAtOtherWordsAtNumbersThatCountAndAtASecondNumber() {
        assertThat(extended("[ChatGPT|PRODUCT] 3 days ago, [Grok|PRODUCT] 2 million times, [GPT-4|PRODUCT] 10 tests,"
                + " [Windows 11|PRODUCT] Home users, [Gemini|PRODUCT] Pro.")).containsExactly("ChatGPT|PRODUCT",
                "Grok|PRODUCT", "GPT-4|PRODUCT", "Windows 11|PRODUCT", "Gemini Pro|PRODUCT");
    }

    @Test
    void onlyProductsAreExtended() {
        assertThat(extended("[Apple|ORGANIZATION] 2 and [Texas|LOCATION] Air")).containsExactly("Apple|ORGANIZATION",
                "Texas|LOCATION");
    }

    @Test
    void aNameTheTaggerFoundInsideTheModelPartsGoesAndOneReachingBeyondThemStops() {
        assertThat(extended("The [iPhone 16|PRODUCT] [Pro Max|PERSON] is out."))
                .containsExactly("iPhone 16 Pro Max|PRODUCT");
        assertThat(extended("The [Pixel 9|PRODUCT] [Pro Shop|ORGANIZATION] is out."))
                .containsExactly("Pixel 9|PRODUCT", "Pro Shop|ORGANIZATION");
    }

    @Test
    void theKnowledgeBasesTypeDecidesWhatIsAProduct() {
        Marked m = Marked.of("Her [AirPods|ORGANIZATION] Pro broke.");
        m.found().get(0).entry = new KnowledgeBase.Entry("AirPods", EntityType.PRODUCT, null, "AirPods", List.of(), 0.6,
                List.of());
        ProductNames.extendModels(m.body(), m.found());

        assertThat(m.found()).singleElement().satisfies(f -> {
            assertThat(f.text).isEqualTo("AirPods Pro");
            assertThat(f.entry.name()).isEqualTo("AirPods");
        });
    }

    @Test
    void aCapitalisedWordANumberAndAnEditionNameAModelInMidSentence() {
        Marked m = Marked.of("[Huawei|ORGANIZATION] said the Mate 60 Pro and Pixel 9 Pro XL sold well. Sold 3 Pro units"
                + " to the 65 Air Division and [Tier 2 Plus|ORGANIZATION] partners.");
        ProductNames.addModelNames(m.body(), m.found());

        assertThat(m.names()).containsExactly("Huawei|ORGANIZATION", "Tier 2 Plus|ORGANIZATION", "Mate 60 Pro|PRODUCT",
                "Pixel 9 Pro XL|PRODUCT");
    }
}
