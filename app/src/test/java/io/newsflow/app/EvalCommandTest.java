package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

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
        Path docs = Files.writeString(dir.resolve("docs.jsonl"), """
                {"id": "a", "text": "%s"}
                {"id": "b", "text": "%s"}
                """.formatted(MATCH, MATCH));
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
    void labelsThatDoNotMatchTheDocumentsAreAnError() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "eval-" + UUID.randomUUID()));
        Path docs = Files.writeString(dir.resolve("docs.jsonl"), """
                {"id": "a", "text": "%s"}
                {"id": "b", "text": "%s"}
                """.formatted(MATCH, MATCH));
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
}
