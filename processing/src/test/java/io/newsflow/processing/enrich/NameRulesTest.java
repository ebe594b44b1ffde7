package io.newsflow.processing.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules on their own, on names as the tagger might have found them: no model involved. */
class NameRulesTest {

    private static List<String> joined(String marked) {
        Marked m = Marked.of(marked);
        NameRules.joinInstitutionNames(m.body(), m.found());
        NameRules.joinAdjacent(m.body(), m.found(), name -> false, name -> false);
        return m.names();
    }

    @Test
    void aTitleOfOneOrTwoWordsBeforeAPersonsNameIsNotPartOfIt() {
        Marked m = Marked.of("[Prime Minister Modi|PERSON] met [Senator Warren|PERSON] and [Vice President Harris|PERSON],"
                + " not [Prime Minister|PERSON] nor [Vice Admiral Lee|PERSON]; [Chief Justice Roberts|PERSON] swore them in.");
        NameRules.trimTitles(m.found(), m.body());

        assertThat(m.names()).containsExactly("Modi|PERSON", "Warren|PERSON", "Harris|PERSON", "Prime Minister|PERSON",
                "Vice Admiral Lee|PERSON", "Roberts|PERSON");
    }

    @Test
    void aWordForWhatSomeoneDoesThatOpensASentenceIsNotPartOfTheNameAfterIt() {
        Marked m = Marked.of("[Forecaster Alex Deakin|PERSON] spoke. [Rival Airbus|ORGANIZATION] did too. [Chipmaker|ORGANIZATION]"
                + " [Intel|ORGANIZATION] lost. [Singer|PERSON] is a scientist. A [Rival Airbus|ORGANIZATION] deal.");
        NameRules.trimOpeners(m.found(), m.body());

        assertThat(m.names()).containsExactly("Alex Deakin|PERSON", "Airbus|ORGANIZATION", "Intel|ORGANIZATION",
                "Singer|PERSON", "Rival Airbus|ORGANIZATION");
    }

    @Test
    void aPersonsFullNameNamedElsewhereIsSplitOffTheEndOfANameItWasRunInto() {
        Marked m = Marked.of("To the [United States Hamdullah Mohib|LOCATION]; [Islamic Relations Alia Salem|ORGANIZATION];"
                + " [Count Rockin Sidney|PERSON]; [Hamdullah Mohib|PERSON], [Alia Salem|PERSON], [Rockin Sidney|PERSON].");
        NameRules.splitPeopleOff(m.body(), m.found());

        assertThat(m.names()).containsExactly("United States|LOCATION", "Hamdullah Mohib|PERSON",
                "Islamic Relations|ORGANIZATION", "Alia Salem|PERSON", "Count Rockin Sidney|PERSON",
                "Hamdullah Mohib|PERSON", "Alia Salem|PERSON", "Rockin Sidney|PERSON");
    }

    @Test
    void olympicAloneIsNoName() {
        assertThat(NameRules.plausible(new FoundName(0, 10, "Paralympic", EntityType.ORGANIZATION, 1))).isFalse();
        assertThat(NameRules.plausible(new FoundName(0, 7, "Olympic", EntityType.EVENT, 1))).isFalse();
    }

    @Test
    void aPlaceWhoseNameBeginsWithTheKeepsItsArticle() {
        KnowledgeBase.Entry hague = new KnowledgeBase.Entry("The Hague", EntityType.LOCATION, null, "The Hague",
                List.of(), 0.55, List.of());
        KnowledgeBase.Entry bahamas = new KnowledgeBase.Entry("Bahamas", EntityType.LOCATION, null, "The Bahamas",
                List.of(), 0.5, List.of());
        Marked m = Marked.of("Talks in The [Hague|LOCATION] and the [Bahamas|LOCATION]; the [Hague|LOCATION] again.");
        m.found().get(0).entry = hague;
        m.found().get(1).entry = bahamas;
        m.found().get(2).entry = hague;
        NameRules.restorePlaceArticles(m.found(), m.body());

        assertThat(m.names()).containsExactly("The Hague|LOCATION", "Bahamas|LOCATION", "Hague|LOCATION");
        assertThat(m.found().get(0).entry).isSameAs(hague);
    }

    @Test
    void aTitleAtTheEndOfANameBeforeAPersonsNameIsThePersonsTitle() {
        Marked m = Marked.of("[Supreme Court Justice|ORGANIZATION] [Clarence Thomas|PERSON] and "
                + "[Fulton County District|LOCATION] Attorney [Fani Willis|PERSON] met "
                + "[Delaware Chancery|PERSON] Judge [Kathaleen McCormick|PERSON], [Biden|PERSON] Secretary "
                + "[Antony Blinken|PERSON] and [Major|PERSON] General [Artemas Ward|PERSON].");
        NameRules.trimTrailingTitles(m.body(), m.found(), Set.of("Biden")::contains);

        assertThat(m.names()).containsExactly("Supreme Court|ORGANIZATION", "Clarence Thomas|PERSON",
                "Fulton County|LOCATION", "Fani Willis|PERSON", "Delaware Chancery|ORGANIZATION",
                "Kathaleen McCormick|PERSON", "Biden|PERSON", "Antony Blinken|PERSON", "Artemas Ward|PERSON");
    }

    @Test
    void anInstitutionsNameWithOfOrForIsOneName() {
        assertThat(joined("The [Institute|ORGANIZATION] for [Fiscal Studies|ORGANIZATION] said so."))
                .containsExactly("Institute for Fiscal Studies|ORGANIZATION");
        assertThat(joined("She studied at the [University|ORGANIZATION] of [Texas|LOCATION]."))
                .containsExactly("University of Texas|ORGANIZATION");
        assertThat(joined("A [Museum|LOCATION] of the [Moving Image|ORGANIZATION] opened."))
                .containsExactly("Museum of the Moving Image|LOCATION");
    }

    @Test
    void aPersonsNameBeforeAnInstitutionNamesIt() {
        assertThat(joined("the [Andy Warhol|PERSON] [Foundation|ORGANIZATION] for the [Visual Arts|ORGANIZATION]"))
                .containsExactly("Andy Warhol Foundation for the Visual Arts|ORGANIZATION");
    }

    @Test
    void otherNamesAroundOfStayApart() {
        assertThat(joined("[Emmanuel Macron|PERSON], President of [France|LOCATION]"))
                .containsExactly("Emmanuel Macron|PERSON", "France|LOCATION");
        assertThat(joined("the [Foundation|ORGANIZATION] of [Bill Gates|PERSON]"))
                .containsExactly("Foundation|ORGANIZATION", "Bill Gates|PERSON");
        assertThat(joined("[Paris|LOCATION] of [France|LOCATION]"))
                .containsExactly("Paris|LOCATION", "France|LOCATION");
        assertThat(joined("the [University|ORGANIZATION] in [Texas|LOCATION]"))
                .containsExactly("University|ORGANIZATION", "Texas|LOCATION");
    }

    private static List<String> extended(String marked) {
        Marked m = Marked.of(marked);
        NameRules.extendInstitutionNames(m.body(), m.found(),
                name -> Set.of("Goldman Sachs", "Britain", "Australia", "Black Friday").contains(name),
                Set.of("Russian"));
        return m.names();
    }

    @Test
    void anInstitutionsNameGoesOnThroughTheWordsTheTaggerLeftOut() {
        assertThat(extended("gave by the [Andy Warhol Foundation|ORGANIZATION] for the Visual Arts, in 2014"))
                .containsExactly("Andy Warhol Foundation for the Visual Arts|ORGANIZATION");
        assertThat(extended("the [Society for the Prevention of Cruelty|ORGANIZATION] to Animals said."))
                .containsExactly("Society for the Prevention of Cruelty to Animals|ORGANIZATION");
        assertThat(extended("the [Australian Centre for Control|ORGANIZATION] of Iodine Deficiency "
                + "[Disorders|ORGANIZATION] says"))
                .containsExactly("Australian Centre for Control of Iodine Deficiency Disorders|ORGANIZATION");
        assertThat(extended("he was made a member of the [Slovenian Academy of Sciences|ORGANIZATION] and "
                + "[Arts|ORGANIZATION] in 1950"))
                .containsExactly("Slovenian Academy of Sciences and Arts|ORGANIZATION");
        assertThat(extended("the orchestra played at the [Lincoln Center|LOCATION] for the Performing Arts last night."))
                .containsExactly("Lincoln Center for the Performing Arts|LOCATION");
    }

    @Test
    void anInstitutionsNameStopsBeforeAnotherName() {
        assertThat(extended("the [Bank of England|ORGANIZATION] and Goldman Sachs said"))
                .containsExactly("Bank of England|ORGANIZATION");
        assertThat(extended("the [Wikimedia Foundation|ORGANIZATION] and [Creative Commons|ORGANIZATION] agree"))
                .containsExactly("Wikimedia Foundation|ORGANIZATION", "Creative Commons|ORGANIZATION");
        assertThat(extended("the [Liberal Party of Australia|ORGANIZATION] and Nationals won"))
                .containsExactly("Liberal Party of Australia|ORGANIZATION");
        assertThat(extended("money from the [Ford Foundation|ORGANIZATION] to [Harvard University|ORGANIZATION]."))
                .containsExactly("Ford Foundation|ORGANIZATION", "Harvard University|ORGANIZATION");
        assertThat(extended("a report by the [Institute for Fiscal Studies|ORGANIZATION] on Britain today"))
                .containsExactly("Institute for Fiscal Studies|ORGANIZATION");
        assertThat(extended("the [Department of Health|ORGANIZATION] and the Food and Drug Administration"))
                .containsExactly("Department of Health|ORGANIZATION");
        assertThat(extended("the [Ministry of Defence|ORGANIZATION] and Russian officials"))
                .containsExactly("Ministry of Defence|ORGANIZATION");
        assertThat(extended("at [Old Navy|ORGANIZATION] for Black Friday."))
                .containsExactly("Old Navy|ORGANIZATION");
        assertThat(extended("the [Museum of Flight|ORGANIZATION] CEO said"))
                .containsExactly("Museum of Flight|ORGANIZATION");
        assertThat(extended("the [Supreme Court|ORGANIZATION] on Monday and the [Kennedy Space Center|LOCATION] on STS-1"))
                .containsExactly("Supreme Court|ORGANIZATION", "Kennedy Space Center|LOCATION");
        assertThat(extended("the [Labour Party|ORGANIZATION] and [Frederick Fung|PERSON] of the "
                + "[University of Texas|ORGANIZATION] and [Tanya Chan|PERSON]"))
                .containsExactly("Labour Party|ORGANIZATION", "Frederick Fung|PERSON", "University of Texas|ORGANIZATION",
                        "Tanya Chan|PERSON");
    }

    @Test
    void aHeadlineInTitleCaseIsLeftAsTheTaggerFoundIt() {
        assertThat(extended("[Andy Warhol Foundation|ORGANIZATION] for the Visual Arts Gives Grant to Small Museums\n"
                + "The gift came on Monday."))
                .containsExactly("Andy Warhol Foundation|ORGANIZATION");
    }

    @Test
    void aFirstNameThatIsAlsoAKnownPlaceNamesThePersonAfterIt() {
        Marked m = Marked.of("[Victoria|LOCATION] [Beckham|PERSON] flew to [Victoria|LOCATION], [Canada|LOCATION].");
        NameRules.joinAdjacent(m.body(), m.found(), name -> true, Set.of("Victoria")::contains);

        assertThat(m.names()).containsExactly("Victoria Beckham|PERSON", "Victoria|LOCATION", "Canada|LOCATION");
    }

    @Test
    void localTitlesBeforeAPersonsNameAreNotPartOfItNorWhenTheTaggerSplitTheName() {
        Marked m = Marked.of("[Sheriff Chad Chronister|PERSON], [Sergeant Rhiannon Pryce|PERSON], [Councilmember Rob "
                + "Saka|PERSON] and [the Reverend Al Sharpton|PERSON] spoke.");
        NameRules.trimTitles(m.found(), m.body());

        assertThat(m.names()).containsExactly("Chad Chronister|PERSON", "Rhiannon Pryce|PERSON", "Rob Saka|PERSON",
                "the Reverend Al Sharpton|PERSON");
        assertThat(joined("He said [Sheriff Chad|LOCATION] [Chronister|PERSON] would run."))
                .containsExactly("Chad Chronister|PERSON");
    }

    @Test
    void aPhotoCreditIsNotJoined() {
        assertThat(joined("Image: [NASA|ORGANIZATION] [Bill Ingalls|PERSON]"))
                .containsExactly("NASA|ORGANIZATION", "Bill Ingalls|PERSON");
    }

    private static List<String> withFirstNames(String marked) {
        Marked m = Marked.of(marked);
        NameRules.addFirstNames(m.body(), m.found(), name -> name.equals("Ohio"), Set.of("Belgian"));
        return m.names();
    }

    private static List<String> repeated(String marked) {
        Marked m = Marked.of(marked);
        NameRules.addRepeatedNames(m.body(), m.found());
        return m.names();
    }

    @Test
    void aOneWordNameFoundOnceIsANameWhereverItRecurs() {
        assertThat(repeated("the team, known as the [Gliders|ORGANIZATION]. The Gliders won, and USI thanked "
                + "[USI|ORGANIZATION]'s donors."))
                .containsExactly("Gliders|ORGANIZATION", "USI|ORGANIZATION", "Gliders|ORGANIZATION", "USI|ORGANIZATION");
    }

    @Test
    void aOneWordNameTheTextAlsoUsesAsAWordRecursOnlyInsideASentence() {
        assertThat(repeated("they met [Young|PERSON] at noon. Young people came. The young left, and Young stayed."))
                .containsExactly("Young|PERSON", "Young|PERSON");
        assertThat(repeated("[It|ORGANIZATION] rained. It rained again. [Ed|PERSON] and Ed came."))
                .containsExactly("It|ORGANIZATION", "Ed|PERSON");
    }

    @Test
    void aOneWordNameTheTaggerWasUnsureOfIsNotSpread() {
        String body = "Harrow beat Eton, and Harrow won again.";
        List<FoundName> found = new ArrayList<>(List.of(new FoundName(0, 6, "Harrow", EntityType.LOCATION, -0.4)));
        NameRules.addRepeatedNames(body, found);

        assertThat(found).extracting(f -> f.text + "@" + f.start).containsExactly("Harrow@0");
    }

    @Test
    void aCapitalisedWordBeforeAOneWordPersonInsideASentenceIsTheFirstName() {
        assertThat(withFirstNames("Lukaku, Carrasco and Dries [Mertens|PERSON] attacked early."))
                .containsExactly("Dries Mertens|PERSON");
        assertThat(withFirstNames("a photo of interviewee R [Saravanan|PERSON]."))
                .containsExactly("R Saravanan|PERSON");
        assertThat(withFirstNames("Local MP Will [Stone|PERSON] said so."))
                .containsExactly("Will Stone|PERSON");
        assertThat(withFirstNames("Pro-Beijing DAB's Starry [Lee|PERSON] won."))
                .containsExactly("Starry Lee|PERSON");
    }

    @Test
    void aFirstNameTakesAnUnexplainedCapitalisedWordAfterItAndAGivenNameItsFamilyName() {
        assertThat(nameParts("It was won by [James|PERSON] To of the party.")).containsExactly("James To|PERSON");
        assertThat(nameParts("[Shiu|O] [Ka-chun|PERSON] of the constituency won.")).containsExactly("Shiu Ka-chun|PERSON");
        assertThat(nameParts("Leader [Kim Jong-un|PERSON] spoke.")).containsExactly("Kim Jong-un|PERSON");
        assertThat(nameParts("She called [James|PERSON] Monday and [James|PERSON] Gov. Smith, then [James|PERSON] "
                + "Ohio, [James|PERSON] Said Yes and [James|PERSON] Police.")).containsExactly("James|PERSON",
                "James|PERSON", "James|PERSON", "James|PERSON", "James|PERSON");
        assertThat(nameParts("In Tampa, [Florida|LOCATION] Gov. DeSantis spoke.")).containsExactly("Florida|LOCATION");
        assertThat(nameParts("Then President [Ka-chun|PERSON] spoke.")).containsExactly("Ka-chun|PERSON");
    }

    private static List<String> nameParts(String marked) {
        Marked m = Marked.of(marked.replace("[Shiu|O] ", "Shiu "));
        NameRules.addNameParts(m.body(), m.found(), Set.of("Ohio")::contains, Set.of("James", "Florida")::contains,
                Set.of("Belgian"));
        return m.names();
    }

    @Test
    void titlesDemonymsKnownNamesSentenceStartsAndTitleCaseAreNoFirstNames() {
        assertThat(withFirstNames("said NASA Administrator [Bolden|PERSON] today"))
                .containsExactly("Bolden|PERSON");
        assertThat(withFirstNames("the striker, Belgian [Mertens|PERSON], scored"))
                .containsExactly("Mertens|PERSON");
        assertThat(withFirstNames("the governor of Ohio [Kasich|PERSON] said"))
                .containsExactly("Kasich|PERSON");
        assertThat(withFirstNames("Belgium won. Dries [Mertens|PERSON] scored."))
                .containsExactly("Mertens|PERSON");
        assertThat(withFirstNames("[Ted Cruz|PERSON] Slams [Obama|PERSON] Over Taxes"))
                .containsExactly("Ted Cruz|PERSON", "Obama|PERSON");
        assertThat(withFirstNames("a show called \"I Love [Lucy|PERSON]\" returns"))
                .containsExactly("Lucy|PERSON");
        assertThat(withFirstNames("with the [Yankees|ORGANIZATION] [Jeter|PERSON] won"))
                .containsExactly("Yankees|ORGANIZATION", "Jeter|PERSON");
    }

    @Test
    void aNameEndingInAnEventsWordIsAnEventUnlessTheKnowledgeBaseSaysOtherwise() {
        Marked m = Marked.of("at the [Google Science Fair|ORGANIZATION] and the [World Championship|LOCATION] and "
                + "the [Fair|ORGANIZATION] and [Vanity Fair|ORGANIZATION]");
        m.found().get(3).entry = new KnowledgeBase.Entry("Vanity Fair", EntityType.ORGANIZATION, null,
                "Vanity Fair (magazine)", List.of());
        NameRules.typesByLastWord(m.found());

        assertThat(m.names()).containsExactly("Google Science Fair|EVENT", "World Championship|EVENT",
                "Fair|ORGANIZATION", "Vanity Fair|ORGANIZATION");
    }

    @Test
    void anOrganisationsWordFoundAloneTakesTheCapitalisedWordsBeforeIt() {
        Set<String> demonyms = Set.of("Israeli", "Russian");
        Marked m = Marked.of("Israeli Health [Ministry|ORGANIZATION] figures, cited by the Interior [Ministry|ORGANIZATION]"
                + " and [Trump|PERSON] Transport [Department|ORGANIZATION] lawyers, reached the [Council|ORGANIZATION]. The "
                + "[Police|ORGANIZATION] came on Monday [Ministry|ORGANIZATION] business.");
        NameRules.extendHeadWordsLeft(m.body(), m.found(), demonyms);

        assertThat(m.names()).containsExactly("Israeli Health Ministry|ORGANIZATION", "Interior Ministry|ORGANIZATION",
                "Trump|PERSON", "Transport Department|ORGANIZATION", "Council|ORGANIZATION", "Police|ORGANIZATION",
                "Ministry|ORGANIZATION");
    }

    @Test
    void aNameTakesTheCapitalisedWordsAfterItThatEndInAnOrganisationsWord() {
        Marked m = Marked.of("Promoter [MCD|ORGANIZATION] Productions said [Dubai|LOCATION] Civil Defence and the "
                + "[Texas|LOCATION] Department of Public Safety agreed with [Oklahoma|LOCATION] City Police, not "
                + "[Jane Smith|PERSON] Foundation nor the [UK|LOCATION] Government, [Apple|ORGANIZATION] Music or "
                + "[Liberal|ORGANIZATION] Party's leader. The [Kenya Wildlife|ORGANIZATION] Service gave "
                + "[NASA|ORGANIZATION] Public Service Medal winners a tour.\nA Headline About [Acme|ORGANIZATION] "
                + "Productions Today");
        NameRules.extendHeadWordsRight(m.body(), m.found());

        assertThat(m.names()).containsExactly("MCD Productions|ORGANIZATION", "Dubai Civil Defence|ORGANIZATION",
                "Texas Department|ORGANIZATION", "Oklahoma City Police|ORGANIZATION", "Jane Smith|PERSON", "UK|LOCATION",
                "Apple|ORGANIZATION", "Liberal|ORGANIZATION", "Kenya Wildlife Service|ORGANIZATION",
                "NASA|ORGANIZATION", "Acme|ORGANIZATION");
    }

    @Test
    void noNameStartsWithAPossessivesS() {
        Marked m = Marked.of("A Mass in St. [Peter|PERSON]['s Square|LOCATION], a reading of King [Arthur|PERSON]"
                + "['s Court|ORGANIZATION] and [Acme|ORGANIZATION]['s Board Room|LOCATION].");
        NameRules.joinSplitPossessives(m.body(), m.found());

        assertThat(m.names()).containsExactly("Peter's Square|LOCATION", "Arthur|PERSON", "Court|ORGANIZATION",
                "Acme's Board Room|LOCATION");
    }

    @Test
    void arabicsArticleContinuesAPersonsName() {
        Marked m = Marked.of("Minister [Tawfiq|PERSON] al-Rabiah met [Mohammed|PERSON] el-[Sayed|PERSON] and "
                + "[Khalid al-Falih|PERSON]; [Hayat Tahrir|ORGANIZATION] al-Sham and [Ali|PERSON] al-jazeera did not.");
        NameRules.extendArabicArticles(m.body(), m.found());

        assertThat(m.names()).containsExactly("Tawfiq al-Rabiah|PERSON", "Mohammed el-Sayed|PERSON",
                "Khalid al-Falih|PERSON", "Hayat Tahrir|ORGANIZATION", "Ali|PERSON");
    }

    @Test
    void binAndIbnContinueAPersonsNameWithTheFamilyNameAfterAl() {
        Marked m = Marked.of("Sheikh [Tahnoon|PERSON] bin Zayed [Al Nahyan|PERSON] met [Mohammed|PERSON] bin Rashid Al "
                + "Maktoum, [Abdullah|PERSON] ibn Saud and [Ali|PERSON] bin the chair.");
        NameRules.extendArabicArticles(m.body(), m.found());

        assertThat(m.names()).containsExactly("Tahnoon bin Zayed Al Nahyan|PERSON",
                "Mohammed bin Rashid Al Maktoum|PERSON", "Abdullah ibn Saud|PERSON", "Ali|PERSON");
    }

    @Test
    void anOrganisationsNameGoesOnOverAListOfFieldsEndingInAnd() {
        Marked m = Marked.of("A panel of the [Ministry of Health|ORGANIZATION], [Labour|ORGANIZATION] and "
                + "[Welfare|ORGANIZATION] met, as did the [National Institute of Seismology|ORGANIZATION], "
                + "Volcanology, "
                + "Meteorology and Hydrology; the [Ministry of Defence|ORGANIZATION], Moscow and Kyiv did not, nor the "
                + "[Bank of England|ORGANIZATION], Barclays and Lloyds Bank.");
        NameRules.extendFieldLists(m.body(), m.found(), Set.of("Labour", "Moscow", "Barclays")::contains);

        assertThat(m.names()).containsExactly("Ministry of Health, Labour and Welfare|ORGANIZATION",
                "National Institute of Seismology, Volcanology, Meteorology and Hydrology|ORGANIZATION",
                "Ministry of Defence|ORGANIZATION", "Bank of England|ORGANIZATION");
    }

    @Test
    void aWordForWorkThatOpensASentenceIsNotPartOfTheNameAfterIt() {
        Marked m = Marked.of("It was cold. [Herder Gantulgyn Batbayar|PERSON] lost 300 animals. "
                + "[Nurse Jane Roe|PERSON] agreed.");
        NameRules.trimOpeners(m.found(), m.body());

        assertThat(m.names()).containsExactly("Gantulgyn Batbayar|PERSON", "Jane Roe|PERSON");
    }

    @Test
    void aCompanysLegalFormAfterItsNameIsPartOfIt() {
        Marked m = Marked.of("[Rheinmetall|ORGANIZATION] AG bought it from [Greggs|PERSON] plc and [Forth "
                + "Ports|LOCATION] Ltd, as did [Casey's General Stores|ORGANIZATION] Inc. and [Vale SA|LOCATION]; "
                + "[Jane Smith|PERSON] AG, [Acme|ORGANIZATION] plc. [Acme|ORGANIZATION] Agency and the [iPhone "
                + "SE|PRODUCT] and [Apple Watch|PRODUCT] SE, from [Sumitomo Pharma|PERSON] Co. and "
                + "[Anna Berg|PERSON] SA, [Novo Nordisk|ORGANIZATION] A/S and [Trent Ltd.|PERSON]");
        m.found().get(1).entry = new KnowledgeBase.Entry("Greggs", EntityType.ORGANIZATION, null, "Greggs", List.of(),
                0.3, List.of());
        NameRules.companySuffixes(m.body(), m.found());

        assertThat(m.names()).containsExactly("Rheinmetall AG|ORGANIZATION", "Greggs plc|ORGANIZATION",
                "Forth Ports Ltd|ORGANIZATION", "Casey's General Stores Inc.|ORGANIZATION", "Vale SA|ORGANIZATION",
                "Jane Smith|PERSON", "Acme plc|ORGANIZATION", "Acme|ORGANIZATION", "iPhone SE|PRODUCT",
                "Apple Watch|PRODUCT", "Sumitomo Pharma Co.|ORGANIZATION", "Anna Berg|PERSON",
                "Novo Nordisk A/S|ORGANIZATION", "Trent Ltd.|ORGANIZATION");
    }

    @Test
    void aNameBeforeBasedOrListedIsANameWithoutTheHyphenatedWord() {
        Marked m = Marked.of("a [Seattle-based|LOCATION] chain, a Lagos-based start-up, the Boise, Idaho-based "
                + "company, a New York-based fund, the [Nasdaq|ORGANIZATION]-listed firm, a Brazilian-born striker, "
                + "a Saudi-led coalition and a Fooville-based shop.");
        NameRules.attributiveNames(m.body(), m.found(), name -> switch (name) {
            case "Lagos", "Idaho", "New York", "York", "Saudi" -> Set.of(EntityType.LOCATION);
            case "Nasdaq" -> Set.of(EntityType.ORGANIZATION);
            default -> Set.of();
        }, Set.of("Brazilian", "Saudi"));

        assertThat(m.names()).containsExactlyInAnyOrder("Seattle|LOCATION", "Lagos|LOCATION", "Idaho|LOCATION",
                "New York|LOCATION", "Nasdaq|ORGANIZATION");
    }

    @Test
    void aPersonsNameBeforeTheHeadOfAPlacesNameIsThePlaces() {
        Marked m = Marked.of("a line to [Rajiv Gandhi|PERSON] International [Airport|LOCATION] and a match at "
                + "[Jawaharlal Nehru|PERSON] Stadium, where [Jane Bridge|PERSON] Airports said no, on Avenue "
                + "[Mohamed V|PERSON].");
        NameRules.placesNamedAfterPeople(m.body(), m.found());

        assertThat(m.names()).containsExactly("Rajiv Gandhi International Airport|LOCATION",
                "Jawaharlal Nehru Stadium|LOCATION", "Jane Bridge|PERSON", "Avenue Mohamed V|LOCATION");
    }

    @Test
    void planetsAndTheMoonAfterTheOrAPrepositionArePlaces() {
        Marked m = Marked.of("The probe flew around the Moon and towards Mars before it returned to Earth; the "
                + "Earth's field, [Bruno Mars|PERSON], Earth Day, [Friends of the Earth|ORGANIZATION] and Venus-like "
                + "worlds stay as they are. A space mission to Jupiter.");
        NameRules.celestialBodies(m.body(), m.found());

        assertThat(m.names()).containsExactlyInAnyOrder("Moon|LOCATION", "Mars|LOCATION", "Earth|LOCATION",
                "Earth|LOCATION", "Bruno Mars|PERSON", "Friends of the Earth|ORGANIZATION", "Jupiter|LOCATION");
    }

    @Test
    void planetsOtherThanEarthAndTheMoonOnlyInAStoryAboutSpace() {
        Marked m = Marked.of("Kellanova was sold to Mars; its shares rose as the Moon rose on Earth.");
        NameRules.celestialBodies(m.body(), m.found());

        assertThat(m.names()).containsExactlyInAnyOrder("Moon|LOCATION", "Earth|LOCATION");
    }

    @Test
    void anInstitutionsWordTheTaggerLeftOutBeforeOfAndAPlaceMakesAnOrganisation() {
        Marked m = Marked.of("The Assembly of [Kosovo|LOCATION] voted, the Central Bank of [Nigeria|LOCATION] cut "
                + "rates, the Bank of the [Philippine Islands|LOCATION] grew, the President of [France|LOCATION] "
                + "spoke, [Museum|ORGANIZATION] of [London|LOCATION] opened and the Congress of [Nuevo León|LOCATION] "
                + "met; cars left the [Port|ORGANIZATION] of [Montreal|LOCATION].");
        NameRules.institutionsOfPlaces(m.body(), m.found());

        assertThat(m.names()).containsExactly("Assembly of Kosovo|ORGANIZATION",
                "Central Bank of Nigeria|ORGANIZATION", "Bank of the Philippine Islands|ORGANIZATION",
                "France|LOCATION", "Museum|ORGANIZATION", "London|LOCATION", "Congress of Nuevo León|ORGANIZATION",
                "Port of Montreal|LOCATION");
    }

    @Test
    void anOrganisationsNameSplitAtAndIsJoinedUnlessEitherPartIsANameOfItsOwn() {
        assertThat(joinedAtAnd("members of the German Publishers and [Booksellers Association|ORGANIZATION] met"))
                .containsExactly("German Publishers and Booksellers Association|ORGANIZATION");
        assertThat(joinedAtAnd("the [Bangladesh Garment|LOCATION] Manufacturers and [Exporters "
                + "Association|ORGANIZATION] said that"))
                .containsExactly("Bangladesh Garment Manufacturers and Exporters Association|ORGANIZATION");
        assertThat(joinedAtAnd("he worked at [Xerox PARC|ORGANIZATION] and [Stanford University|ORGANIZATION]"))
                .containsExactly("Xerox PARC|ORGANIZATION", "Stanford University|ORGANIZATION");
        assertThat(joinedAtAnd("the city's Police and [Fire Department|ORGANIZATION] said"))
                .containsExactly("Fire Department|ORGANIZATION");
        assertThat(joinedAtAnd("a deal with [Google|ORGANIZATION] and [Mozilla Foundation|ORGANIZATION] on it"))
                .containsExactly("Google|ORGANIZATION", "Mozilla Foundation|ORGANIZATION");
        assertThat(joinedAtAnd("the parties Musavat and [Azerbaijani Popular Front Party|ORGANIZATION] said"))
                .containsExactly("Azerbaijani Popular Front Party|ORGANIZATION");
        assertThat(joinedAtAnd("it wrote for Nature and [Monthly Notices of the Royal Astronomical "
                + "Society|ORGANIZATION] in the spring"))
                .containsExactly("Monthly Notices of the Royal Astronomical Society|ORGANIZATION");
    }

    private static List<String> joinedAtAnd(String marked) {
        Marked m = Marked.of(marked);
        NameRules.joinNamesSplitAtAnd(m.body(), m.found(), Set.of("Google", "Stanford")::contains,
                Set.of("Azerbaijani"));
        return m.names();
    }

    @Test
    void theCapitalisedWordsAfterANounForAKindOfOrganisationAreItsName() {
        Marked m = Marked.of("The teachers' union Sadtu, the cattle company [Agropecuária Rio|LOCATION] Fresco, the "
                + "group Civic Passion's leader, the working group P1600.1, the ministry Faith and Action, the company "
                + "Monday and the airline [Paris|LOCATION] did.");
        NameRules.organisationsAfterTheirKind(m.body(), m.found(),
                name -> name.equals("Paris") ? Set.of(EntityType.LOCATION) : Set.of());

        assertThat(m.names()).containsExactly("Sadtu|ORGANIZATION", "Agropecuária Rio Fresco|ORGANIZATION",
                "Civic Passion|ORGANIZATION", "Paris|LOCATION");
    }

    @Test
    void aNameBetweenCommasAfterANounForAKindOfOrganisationIsItsName() {
        Marked m = Marked.of("Poland's water authority, Wody Polskie, said so, and the oil workers' federation FUP "
                + "agreed; the company, [Apple|ORGANIZATION] Inc and others, did not.");
        NameRules.organisationsAfterTheirKind(m.body(), m.found(), name -> Set.of());

        assertThat(m.names()).containsExactly("Wody Polskie|ORGANIZATION", "FUP|ORGANIZATION",
                "Apple|ORGANIZATION");
    }

    @Test
    void aCompanysFirstWordFoundAsAPersonIsTheCompanyUnlessAPersonEndsInIt() {
        Marked m = Marked.of("[Elliott Investment Management|ORGANIZATION] and [Morgan Stanley|ORGANIZATION] spoke to "
                + "[Piers Morgan|PERSON] and the [Saha Institute of Nuclear Physics|ORGANIZATION]. [Elliott|PERSON], "
                + "[Morgan|PERSON], [Saha|PERSON] and [Stanley|PERSON] said no.");
        NameRules.organisationsShortForms(m.found(), name -> Set.of());

        assertThat(m.names()).containsExactly("Elliott Investment Management|ORGANIZATION",
                "Morgan Stanley|ORGANIZATION", "Piers Morgan|PERSON", "Saha Institute of Nuclear Physics|ORGANIZATION",
                "Elliott|ORGANIZATION", "Morgan|PERSON", "Saha|PERSON", "Stanley|PERSON");
    }

    @Test
    void aNameAfterAWordForAKindOfPlaceAndOfOrBeforeOneIsThatPlace() {
        Marked m = Marked.of("On the island of [Flores|PERSON], near the town of [Honda|ORGANIZATION], in the city of "
                + "[London Corporation|ORGANIZATION]'s care, in northern [Shan|PERSON] state and [Enga|ORGANIZATION] "
                + "province; the Secretary of [State|ORGANIZATION], the megacity of [Lagos|PERSON], [Macron|PERSON]'s "
                + "state visit, [Ruto|PERSON] state visits and [Acme|ORGANIZATION] state are not.");
        NameRules.placesByTheirKind(m.body(), m.found(),
                name -> name.equals("Acme") ? Set.of(EntityType.ORGANIZATION) : Set.of());

        assertThat(m.names()).containsExactly("Flores|LOCATION", "Honda|LOCATION", "London Corporation|ORGANIZATION",
                "Shan|LOCATION", "Enga|LOCATION", "State|ORGANIZATION", "Lagos|PERSON", "Macron|PERSON",
                "Ruto|PERSON", "Acme|ORGANIZATION");
    }

    @Test
    void aPlaceADiseaseIsNamedAfterIsNotNamedAsAPlaceThere() {
        Marked m = Marked.of("An outbreak of [Marburg|LOCATION] virus disease in [Jinka|LOCATION], [Lassa|LOCATION] "
                + "fever and [West Nile|LOCATION] virus, but not in [Texas|LOCATION] viruses.");
        NameRules.dropDiseasePlaces(m.body(), m.found());

        assertThat(m.names()).containsExactly("Jinka|LOCATION", "Texas|LOCATION");
    }

    @Test
    void anInstitutionsNameHoldsAPossessiveOfPeopleAndFollowsAnyOtherNamesPossessive() {
        Marked m = Marked.of("The [Ontario Secondary School Teachers|ORGANIZATION]' [Federation|ORGANIZATION] and the "
                + "National Farmers' Union met at [Boston Children's Hospital|LOCATION] with the [Manhattan|LOCATION] "
                + "District Attorney's Office and the [Hillsborough County Sheriff|LOCATION]'s Office. "
                + "[Russia|LOCATION]'s Defence Ministry and [Apple|ORGANIZATION]'s Board "
                + "did not, nor did the company's Board of Directors.\nThe Farmers' Union Says No To New Rules");
        NameRules.joinPossessiveInstitutions(m.body(), m.found());

        assertThat(m.names()).containsExactly("Ontario Secondary School Teachers' Federation|ORGANIZATION",
                "National Farmers' Union|ORGANIZATION", "Boston Children's Hospital|LOCATION",
                "Manhattan District Attorney's Office|ORGANIZATION",
                "Hillsborough County Sheriff's Office|ORGANIZATION", "Russia|LOCATION", "Defence Ministry|ORGANIZATION",
                "Apple|ORGANIZATION");
    }

    @Test
    void aCurlyApostropheAfterAStraightOneIsReadToo() {
        Marked m = Marked.of("She'll play at Women\u2019s Tennis Association events and the Farmers\u2019 Union fair.");
        NameRules.joinPossessiveInstitutions(m.body(), m.found());

        assertThat(m.names()).containsExactly("Women\u2019s Tennis Association|ORGANIZATION",
                "Farmers\u2019 Union|ORGANIZATION");
    }

    @Test
    void greatOrGreaterBeforeANameInsideASentenceIsPartOfIt() {
        Marked m = Marked.of("Doctors at Great [Ormond Street Hospital|LOCATION] and Greater [Manchester Police|ORGANIZATION]"
                + " said so. Great [Britain|LOCATION] did not, nor a Great [Heroes|ORGANIZATION] Day.");
        NameRules.addGreat(m.body(), m.found());

        assertThat(m.names()).containsExactly("Great Ormond Street Hospital|LOCATION",
                "Greater Manchester Police|ORGANIZATION", "Britain|LOCATION", "Great Heroes|ORGANIZATION");
    }

    @Test
    void aVerbInANameSplitsIt() {
        Marked m = Marked.of("[BYD overtook Tesla|ORGANIZATION] and [Samsung|ORGANIZATION] [overtook Apple|PRODUCT]; "
                + "[Ford|ORGANIZATION] [beat|PRODUCT] [GM|ORGANIZATION]. The [Nobel Prize in Physiology or Medicine|EVENT]"
                + " went to [Frankfurt am Main|LOCATION] and the [2019 United Kingdom general election|EVENT].");
        NameRules.splitAtVerbs(m.found(), m.body());

        assertThat(m.names()).containsExactly("BYD|ORGANIZATION", "Tesla|ORGANIZATION", "Samsung|ORGANIZATION",
                "Apple|PRODUCT", "Ford|ORGANIZATION", "GM|ORGANIZATION", "Nobel Prize in Physiology or Medicine|EVENT",
                "Frankfurt am Main|LOCATION", "2019 United Kingdom general election|EVENT");
    }

    @Test
    void aMinistrysFieldBeforeSecretaryOrMinisterIsPartOfATitle() {
        Marked m = Marked.of("[Health|ORGANIZATION] Secretary Wes Streeting met the [Finance|ORGANIZATION] Minister and "
                + "the [Health|ORGANIZATION] Ministry, [Apple|ORGANIZATION] CEO Tim Cook and [Treasury|ORGANIZATION] staff.");
        NameRules.dropFieldsOfTitles(m.body(), m.found());

        assertThat(m.names()).containsExactly("Health|ORGANIZATION", "Apple|ORGANIZATION", "Treasury|ORGANIZATION");
    }

    @Test
    void aNationsAdjectiveBeforeAnOrganisationsNameIsPartOfIt() {
        Set<String> demonyms = Set.of("Greek", "Russian", "French");
        Marked m = Marked.of("the Greek [Orthodox Church|ORGANIZATION], the French [Ministry of Culture|ORGANIZATION] "
                + "and Russian [Gazprom|ORGANIZATION]");
        NameRules.joinDemonymOrganisations(m.body(), m.found(), demonyms);

        assertThat(m.names()).containsExactly("Greek Orthodox Church|ORGANIZATION",
                "French Ministry of Culture|ORGANIZATION", "Gazprom|ORGANIZATION");
    }

    @Test
    void aNameEndingInAnOrganisationsWordIsAnOrganisationUnlessTheKnowledgeBaseSaysOtherwise() {
        Marked m = Marked.of("the [Indonesian Navy|LOCATION], [Skidmore College|LOCATION], "
                + "the [Soviet Union|LOCATION]");
        m.found().get(2).entry = new KnowledgeBase.Entry("Soviet Union", EntityType.LOCATION, null, "Soviet Union",
                List.of());
        NameRules.typesByLastWord(m.found());

        assertThat(m.names()).containsExactly("Indonesian Navy|ORGANIZATION", "Skidmore College|ORGANIZATION",
                "Soviet Union|LOCATION");
    }

    @Test
    void anOrganisationsNameEndingInAPlacesWordIsAPlace() {
        Marked m = Marked.of("from [Wright-Patterson Air Force Base|ORGANIZATION] to [Kennedy International Airport|"
                + "ORGANIZATION], past the [Port Authority|ORGANIZATION] and [Kwok Ka-ki|PERSON]");
        NameRules.typesByLastWord(m.found());

        assertThat(m.names()).containsExactly("Wright-Patterson Air Force Base|LOCATION",
                "Kennedy International Airport|LOCATION", "Port Authority|ORGANIZATION", "Kwok Ka-ki|PERSON");
    }

    @Test
    void aNameTheKnowledgeBaseDoesNotHoldEndingInOpenPrixOrCupIsAnEvent() {
        Marked m = Marked.of("the [Miami Open|LOCATION], the [Abu Dhabi Grand Prix|LOCATION], the [Davis Cup|ORGANIZATION],"
                + " the [Geneva International Motor Show|ORGANIZATION], [The Late Show|ORGANIZATION], the [Venice"
                + " Biennale|LOCATION], the [Chelsea Flower Show|LOCATION], the [National Rally|ORGANIZATION]");
        NameRules.typesByLastWord(m.found());

        assertThat(m.names()).containsExactly("Miami Open|EVENT", "Abu Dhabi Grand Prix|EVENT", "Davis Cup|EVENT",
                "Geneva International Motor Show|EVENT", "The Late Show|ORGANIZATION", "Venice Biennale|EVENT",
                "Chelsea Flower Show|EVENT", "National Rally|ORGANIZATION");
    }

    @Test
    void anOrdinalBeforeAKnownNameIsNotPartOfIt() {
        Marked m = Marked.of("the [60th NATO|ORGANIZATION] conference and the [101st Airborne Division|ORGANIZATION]");
        NameRules.trimOrdinals(m.found(), m.body(), "NATO"::equals);

        assertThat(m.names()).containsExactly("NATO|ORGANIZATION", "101st Airborne Division|ORGANIZATION");
    }
}
