package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.processing.enrich.Enrichment;
import io.newsflow.processing.enrich.EnrichmentEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TagCommandTest {

    @Test
    void tagsEachLineInOrderAndSkipsMalformedOnesByNumber() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "tag-" + UUID.randomUUID()));
        Path input = dir.resolve("docs.jsonl");
        Files.writeString(input, """
                {"id": "d1", "title": "Grok-3", "text": "Elon Musk said that xAI trains Grok-3 in Memphis, and Musk smiled at the crowd."}
                {"id": "d2", "text": 42}
                not json
                {"id": "d3", "text": "The team won the championship match."}
                """);
        Path output = dir.resolve("tags.jsonl");

        CommandRunner result = CommandRunner.run("tag", "--input", input.toString(), "--output", output.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains(input + ":2: skipped: field 'text' must be a string")
                .contains(input + ":3: skipped: not valid JSON")
                .contains("tagged 2 document(s), skipped 2 malformed line(s)");
        List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(2);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(lines.get(0));
        assertThat(first.get("id").asText()).isEqualTo("d1");
        assertThat(first.get("language").asText()).isEqualTo("en");
        JsonNode mention = first.get("mentions").get(0);
        assertThat(mention.get("start").asInt()).isZero();
        assertThat(mention.get("end").asInt()).isEqualTo(9);
        assertThat(mention.get("type").asText()).isEqualTo("PERSON");
        assertThat(mention.get("entity").asText()).isEqualTo("Elon Musk");
        assertThat(first.get("entities")).anySatisfy(e -> {
            assertThat(e.get("name").asText()).isEqualTo("Elon Musk");
            assertThat(e.get("mentions").asInt()).isEqualTo(2);
            assertThat(e.get("id").asText()).isEqualTo("wikidata:Q317521");
        });
        assertThat(first.get("entities").get(0).get("name").asText()).as("the title's entity is most salient").isEqualTo("Grok-3");
        JsonNode inTitle = first.get("title_mentions").get(0);
        assertThat(inTitle.get("start").asInt()).isZero();
        assertThat(inTitle.get("end").asInt()).as("an offset into the title").isEqualTo(6);
        assertThat(inTitle.get("entity").asText()).isEqualTo("Grok-3");
        assertThat(mapper.readTree(lines.get(1)).get("title_mentions")).isEmpty();
        assertThat(mapper.readTree(lines.get(1)).get("topics").get(0).get("code").asText()).isEqualTo("medtop:15000000");
    }

    @Test
    void aDocumentTheEngineFailsOnIsReportedSkippedAndCountedAndTheRunGoesOn() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "tag-" + UUID.randomUUID()));
        Path input = Files.writeString(dir.resolve("docs.jsonl"), """
                {"id": "d1", "text": "Elon Musk spoke in Memphis."}
                {"id": "d2", "text": "The engine trips over this one."}
                {"id": "d3", "text": "Larry Page spoke in Toronto."}
                """);
        Path output = dir.resolve("tags.jsonl");
        // the engine has no document it fails on that we know of (the last one found is a regression test in
        // EntityTaggerTest), so this one fails on purpose, around the real engine
        EnrichmentEngine real = EnrichmentEngine.loadDefault();
        TagCommand tag = new TagCommand();
        tag.engines = model -> new EnrichmentEngine() {
            @Override
            public Enrichment enrich(String title, String body) {
                if (body.contains("trips")) {
                    throw new IllegalStateException("no candidates for 'Boeing Toyota'");
                }
                return real.enrich(title, body);
            }

            @Override
            public String engineVersion() {
                return real.engineVersion();
            }

            @Override
            public String kbVersion() {
                return real.kbVersion();
            }
        };
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(tag);
        cli.setErr(new PrintWriter(err, true));

        int exitCode = cli.execute("--input", input.toString(), "--output", output.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains(input + ":2: skipped: the engine failed on document 'd2': "
                        + "java.lang.IllegalStateException: no candidates for 'Boeing Toyota'")
                .contains("tagged 2 document(s), skipped 0 malformed line(s), and 1 document(s) the engine failed on");
        assertThat(Files.readAllLines(output)).extracting(line -> new ObjectMapper().readTree(line).get("id").asText())
                .containsExactly("d1", "d3");
    }

    @Test
    void flatMentionsLeaveOutTheNamesInsideOtherNames() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "tag-" + UUID.randomUUID()));
        Path input = Files.writeString(dir.resolve("docs.jsonl"),
                "{\"id\": \"d1\", \"text\": \"Nick Bos, of the University of Helsinki, studies ants.\"}\n");
        Path nested = dir.resolve("nested.jsonl");
        Path flat = dir.resolve("flat.jsonl");

        assertThat(CommandRunner.run("tag", "-i", input.toString(), "-o", nested.toString()).exitCode()).isZero();
        assertThat(CommandRunner.run("tag", "-i", input.toString(), "-o", flat.toString(), "--flat-mentions").exitCode())
                .isZero();

        ObjectMapper mapper = new ObjectMapper();
        JsonNode all = mapper.readTree(Files.readString(nested));
        JsonNode outer = mapper.readTree(Files.readString(flat));
        assertThat(all.get("mentions")).extracting(m -> m.get("text").asText())
                .containsExactly("Nick Bos", "University of Helsinki", "Helsinki");
        assertThat(outer.get("mentions")).extracting(m -> m.get("text").asText())
                .containsExactly("Nick Bos", "University of Helsinki");
        assertThat(outer.get("entities")).extracting(e -> e.get("name").asText())
                .containsExactlyInAnyOrder("Nick Bos", "University of Helsinki");
    }

    /** Five documents; the third has the byte 0xE9 (Latin-1's é), which is not UTF-8. */
    private static byte[] fiveLinesTheThirdNotUtf8() {
        String lines = """
                {"id": "d1", "text": "Joe Biden spoke in Paris."}
                {"id": "d2", "text": "Angela Merkel spoke in Berlin."}
                {"id": "d3", "text": "Caf\u00e9 owners met in Lyon."}
                {"id": "d4", "text": "Emmanuel Macron spoke in Lyon."}
                {"id": "d5", "text": "Olaf Scholz spoke in Hamburg."}
                """;
        return lines.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aLineThatIsNotUtf8IsReportedByItsNumberSkippedAndCounted() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "tag-" + UUID.randomUUID()));
        Path input = Files.write(dir.resolve("docs.jsonl"), fiveLinesTheThirdNotUtf8());
        Path output = dir.resolve("tags.jsonl");

        CommandRunner result = CommandRunner.run("tag", "-i", input.toString(), "-o", output.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains(input + ":3: skipped: not valid UTF-8 (byte 0xE9 at offset 25 of the line)")
                .contains("tagged 4 document(s), skipped 1 malformed line(s)");
        assertThat(Files.readAllLines(output)).extracting(line -> new ObjectMapper().readTree(line).get("id").asText())
                .containsExactly("d1", "d2", "d4", "d5");
    }

    @Test
    void standardInputIsReadAsStrictlyAsAFile() throws Exception {
        InputStream stdin = System.in;
        CommandRunner result;
        try {
            System.setIn(new ByteArrayInputStream(fiveLinesTheThirdNotUtf8()));
            result = CommandRunner.run("tag", "-i", "-", "-o", "-");
        } finally {
            System.setIn(stdin);
        }

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("-:3: skipped: not valid UTF-8 (byte 0xE9 at offset 25 of the line)")
                .contains("tagged 4 document(s), skipped 1 malformed line(s)");
        assertThat(result.out().lines().toList()).extracting(line -> new ObjectMapper().readTree(line).get("id").asText())
                .containsExactly("d1", "d2", "d4", "d5");
    }

    @Test
    void anOutputThatIsTheInputIsRefusedAndTheInputKept() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "tag-" + UUID.randomUUID()));
        String text = "{\"id\": \"d1\", \"text\": \"Joe Biden spoke in Paris.\"}\n";
        Path input = Files.writeString(dir.resolve("docs.jsonl"), text);

        for (String output : List.of(input.toString(), dir.resolve("../" + dir.getFileName() + "/./docs.jsonl").toString(),
                input.toAbsolutePath().toString())) {
            CommandRunner result = CommandRunner.run("tag", "-i", input.toString(), "-o", output);

            assertThat(result.exitCode()).as(output).isEqualTo(2);
            assertThat(result.err()).contains("--output " + output + " is the same file as --input " + input);
            assertThat(Files.readString(input)).isEqualTo(text);
        }
    }

    @Test
    void aByteOrderMarkIsDroppedAndALineWithMoreAfterItsObjectIsMalformed() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "tag-" + UUID.randomUUID()));
        Path input = Files.writeString(dir.resolve("docs.jsonl"), """
                \uFEFF{"id": "d1", "text": "Joe Biden spoke in Paris."}
                {"id": "t1", "text": "Joe Biden."} garbage
                {"id": "t2", "text": "Joe Biden."} {"id": "t3", "text": "Angela Merkel."}
                {"id": "t4", "text": "Joe Biden."
                {"id": "d5", "text": "Olaf Scholz spoke in Hamburg."}
                """);
        Path output = dir.resolve("tags.jsonl");

        CommandRunner result = CommandRunner.run("tag", "-i", input.toString(), "-o", output.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains(input + ":2: skipped: not valid JSON: Unrecognized token 'garbage'")
                .contains(input + ":3: skipped: not valid JSON: more after the JSON value, at column 36")
                .contains(input + ":4: skipped: not valid JSON: Unexpected end-of-input: expected close marker for "
                        + "Object (start marker at column 1)")
                .doesNotContain("Source", "REDACTED")
                .contains("tagged 2 document(s), skipped 3 malformed line(s)");
        assertThat(Files.readAllLines(output)).extracting(line -> new ObjectMapper().readTree(line).get("id").asText())
                .containsExactly("d1", "d5");
    }

    @Test
    void aDirectoryOrAMissingDirectoryIsAUsageErrorThatSaysSo() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "tag-" + UUID.randomUUID()));
        Path input = Files.writeString(dir.resolve("docs.jsonl"), "{\"id\": \"d1\", \"text\": \"Joe Biden.\"}\n");
        Path nowhere = dir.resolve("no/such/dir/tags.jsonl");

        CommandRunner fromDirectory = CommandRunner.run("tag", "-i", dir.toString(), "-o", "-");
        CommandRunner toDirectory = CommandRunner.run("tag", "-i", input.toString(), "-o", dir.toString());
        CommandRunner toNowhere = CommandRunner.run("tag", "-i", input.toString(), "-o", nowhere.toString());

        assertThat(fromDirectory.exitCode()).isEqualTo(2);
        assertThat(fromDirectory.err()).contains("--input " + dir + ": is a directory, not a file");
        assertThat(toDirectory.exitCode()).isEqualTo(2);
        assertThat(toDirectory.err()).contains("--output " + dir + ": is a directory, not a file");
        assertThat(toNowhere.exitCode()).isEqualTo(2);
        assertThat(toNowhere.err()).contains("--output " + nowhere + ": no such directory " + nowhere.getParent());
    }

    @Test
    void theSamplesBodyStandsInForAMissingTextAndAMissingFieldIsCalledMissing() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "tag-" + UUID.randomUUID()));
        Path input = Files.writeString(dir.resolve("docs.jsonl"), """
                {"id": "b1", "title": "Summit", "body": "Joe Biden met Emmanuel Macron in Washington."}
                {"id": "b2", "title": "No text"}
                {"title": "No id", "text": "Joe Biden spoke."}
                {"id": "b4", "body": 7}
                """);
        Path output = dir.resolve("tags.jsonl");

        CommandRunner result = CommandRunner.run("tag", "-i", input.toString(), "-o", output.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains(input + ":2: skipped: field 'text' (or 'body') is missing")
                .contains(input + ":3: skipped: field 'id' is missing")
                .contains(input + ":4: skipped: field 'body' must be a string, got number")
                .contains("tagged 1 document(s), skipped 3 malformed line(s)");
        JsonNode tags = new ObjectMapper().readTree(Files.readString(output));
        assertThat(tags.get("id").asText()).isEqualTo("b1");
        assertThat(tags.get("mentions")).extracting(m -> m.get("text").asText()).contains("Joe Biden", "Emmanuel Macron");
    }

    @Test
    void theProjectsOwnSampleBriefsAreTagged() throws Exception {
        Path briefs = Path.of("..", "samples", "articles", "briefs.jsonl");

        CommandRunner result = CommandRunner.run("tag", "-i", briefs.toString(), "-o", "-");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("tagged 3 document(s), skipped 0 malformed line(s)");
        assertThat(result.out().lines()).hasSize(3);
    }

    @Test
    void theHelpSaysALineIsWrittenPerDocumentReadAndNamesEveryField() {
        CommandRunner result = CommandRunner.run("tag", "--help");

        String help = result.out().replaceAll("\\s+", " ");
        assertThat(help).contains("one JSON line per document read, in input order (a blank or skipped line gives none)")
                .contains("id, language, mentions", "title_mentions (offsets into the title", "entities, topics")
                .doesNotContain("per input line");
    }

    @Test
    void noProgressBarWithoutATerminal() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "tag-" + UUID.randomUUID()));
        // over the size that gets a bar on a terminal, cheaply: one document, then a blank line of 2 MB
        Path input = Files.writeString(dir.resolve("docs.jsonl"),
                "{\"id\": \"d1\", \"text\": \"Joe Biden spoke in Paris.\"}\n" + " ".repeat(2 << 20) + "\n");
        PrintStream stderr = System.err;
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        CommandRunner result;
        try {
            System.setErr(new PrintStream(written, true, StandardCharsets.UTF_8));
            result = CommandRunner.run("tag", "-i", input.toString(), "-o", dir.resolve("tags.jsonl").toString());
        } finally {
            System.setErr(stderr);
        }

        assertThat(Terminals.stderr()).as("tests run without a terminal").isFalse();
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(written.toString(StandardCharsets.UTF_8)).doesNotContain("Tagging", "\r", "\u001b[");
    }

    @Test
    void missingInputIsAUsageError() {
        CommandRunner result = CommandRunner.run("tag", "--input", "target/nope.jsonl", "--output", "-");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--input target/nope.jsonl: no such file");
    }
}
