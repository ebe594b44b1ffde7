package io.newsflow.processing.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TopicClassifierTest {

    private static final String CRIME = "medtop:02000000";
    private static final String DISASTER = "medtop:03000000";
    private static final String ECONOMY = "medtop:04000000";
    private static final String HEALTH = "medtop:07000000";
    private static final String LABOUR = "medtop:09000000";
    private static final String LIFESTYLE = "medtop:10000000";
    private static final String POLITICS = "medtop:11000000";
    private static final String SCIENCE = "medtop:13000000";
    private static final String SPORT = "medtop:15000000";

    private static List<String> codes(List<Enrichment.Topic> topics) {
        return topics.stream().map(Enrichment.Topic::code).toList();
    }

    /** The bundled lexicon: the behaviour the pipeline ships with. */
    @Nested
    class DefaultLexicon {

        private final TopicClassifier classifier = new TopicClassifier(TopicClassifier.DEFAULT_RESOURCE);

        @Test
        void knowsTheSeventeenTopLevelTopics() {
            assertThat(classifier.codes()).hasSize(17).startsWith("medtop:01000000").endsWith("medtop:17000000");
            assertThat(classifier.termCount()).isGreaterThan(10_000);
        }

        @Test
        void scoresBestFirstWithEvidence() {
            List<Enrichment.Topic> topics = classifier.classify("Cup final",
                    "The team won the championship match after the coach changed players at half-time.");

            assertThat(topics.get(0).code()).isEqualTo(SPORT);
            assertThat(topics.get(0).evidence()).contains("championship", "coach");
            assertThat(topics).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
            assertThat(topics).hasSizeLessThanOrEqualTo(TopicClassifier.MAX_TOPICS)
                    .allSatisfy(t -> assertThat(t.score()).isGreaterThan(0).isLessThanOrEqualTo(1.0));
        }

        @Test
        void titleTermsWeighMore() {
            List<Enrichment.Topic> topics = classifier.classify("Election", "The team played a game.");

            assertThat(codes(topics)).contains(POLITICS);
        }

        @Test
        void noEvidenceNoTopics() {
            assertThat(classifier.classify(null, "Lorem ipsum dolor sit amet.")).isEmpty();
            assertThat(classifier.classify(null, "")).isEmpty();
        }

        @Test
        void aPhraseDecidesWhatAnAmbiguousWordMeans() {
            assertThat(codes(classifier.classify("Appeals court throws out the lawsuit", null)).get(0)).isEqualTo(CRIME);
            assertThat(codes(classifier.classify("Serena Williams dominates on the court", null)).get(0)).isEqualTo(SPORT);
            assertThat(codes(classifier.classify("Stock market falls as investors worry", null)).get(0)).isEqualTo(ECONOMY);
            assertThat(codes(classifier.classify("A farmers market guide to summer recipes", null)).get(0)).isEqualTo(LIFESTYLE);
        }

        @Test
        void clubsOfTheKnowledgeBaseAreSportButAWildlifeStoryIsNot() {
            assertThat(codes(classifier.classify("Wrexham AFC beat Preston North End", null)).get(0)).isEqualTo(SPORT);
            assertThat(codes(classifier.classify("Two Florida panthers killed by cars",
                    "Wildlife officials said the deaths were a blow to the endangered species.")).get(0)).isNotEqualTo(SPORT);
        }

        @Test
        void idiomsDoNotCount() {
            assertThat(codes(classifier.classify("Fire destroys homes as crews battle the blaze", null)).get(0))
                    .isEqualTo(DISASTER);
            assertThat(codes(classifier.classify("Senator fires back at critics over the budget vote", null)))
                    .doesNotContain(DISASTER).startsWith(POLITICS);
        }

        @Test
        void consumerTechBeautyTravelAndScamsInSoftNews() {
            assertThat(codes(classifier.classify("The best wireless earbuds under $100, tested",
                    "You don't need to spend flagship money for decent noise cancelling.")).get(0)).isEqualTo(SCIENCE);
            assertThat(codes(classifier.classify("What is skin cycling, and does it actually work?",
                    "Dermatologists explain the nighttime routine.")).get(0)).isEqualTo(LIFESTYLE);
            assertThat(codes(classifier.classify("Twelve rain jackets that actually look good",
                    "We wore each one through downpours and drizzle.")).get(0)).isEqualTo(LIFESTYLE);
            assertThat(codes(classifier.classify("What to do if you've been scammed online",
                    "Call your bank and change your passwords.")).get(0)).isEqualTo(CRIME);
        }

        @Test
        void aStrikeIsLabourThoughTheGovernmentIsNamed() {
            assertThat(codes(classifier.classify(null, "Belgium's unions held a national strike against the prime "
                    + "minister's pension reform. The government would not withdraw the plan.")).get(0))
                    .isEqualTo(LABOUR);
            assertThat(codes(classifier.classify(null, "About 36,000 nurses walked off the job after pay talks with "
                    + "the health service broke down.")).get(0)).isEqualTo(LABOUR);
        }

        @Test
        void mudflowsAndAMineExplosionAreDisastersThoughAMinistryAndAMineAreNamed() {
            assertThat(codes(classifier.classify(null, "Mudflows swept through villages, the Ministry of Emergency "
                    + "Situations said, and the President promised new homes.")).get(0)).isEqualTo(DISASTER);
            assertThat(codes(classifier.classify(null, "A methane explosion at a coal mine killed three miners, the "
                    + "mining company said.")).get(0)).isEqualTo(DISASTER);
        }

        @Test
        void anAirportsNewTerminalAndAReopenedRailLineAreBusinessNotTravel() {
            assertThat(codes(classifier.classify(null, "Leeds Bradford Airport opened a terminal extension that will "
                    + "raise passenger numbers by a third before the summer, the airport's chief executive said."))
                    .get(0)).isEqualTo(ECONOMY);
            assertThat(codes(classifier.classify(null, "Deutsche Bahn reopened the high-speed line between Hamburg "
                    + "and Berlin after nine months of renovation; the rail operator said passengers would save "
                    + "20 minutes.")).get(0)).isEqualTo(ECONOMY);
        }

        @Test
        void businessCuesOutweighTechNamesInAnEarningsStory() {
            List<Enrichment.Topic> topics = classifier.classify("Nvidia's sales soar",
                    "Nvidia reported record revenue; shares rose and analysts praised the earnings.");

            assertThat(topics.get(0).code()).isEqualTo(ECONOMY);
            assertThat(codes(topics)).contains(SCIENCE);
        }

        @Test
        void punctuationInsideTermsDoesNotMatter() {
            assertThat(codes(classifier.classify(null, "New Covid 19 vaccine approved")).get(0)).isEqualTo(HEALTH);
            assertThat(classifier.classify(null, "Bill O’Reilly leaves the network").get(0).evidence()).contains("bill o'reilly");
        }
    }

    /** The lexicon format and the scoring rules, on a small lexicon of their own. */
    @Nested
    class FormatAndScoring {

        private final TopicClassifier classifier = lexicon("""
                # a comment
                t:crime\tcrime\tcrime:3, court
                  [0.5] suspect
                t:sport\tsport
                  tennis court:2, court:0.3, recipe{,s}:1, {re,}match{,es}
                  goal
                t:disaster\tdisaster\tfire:2
                -\tneutral
                  fires back, state of the art
                """);

        @Test
        void termWeightsDecideBetweenTopicsSharingAWord() {
            List<Enrichment.Topic> topics = classifier.classify(null, "court");

            assertThat(codes(topics)).containsExactly("t:crime", "t:sport");
            assertThat(topics.get(0).score() / topics.get(1).score()).isCloseTo(1 / 0.3, within(0.05));
        }

        @Test
        void lineWeightAppliesToTermsWithoutTheirOwn() {
            List<Enrichment.Topic> weak = classifier.classify(null, "suspect");
            List<Enrichment.Topic> strong = classifier.classify(null, "crime");

            assertThat(weak.get(0).score()).isLessThan(strong.get(0).score());
        }

        @Test
        void bracesListVariants() {
            for (String text : List.of("recipe", "recipes", "match", "rematch", "matches", "rematches")) {
                assertThat(codes(classifier.classify(null, text))).as(text).containsExactly("t:sport");
            }
        }

        @Test
        void theLongestPhraseHidesTheWordsInside() {
            assertThat(codes(classifier.classify(null, "on the tennis court"))).containsExactly("t:sport");
        }

        @Test
        void neutralPhrasesScoreNothing() {
            assertThat(classifier.classify(null, "The mayor fires back")).isEmpty();
            assertThat(classifier.classify(null, "A state of the art stadium")).isEmpty();
            assertThat(codes(classifier.classify(null, "The fire spread"))).containsExactly("t:disaster");
        }

        @Test
        void aWordInTheTitleCountsTwice() {
            List<Enrichment.Topic> topics = classifier.classify("goal", "court");

            // sport: 2 (title) * 1 + 0.3; crime: 1
            assertThat(topics.get(0).code()).isEqualTo("t:sport");
        }

        @Test
        void repeatsAreDampedLogarithmically() {
            String twentyGoals = "goal ".repeat(20);
            List<Enrichment.Topic> topics = classifier.classify(null, twentyGoals + " crime crime");

            // sport 1 + ln 20 = 4.0, crime 3 * (1 + ln 2) = 5.1
            assertThat(topics.get(0).code()).isEqualTo("t:crime");
        }

        @Test
        void weakEvidenceGivesALowScoreAndStrongEvidenceAHighOne() {
            double weak = classifier.classify(null, "a suspect").get(0).score();
            double strong = classifier.classify("crime", "crime crime suspect court").get(0).score();

            assertThat(weak).isLessThan(0.2);
            assertThat(strong).isGreaterThan(0.8);
        }

        @Test
        void runnersUpNeedAFairShareOfTheEvidence() {
            List<Enrichment.Topic> topics = classifier.classify("crime", "crime, one goal");

            assertThat(codes(topics)).containsExactly("t:crime");
        }

        @Test
        void evidenceListsTheStrongestTermsFirst() {
            List<Enrichment.Topic> topics = classifier.classify(null, "suspect, crime and court");

            assertThat(topics.get(0).evidence()).containsExactly("crime", "court", "suspect");
        }

        @Test
        void rejectsATermListedTwiceForOneTopic() {
            assertThatThrownBy(() -> lexicon("t:a\ta\tgoal, goals\n  goal{,s}:2\n"))
                    .hasMessageContaining("test.tsv:2").hasMessageContaining("'goal' is listed twice");
            assertThatThrownBy(() -> lexicon("t:a\ta\tcovid-19, covid 19\n"))
                    .hasMessageContaining("'covid 19' is listed twice").hasMessageContaining("as 'covid-19'");
        }

        @Test
        void rejectsMalformedLines() {
            assertThatThrownBy(() -> lexicon("goal\n")).hasMessageContaining("test.tsv:1: terms before the first topic");
            assertThatThrownBy(() -> lexicon("t:a\ta\tgoal:-1\n")).hasMessageContaining("weight of 'goal:-1'");
            assertThatThrownBy(() -> lexicon("t:a\ta\t[x] goal\n")).hasMessageContaining("expected [weight]");
            assertThatThrownBy(() -> lexicon("t:a\ta\trecipe{,s\n")).hasMessageContaining("unbalanced braces");
            assertThatThrownBy(() -> lexicon("t:a\ta\t...\n")).hasMessageContaining("has no word");
            assertThatThrownBy(() -> lexicon("t:a\ta\nt:a\tb\n")).hasMessageContaining("defined twice");
        }

        private static TopicClassifier lexicon(String text) {
            return new TopicClassifier("test.tsv", new StringReader(text));
        }
    }
}
