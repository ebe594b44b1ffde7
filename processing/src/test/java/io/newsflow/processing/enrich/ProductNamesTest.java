package io.newsflow.processing.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
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
    void aNumberedModelTakesItsGenerationAndALanguageModelItsSize() {
        assertThat(extended("The [Sony A7|PRODUCT] IV, the [EOS R5|PRODUCT] Mark II, [Llama 3.1|PRODUCT] 405B,"
                + " [Gemini 2.0|PRODUCT] Flash and [Claude|PRODUCT] Opus 4; not [Windows|PRODUCT] II or"
                + " [Grok|PRODUCT] 70B."))
                .containsExactly("Sony A7 IV|PRODUCT", "EOS R5 Mark II|PRODUCT", "Llama 3.1 405B|PRODUCT",
                        "Gemini 2.0 Flash|PRODUCT", "Claude Opus 4|PRODUCT", "Windows|PRODUCT", "Grok|PRODUCT");
    }

    @Test
    void aLineWordAndItsNumberOrACodeGoOnAModelWithoutANumberYet() {
        assertThat(extended("The [Samsung Galaxy|PRODUCT] Watch 7, the [Nvidia GeForce|PRODUCT] RTX 5080, the"
                + " [Ryzen 7|PRODUCT] 9800X3D and the [Sony Xperia 1|PRODUCT] VI; not [Windows|PRODUCT] Server 2022,"
                + " [Galaxy|PRODUCT] Event 3 days ago, [iPhone 16|PRODUCT] Event 2, [Starship|PRODUCT] Flight 7,"
                + " [Fortnite|PRODUCT] Chapter 6 or [iPhone 16 Pro|PRODUCT] 256GB."))
                .containsExactly("Samsung Galaxy Watch 7|PRODUCT", "Nvidia GeForce RTX 5080|PRODUCT",
                        "Ryzen 7 9800X3D|PRODUCT", "Sony Xperia 1 VI|PRODUCT", "Windows|PRODUCT", "Galaxy|PRODUCT",
                        "iPhone 16|PRODUCT", "Starship|PRODUCT", "Fortnite|PRODUCT", "iPhone 16 Pro|PRODUCT");
    }

    @Test
    void aModelGoesOnThroughItsEditionsTrimsAndVariants() {
        assertThat(extended("The [Xbox Series|PRODUCT] S, the [Xbox|PRODUCT] Series X, the [RTX 4080|PRODUCT] Super and"
                + " [RTX 4070|PRODUCT] Ti, [GPT-4o|PRODUCT] mini, the [PlayStation 5 Digital|PRODUCT] Edition, the"
                + " [Porsche 911|PRODUCT] GT3, the [EliteBook 840|PRODUCT] G11, the [737 MAX|PRODUCT] 10, the"
                + " [Ford Explorer|PRODUCT] EV, the [Boeing 777|PRODUCT]-300ER and the [Airbus A350|PRODUCT]-1000ULR, not"
                + " [Boeing 737|PRODUCT]-800s."))
                .containsExactly("Xbox Series S|PRODUCT", "Xbox Series X|PRODUCT", "RTX 4080 Super|PRODUCT",
                        "RTX 4070 Ti|PRODUCT", "GPT-4o mini|PRODUCT", "PlayStation 5 Digital Edition|PRODUCT",
                        "Porsche 911 GT3|PRODUCT", "EliteBook 840 G11|PRODUCT", "737 MAX 10|PRODUCT",
                        "Ford Explorer EV|PRODUCT", "Boeing 777-300ER|PRODUCT", "Airbus A350-1000ULR|PRODUCT",
                        "Boeing 737|PRODUCT");
    }

    @Test
    void aTrimNeedsANumberBeforeItAndAVariantAnEdition() {
        assertThat(extended("[Windows 11|PRODUCT] H2 updates, [Gemini|PRODUCT] GT3 fans, the [Pixel 9|PRODUCT] 10,"
                + " the [Pixel 9 Pro|PRODUCT] 100 units, [iPhone 16 Pro|PRODUCT] 2 years on, [ChatGPT|PRODUCT] mini-series."))
                .containsExactly("Windows 11|PRODUCT", "Gemini|PRODUCT", "Pixel 9|PRODUCT", "Pixel 9 Pro|PRODUCT",
                        "iPhone 16 Pro|PRODUCT", "ChatGPT|PRODUCT");
    }

    private static List<String> namedModels(String marked) {
        Marked m = Marked.of(marked);
        ProductNames.addNamedModels(m.body(), m.found(), name -> switch (name) {
            case "Claude" -> Set.of(EntityType.PRODUCT);
            case "Claude Monet" -> Set.of(EntityType.PERSON);
            case "Park" -> Set.of(EntityType.PERSON);
            default -> knownTypes(name);
        }, MAKERS_OF_PRODUCTS::contains);
        return m.names();
    }

    @Test
    void aMakerOfKnownProductsAndAWordAfterItNameAModel() {
        assertThat(namedModels("The [Toyota|ORGANIZATION] Venza is quiet, [Microsoft|ORGANIZATION] Teams crashed,"
                + " the [Ford|ORGANIZATION] Explorer EV sells, the [Apple|ORGANIZATION] M5 and [Apple M5|LOCATION] chips."))
                .containsExactly("Toyota Venza|PRODUCT", "Microsoft Teams|PRODUCT", "Ford Explorer|PRODUCT",
                        "Apple|ORGANIZATION", "Apple M5|PRODUCT");
    }

    @Test
    void otherWordsAfterAMakerAndOtherMakersNameNoModel() {
        assertThat(namedModels("An [IBM|ORGANIZATION] Fellow, [Toyota|ORGANIZATION] Motor said, [Apple|ORGANIZATION]"
                + " Park, [Ford|ORGANIZATION] Foundation, [Boeing|ORGANIZATION] President Kelly, [Toyota|ORGANIZATION]"
                + " Monday, [Apple|ORGANIZATION] Park, [Ford|ORGANIZATION] Sen. Smith, [Microsoft|ORGANIZATION]"
                + " Teams-based, [Microsoft|ORGANIZATION] Ignite opened, [Ford Field|LOCATION] and [Celtic"
                + " Frost|ORGANIZATION] played.\n"
                + "[Google|ORGANIZATION] Fined by Regulators Over Search Deal"))
                .containsExactly("IBM|ORGANIZATION", "Toyota|ORGANIZATION", "Apple|ORGANIZATION", "Ford|ORGANIZATION",
                        "Boeing|ORGANIZATION", "Toyota|ORGANIZATION", "Apple|ORGANIZATION", "Ford|ORGANIZATION",
                        "Microsoft|ORGANIZATION", "Microsoft|ORGANIZATION", "Ford Field|LOCATION",
                        "Celtic Frost|ORGANIZATION", "Google|ORGANIZATION");
    }

    @Test
    void aPersonsNameOfAProductAndAnEditionIsAModel() {
        assertThat(namedModels("It said [Claude Sonnet|PERSON] 4.5 writes code as well as [Claude Opus|PERSON] does,"
                + " though not like [Claude Monet|PERSON] or [Park Pro|PERSON] paint."))
                .containsExactly("Claude Sonnet|PRODUCT", "Claude Opus|PRODUCT", "Claude Monet|PERSON",
                        "Park Pro|PERSON");
    }

    @Test
    void aProductAndAWordNoOneFoundAfterItNameOneOfItsProducts() {
        Marked m = Marked.of("The [Kindle|PRODUCT] Scribe, the [ChatGPT|PRODUCT] Atlas browser and the [Nvidia DGX|PRODUCT]"
                + " Spark ship; the [Space Shuttle|PRODUCT] Program, [Linux|PRODUCT] News, [Gemini|PRODUCT] Tuesday,"
                + " the [Kindle|PRODUCT] Fire TV, [Windows|PRODUCT] Defender-based, the [Xbox|PRODUCT] [Chief|PERSON]"
                + " and [Twitch|ORGANIZATION] Rivals do not.");
        ProductNames.addLineWords(m.body(), m.found(), ProductNamesTest::knownTypes);

        assertThat(m.names()).containsExactly("Kindle Scribe|PRODUCT", "ChatGPT Atlas|PRODUCT",
                "Nvidia DGX Spark|PRODUCT", "Space Shuttle|PRODUCT", "Linux|PRODUCT", "Gemini|PRODUCT", "Kindle|PRODUCT",
                "Windows|PRODUCT", "Xbox|PRODUCT", "Chief|PERSON", "Twitch|ORGANIZATION");
    }

    @Test
    void aBrandsWordAndANumberAfterAnArticleNameAModel() {
        Marked m = Marked.of("Its MacBook 12 and the new PlayStation 6 Pro beat an iPhone 17, not the MacBook 2 years"
                + " on, the [OnePlus 12|PRODUCT], a PlayStation 2026, the Billboard 200 or the OnePlus 13, which the"
                + " knowledge base holds as a company's name, nor [Apple|ORGANIZATION]'s the JetBlue 737 Pilots.");
        ProductNames.addNumberedLines(m.body(), m.found(), ProductNamesTest::knownTypes);

        assertThat(m.names()).containsExactly("OnePlus 12|PRODUCT", "Apple|ORGANIZATION", "MacBook 12|PRODUCT",
                "PlayStation 6|PRODUCT", "iPhone 17|PRODUCT");
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

    @Test
    void aModelsMakerOrLineFoundBeforeItsNumberAndEditionIsPartOfTheModel() {
        Marked m = Marked.of("Buyers chose the [Xiaomi|ORGANIZATION] 15 Ultra, the [DJI Mini|EVENT] 4 Pro and not"
                + " [Tim|PERSON] 3 Pro.");
        ProductNames.addModelNames(m.body(), m.found());

        assertThat(m.names()).containsExactly("Xiaomi 15 Ultra|PRODUCT", "DJI Mini 4 Pro|PRODUCT", "Tim|PERSON");
    }

    /** Organisations the knowledge base might hold. */
    private static final Set<String> KNOWN = Set.of("Known Lab R2", "OnePlus", "Polestar", "Arsenal", "Apple",
            "Boeing", "Toyota", "Ford", "Microsoft", "IBM", "Celtic");

    /** Makers whose products the knowledge base holds under their names. */
    private static final Set<String> MAKERS_OF_PRODUCTS = Set.of("Apple", "Boeing", "Toyota", "Ford", "Microsoft");

    private static Set<EntityType> knownTypes(String name) {
        return KNOWN.contains(name) ? Set.of(EntityType.ORGANIZATION) : Set.of();
    }

    private static List<String> makersModels(String marked) {
        Marked m = Marked.of(marked);
        ProductNames.addMakersModels(m.body(), m.found(), ProductNamesTest::knownTypes, MAKERS_OF_PRODUCTS::contains);
        return m.names();
    }

    @Test
    void aMakerAndAModelCodeNameTheMakersModel() {
        assertThat(makersModels("The [Airbus|ORGANIZATION] A321XLR, the [Kia|ORGANIZATION] EV9, the"
                + " [Honda|ORGANIZATION] CR-V, [DeepSeek|ORGANIZATION]-R1 and the [Volkswagen|ORGANIZATION] ID.4."))
                .containsExactly("Airbus A321XLR|PRODUCT", "Kia EV9|PRODUCT", "Honda CR-V|PRODUCT",
                        "DeepSeek-R1|PRODUCT", "Volkswagen ID.4|PRODUCT");
    }

    @Test
    void codesThatNameNoModelLeaveTheMakerAlone() {
        assertThat(makersModels("[Apple|ORGANIZATION] Q3 sales, [Tesla|ORGANIZATION] FY25, [Samsung|ORGANIZATION] 5G"
                + " phones, [Mercedes|ORGANIZATION] F1 boss, [Ford|ORGANIZATION] 10-K, [Paris|LOCATION] A1,"
                + " [Sony|ORGANIZATION] 2024 results, [Nokia|ORGANIZATION] 5G-enabled masts, the [EU|ORGANIZATION]'s CO2"
                + " targets, [USCIS|ORGANIZATION] H-1B visas, [England|ORGANIZATION] U21 and [Tesla|ORGANIZATION]'s v4"
                + " chargers.")).containsExactly("Apple|ORGANIZATION", "Tesla|ORGANIZATION", "Samsung|ORGANIZATION",
                "Mercedes|ORGANIZATION", "Ford|ORGANIZATION", "Paris|LOCATION", "Sony|ORGANIZATION",
                "Nokia|ORGANIZATION", "EU|ORGANIZATION", "USCIS|ORGANIZATION", "England|ORGANIZATION",
                "Tesla|ORGANIZATION");
    }

    @Test
    void afterAMakersPossessiveACodeOrAModelLineAndNumberNameAModel() {
        assertThat(makersModels("[Boeing|ORGANIZATION]'s 777X, [Dell|ORGANIZATION]'s Latitude 7450,"
                + " [HP|ORGANIZATION]'s [EliteBook|ORGANIZATION] 840, [Microsoft|ORGANIZATION]'s Surface Laptop 7,"
                + " [Alaska|ORGANIZATION]'s Flight 1282, [Apple|ORGANIZATION]'s Building 4, [Google|ORGANIZATION]'s"
                + " Android 2025 plans, [Meta|ORGANIZATION]'s Quest 3 million, [Hamas|ORGANIZATION]'s October 7"
                + " attack and the [UN|ORGANIZATION]'s Resolution 2231."))
                .containsExactly("Boeing|ORGANIZATION", "Dell|ORGANIZATION", "HP|ORGANIZATION",
                        "Microsoft|ORGANIZATION", "Alaska|ORGANIZATION", "Apple|ORGANIZATION", "Google|ORGANIZATION",
                        "Meta|ORGANIZATION", "Hamas|ORGANIZATION", "UN|ORGANIZATION", "777X|PRODUCT",
                        "Latitude 7450|PRODUCT", "EliteBook 840|PRODUCT", "Surface Laptop 7|PRODUCT");
    }

    @Test
    void aMakerAndALineAndNumberNameAModelAndAKnownMakersNumberAloneDoesAfterAnArticle() {
        assertThat(makersModels("The [Garmin|ORGANIZATION] Forerunner 265, the [OnePlus|ORGANIZATION] 12 and a"
                + " [Polestar|ORGANIZATION] 4 beat [Polestar|ORGANIZATION] 3 sales; [Arsenal|ORGANIZATION] 3 Chelsea 1,"
                + " the [Ferrari|ORGANIZATION] Formula 1 team, the [Apple|ORGANIZATION] 5 times, the"
                + " [FTSE|ORGANIZATION] 100 fell, the [Apple Vision|ORGANIZATION] 2 and the [Vision|ORGANIZATION] 2."))
                .containsExactly("Garmin Forerunner 265|PRODUCT", "OnePlus 12|PRODUCT", "Polestar 4|PRODUCT",
                        "Polestar|ORGANIZATION", "Arsenal|ORGANIZATION", "Ferrari|ORGANIZATION",
                        "Apple|ORGANIZATION", "FTSE|ORGANIZATION", "Apple Vision 2|PRODUCT", "Vision|ORGANIZATION");
    }

    @Test
    void aMakerOfKnownProductsTakesAThreeDigitModelNumberWithoutAnArticle() {
        assertThat(makersModels("Its last [Boeing|ORGANIZATION] 757 left; [Boeing|ORGANIZATION] 12 and"
                + " [Polestar|ORGANIZATION] 300 did not, nor [Apple|ORGANIZATION] 2024."))
                .containsExactly("Boeing 757|PRODUCT", "Boeing|ORGANIZATION", "Polestar|ORGANIZATION",
                        "Apple|ORGANIZATION");
    }

    @Test
    void aNameAnEarlierModelTookInIsNoMakerOfItsOwn() {
        assertThat(makersModels("The [Lenovo|ORGANIZATION] ThinkPad [X1|ORGANIZATION] Carbon Gen 13 is light."))
                .containsExactly("Lenovo ThinkPad X1|PRODUCT");
    }

    @Test
    void aMakerTheKnowledgeBaseHoldsIsOneWhateverTypeTheTaggerGaveIt() {
        Marked m = Marked.of("and [Mistral|PERSON] 7B on a laptop, [Ford|PERSON] F-150s, [Paris|PERSON] 7B too.");
        ProductNames.addMakersModels(m.body(), m.found(), name -> switch (name) {
            case "Mistral" -> Set.of(EntityType.ORGANIZATION);
            case "Ford" -> Set.of(EntityType.PERSON, EntityType.ORGANIZATION);
            case "Paris" -> Set.of(EntityType.LOCATION);
            default -> Set.of();
        }, name -> false);

        assertThat(m.names()).containsExactly("Mistral 7B|PRODUCT", "Ford F-150s|PRODUCT", "Paris|PERSON");
    }

    @Test
    void afterAMakerACodeInLowerCaseIsAModelToo() {
        assertThat(makersModels("The [Peugeot|ORGANIZATION] e-208 and [OpenAI|ORGANIZATION]'s o1 model, not"
                + " [Google|ORGANIZATION] in 2024.")).containsExactly("Peugeot e-208|PRODUCT", "OpenAI|ORGANIZATION",
                "Google|ORGANIZATION", "o1|PRODUCT");
    }

    @Test
    void theCodeAfterAPossessiveGuessesItsTitleWithTheMakersName() {
        Marked m = Marked.of("[Boeing|ORGANIZATION]'s 777X flew.");
        ProductNames.addMakersModels(m.body(), m.found(), name -> Set.of(), name -> false);

        assertThat(m.found().get(1).title).isEqualTo("Boeing 777X");
    }

    @Test
    void anOrganisationNameEndingInACodeOrAnEditionIsAProductUnlessTheKnowledgeBaseKnowsIt() {
        assertThat(makersModels("The [EOS R5|ORGANIZATION], the [Steam Deck|ORGANIZATION] OLED, the"
                + " [Mac Mini|ORGANIZATION], [882 6PR|ORGANIZATION], [Known Lab R2|ORGANIZATION],"
                + " [Korean Air|ORGANIZATION] and [Canal|ORGANIZATION] Plus.")).containsExactly("EOS R5|PRODUCT",
                "Steam Deck|PRODUCT", "Mac Mini|PRODUCT", "882 6PR|ORGANIZATION", "Known Lab R2|ORGANIZATION",
                "Korean Air|ORGANIZATION", "Canal|ORGANIZATION");
    }

    @Test
    void aModelCodeBeforeAProductNounIsAProduct() {
        Marked m = Marked.of("Volvo recalled 70,000 XC90 SUVs and parked A220 jets; the MH17 plane, the MH370 jet,"
                + " 5G phones, Q3 chips, 200MP cameras, 16GB laptops, US-EU car tariffs and [A350|PRODUCT] jets are"
                + " not new.");
        ProductNames.addCodesBeforeProductNouns(m.body(), m.found());

        assertThat(m.names()).containsExactly("A350|PRODUCT", "XC90|PRODUCT", "A220|PRODUCT");
    }

    @Test
    void aNameTheTaggerTookForAProductButTheKnowledgeBaseHoldsAsACompanyTakesNoMaker() {
        Marked m = Marked.of("A [Boeing|ORGANIZATION] [Toyota|PRODUCT] deal.");
        m.found().get(1).entry = new KnowledgeBase.Entry("Toyota", EntityType.ORGANIZATION, null, "Toyota", List.of(),
                0.5, List.of());
        ProductNames.joinMakers(m.body(), m.found());

        assertThat(m.names()).containsExactly("Boeing|ORGANIZATION", "Toyota|PRODUCT");
    }

    @Test
    void aMakerBeforeItsProductIsPartOfTheProductsName() {
        Marked m = Marked.of("The [Redmi|ORGANIZATION] [Note 13 Pro|PRODUCT] and [Apple|ORGANIZATION]'s"
                + " [iPhone|PRODUCT] and [Paris|LOCATION] [Pixel|PRODUCT]; an [Alaska Airlines|ORGANIZATION]"
                + " [Boeing 737|PRODUCT].");
        m.found().get(1).entry = new KnowledgeBase.Entry("Redmi Note", EntityType.PRODUCT, null, "Redmi Note",
                List.of(), 0.5, List.of());
        ProductNames.joinMakers(m.body(), m.found());

        assertThat(m.names()).containsExactly("Redmi Note 13 Pro|PRODUCT", "Apple|ORGANIZATION", "iPhone|PRODUCT",
                "Paris|LOCATION", "Pixel|PRODUCT", "Alaska Airlines|ORGANIZATION", "Boeing 737|PRODUCT");
        assertThat(m.found().get(0).entry.name()).isEqualTo("Redmi Note");
    }
}
