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

/** The trainer learns a pattern from a toy corpus, and the model survives a write/read round trip. */
class NerTrainerTest {

    private static final String[] NAMES = {"Alice Smith", "Bob Jones", "Carol White", "Dan Brown", "Eve Black"};
    private static final String[] CITIES = {"Oslo", "Lima", "Kyiv", "Rome", "Cairo"};

    private static NerTrainer.Document sentence(String person, String city) {
        List<String> words = new ArrayList<>(List.of("Yesterday", ",")); 
        List<String> tags = new ArrayList<>(List.of("O", "O"));
        String[] name = person.split(" ");
        words.add(name[0]);
        tags.add("B-PERSON");
        words.add(name[1]);
        tags.add("I-PERSON");
        words.addAll(List.of("flew", "to", city, "."));
        tags.addAll(List.of("O", "O", "B-LOCATION", "O"));
        return new NerTrainer.Document(Tokens.ofSentences(List.of(words)), tags.stream().mapToInt(NerLabels::parse).toArray());
    }

    @Test
    void learnsAPatternAndKeepsItThroughTheFileFormat() throws Exception {
        List<NerTrainer.Document> corpus = new ArrayList<>();
        for (String name : NAMES) {
            for (String city : CITIES) {
                corpus.add(sentence(name, city));
            }
        }
        Gazetteer gazetteer = new Gazetteer(KnowledgeBase.loadDefault());
        NerModel model = new NerTrainer(gazetteer, WordClusters.none()).train(corpus, 5, 1, "toy", errors -> { });

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        NerModel read = NerModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(read.version()).isEqualTo("toy");
        assertThat(read.features()).isEqualTo(model.features());

        List<NerTagger.Span> spans = new NerTagger(read, gazetteer, WordClusters.none())
                .tag(new Tokenizer().tokenize("Yesterday, Frank Green flew to Quito."));
        assertThat(spans).extracting(NerTagger.Span::type).containsExactly(EntityType.PERSON, EntityType.LOCATION);
        assertThat(spans.get(0).start()).isEqualTo(11);
        assertThat(spans.get(0).end()).isEqualTo(22);
    }
}
