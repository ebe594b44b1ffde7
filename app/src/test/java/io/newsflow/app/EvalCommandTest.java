package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EvalCommandTest {

    private static final String MATCH = "Argentina beat France on penalties to win the World Cup final. The striker "
            + "scored twice and the goalkeeper saved two penalties in the shoot-out.";

    @Test
    void topicLabelsFromAFileAreScoredStrictlyAndLeniently() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "eval-" + UUID.randomUUID()));
        Path docs = twoReportsOfTheMatch(dir);
        Path labels = Files.writeString(dir.resolve("labels.tsv"), """
                a\tsport\t\ta match
                b\treligion\tsport\tthe same match, filed under religion first
                """);

        CommandRunner result = CommandRunner.run("eval", "--topics", docs.toString(), "--topic-labels", labels.toString(),
                "--speed-seconds", "0");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("labels from " + labels)
                .contains("topics top-1 accuracy=0.500")
                .contains("topics top-1 accuracy, any acceptable topic=1.000");
    }

    @Test
    void entityScoresComeWithHowOftenEachConfidenceIsRight() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "eval-" + UUID.randomUUID()));
        Path gold = Files.writeString(dir.resolve("gold.jsonl"), "{\"id\": \"a\", \"text\": \"Elon Musk said xAI "
                + "trains Grok in Memphis.\", \"entities\": [{\"start\": 0, \"end\": 9, \"type\": \"PERSON\"}, "
                + "{\"start\": 34, \"end\": 41, \"type\": \"LOCATION\"}]}\n");

        CommandRunner result = CommandRunner.run("eval", "--ner", gold.toString(), "--speed-seconds", "0");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("exact +ALL +2 +\\d+ +2 ")
                .contains("entity confidence                  mentions  exactly right")
                .containsPattern("0\\.8 to 1\\.0 +[2-9] +(1\\.000|0\\.\\d{3})");
    }

    @Test
    void theTitlesNamesAreScoredApartWhereTheGoldMarksThem() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "eval-" + UUID.randomUUID()));
        Path gold = Files.writeString(dir.resolve("gold.jsonl"), "{\"id\": \"a\", \"title\": \"Elon Musk Visits xAI"
                + " Site In Memphis\", \"text\": \"The company plans to double the size of the data centre.\","
                + " \"entities\": [], \"title_entities\": [{\"start\": 0, \"end\": 9, \"type\": \"PERSON\"},"
                + " {\"start\": 17, \"end\": 20, \"type\": \"ORGANIZATION\"},"
                + " {\"start\": 29, \"end\": 36, \"type\": \"LOCATION\"}]}\n");

        CommandRunner result = CommandRunner.run("eval", "--ner", gold.toString(), "--speed-seconds", "0");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Title entities: 1 documents whose gold marks the title's names")
                .containsPattern("(?s)Title entities.*exact +ALL +3 +\\d+ +3 ")
                .contains("title ner exact F1=");
    }

    @Test
    void tokenizedSentencesWithBioTagsAreScoredAsTheirDocuments() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "eval-" + UUID.randomUUID()));
        Path gold = Files.writeString(dir.resolve("gold.jsonl"), """
                {"id": "GUM_bio_musk-1", "tokens": ["Elon", "Musk", "lives", "in", "Texas", "."], \
                "tags": ["B-PERSON", "I-PERSON", "O", "O", "B-LOCATION", "O"]}
                {"id": "GUM_bio_musk-2", "tokens": ["Musk", "said", "so", "."], "tags": ["B-PERSON", "O", "O", "O"]}
                """);

        CommandRunner result = CommandRunner.run("eval", "--ner", gold.toString(), "--speed-seconds", "0");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("(1 documents, types PERSON,ORGANIZATION,LOCATION)")
                .containsPattern("exact +ALL +3 +\\d+ +3 ")
                .contains("entity links: the gold file links no mention to Wikipedia");
    }

    @Test
    void labelsThatDoNotMatchTheDocumentsAreAnError() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "eval-" + UUID.randomUUID()));
        Path docs = twoReportsOfTheMatch(dir);
        Path labels = Files.writeString(dir.resolve("labels.tsv"), "a\tsport\nc\tweather\n");

        CommandRunner result = CommandRunner.run("eval", "--topics", docs.toString(), "--topic-labels", labels.toString(),
                "--speed-seconds", "0");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains(labels + " does not match " + docs + ": no label for b; "
                + "labels for documents it lacks: c");
        CommandRunner alone = CommandRunner.run("eval", "--ner", docs.toString(), "--topic-labels", labels.toString());
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err()).contains("--topic-labels labels the documents of --topics FILE: give both");
    }

    @Test
    void aGoldFileWithALineThatIsNotUtf8IsRefusedNamingTheFileAndTheLine() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "eval-" + UUID.randomUUID()));
        Path gold = Files.write(dir.resolve("gold.jsonl"), """
                {"id": "a", "text": "Elon Musk spoke.", "entities": [{"start": 0, "end": 9, "type": "PERSON"}]}
                {"id": "b", "text": "Caf\u00e9 owners met.", "entities": []}
                """.getBytes(StandardCharsets.ISO_8859_1));

        CommandRunner result = CommandRunner.run("eval", "--ner", gold.toString(), "--speed-seconds", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(gold + ":2: not valid UTF-8 (byte 0xE9 at offset 24 of the line)");
    }

    /** Documents a and b, both the same report of a football match. */
    private static Path twoReportsOfTheMatch(Path dir) throws Exception {
        return Files.writeString(dir.resolve("docs.jsonl"), """
                {"id": "a", "text": "%s"}
                {"id": "b", "text": "%s"}
                """.formatted(MATCH, MATCH));
    }
}
