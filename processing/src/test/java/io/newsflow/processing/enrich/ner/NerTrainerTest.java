package io.newsflow.processing.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.processing.enrich.EntityType;
import io.newsflow.processing.enrich.KnowledgeBase;
import io.newsflow.processing.enrich.text.Tokenizer;
import io.newsflow.processing.enrich.text.Tokens;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trainer learns a pattern from a toy corpus, the model survives a write/read round trip, and the tagger
 * decodes it: names at a sentence's end keep their type, a word with no capital is never a name's start.
 */
class NerTrainerTest {

    private static final String[] NAMES = {"Alice Smith", "Bob Jones", "Carol White", "Dan Brown", "Eve Black"};
    private static final String[] CITIES = {"Oslo", "Lima", "Kyiv", "Rome", "Cairo"};

    private static NerTrainer.Document sentence(String person, String city, boolean fullStop) {
        List<String> words = new ArrayList<>(List.of("Yesterday", ",")); 
        List<String> tags = new ArrayList<>(List.of("O", "O"));
        String[] name = person.split(" ");
        words.add(name[0]);
        tags.add("B-PERSON");
        words.add(name[1]);
        tags.add("I-PERSON");
        words.addAll(List.of("flew", "to", city));
        tags.addAll(List.of("O", "O", "B-LOCATION"));
        if (fullStop) {
            words.add(".");
            tags.add("O");
        }
        return new NerTrainer.Document(Tokens.ofSentences(List.of(words)), tags.stream().mapToInt(NerLabels::parse).toArray());
    }

    private static final Gazetteer GAZETTEER = new Gazetteer(KnowledgeBase.loadDefault());

    private static NerModel toyModel() {
        List<NerTrainer.Document> corpus = new ArrayList<>();
        for (String name : NAMES) {
            for (String city : CITIES) {
                corpus.add(sentence(name, city, true));
                corpus.add(sentence(name, city, false));
            }
        }
        return new NerTrainer(GAZETTEER, WordClusters.none(), FirstNames.none()).train(corpus, 5, 1, "toy", errors -> { });
    }

    @Test
    void learnsAPatternAndKeepsItThroughTheFileFormat() throws Exception {
        Gazetteer gazetteer = GAZETTEER;
        NerModel model = toyModel();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        NerModel read = NerModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(read.version()).isEqualTo("toy");
        assertThat(read.features()).isEqualTo(model.features());

        List<NerTagger.Span> spans = new NerTagger(read, gazetteer, WordClusters.none(), FirstNames.none())
                .tag(new Tokenizer().tokenize("Yesterday, Frank Green flew to Quito."));
        assertThat(spans).extracting(NerTagger.Span::type).containsExactly(EntityType.PERSON, EntityType.LOCATION);
        assertThat(spans.get(0).start()).isEqualTo(11);
        assertThat(spans.get(0).end()).isEqualTo(22);
    }

    @Test
    void aNameThatEndsASentenceWithoutAFullStopKeepsItsType() {
        Tokens twoLines = Tokens.ofSentences(List.of(
                List.of("Yesterday", ",", "Frank", "Green", "flew", "to", "Quito"),
                List.of("Yesterday", ",", "Bob", "Jones", "flew", "to", "Lima", ".")));

        List<NerTagger.Span> spans = new NerTagger(toyModel(), GAZETTEER, WordClusters.none(), FirstNames.none()).tag(twoLines);

        assertThat(spans).extracting(NerTagger.Span::type)
                .containsExactly(EntityType.PERSON, EntityType.LOCATION, EntityType.PERSON, EntityType.LOCATION);
    }

    @Test
    void aWordWithoutACapitalOrDigitNeverStartsAName() {
        List<NerTagger.Span> spans = new NerTagger(toyModel(), GAZETTEER, WordClusters.none(), FirstNames.none())
                .tag(new Tokenizer().tokenize("Yesterday, frank green flew to quito."));

        assertThat(spans).isEmpty();
    }
}
