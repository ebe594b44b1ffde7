package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code eval} reports the figures the reference scorers in ../shared/eval report for the same predictions
 * ({@code tag} output). Skipped where ../shared/eval or python3 is missing.
 */
class EvalParityIT {

    private static final Path EVAL = Path.of("../../shared/eval");
    private static final Path NER = EVAL.resolve("ner/gum_wikinews.ner.jsonl");
    private static final Path TOPICS = EVAL.resolve("topics/huffpost_news_category.topics.jsonl");

    @Test
    void evalAgreesWithTheReferenceScorers() throws Exception {
        assumeThat(Files.isRegularFile(NER) && Files.isRegularFile(TOPICS)).as("../shared/eval present").isTrue();
        assumeThat(python("--version").waitFor(30, TimeUnit.SECONDS)).as("python3 present").isTrue();
        Path dir = Files.createDirectories(Path.of("target", "parity-" + UUID.randomUUID()));
        Path nerTags = dir.resolve("ner.jsonl");
        Path topicTags = dir.resolve("topics.jsonl");
        assertThat(CommandRunner.run("tag", "-i", NER.toString(), "-o", nerTags.toString()).exitCode()).isZero();
        assertThat(CommandRunner.run("tag", "-i", TOPICS.toString(), "-o", topicTags.toString()).exitCode()).isZero();

        CommandRunner eval = CommandRunner.run("eval", "--ner", NER.toString(), "--topics", TOPICS.toString(),
                "--speed-seconds", "0");
        JsonNode ner = reference("score_ner.py", NER, nerTags);
        JsonNode topics = reference("score_topics.py", TOPICS, topicTags);

        assertThat(eval.exitCode()).isZero();
        // eval prints three decimals, the reference four: they agree to within rounding
        assertThat(figure(eval.out(), "ner exact F1=")).isCloseTo(ner.at("/exact/overall/f1").asDouble(), within(0.0006));
        assertThat(figure(eval.out(), "partial F1=")).isCloseTo(ner.at("/partial/overall/f1").asDouble(), within(0.0006));
        assertThat(figure(eval.out(), "top-1 accuracy=")).isCloseTo(topics.at("/top1_accuracy").asDouble(), within(0.0006));
        assertThat(figure(eval.out(), "macro-F1=")).isCloseTo(topics.at("/macro_f1").asDouble(), within(0.0006));
    }

    private static JsonNode reference(String scorer, Path gold, Path predictions) throws Exception {
        Process process = python(EVAL.resolve(scorer).toString(), gold.toString(), predictions.toString(), "--json");
        String json = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new ObjectMapper().readTree(json);
    }

    private static Process python(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "python3";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            return new ProcessBuilder("false").start();
        }
    }

    private static double figure(String text, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "([0-9.]+)").matcher(text);
        assertThat(m.find()).as("'%s' in %s", label, text).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
