package io.newsflow.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.app.quality.JsonlDocuments;
import io.newsflow.app.quality.TagJson;
import io.newsflow.processing.enrich.Enrichment;
import io.newsflow.processing.enrich.EnrichmentEngine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsflow tag}: batch tagging without Kafka, with the engine the Flink job uses. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = {"Tags documents without Kafka, with the same engine as the Flink job.",
                "Input: JSONL {\"id\", \"title\"?, \"text\"} (the files in ../shared/eval work as they are), or "
                        + "with \"body\" for \"text\" as ingest reads articles (samples/articles/briefs.jsonl). "
                        + "Output: one JSON line per document read, in input order (a blank or skipped line gives "
                        + "none): id, language, mentions (start/end are offsets into the text), title_mentions "
                        + "(offsets into the title, where the text does not begin with it), entities, topics (best "
                        + "first).",
                "A malformed line is reported with its number, skipped and counted; the run goes on. So is a "
                        + "document the engine fails on, and the run then exits with 1."})
final class TagCommand implements Callable<Integer> {

    /** Inputs larger than this get a progress bar, on a terminal. */
    private static final long PROGRESS_BAR_FROM_BYTES = 1 << 20;

    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE", description = "JSONL documents, or - for stdin.")
    String input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write the tags, or - for stdout.")
    String output;

    @Option(names = "--ner-model", paramLabel = "FILE", description = "An entity model to use instead of the bundled one (e.g. from train-ner).")
    Path nerModel;

    @Option(names = "--flat-mentions", description = "Leave out mentions inside other mentions (\"Helsinki\" in "
            + "\"University of Helsinki\"), as flat, CoNLL-style annotation does.")
    boolean flatMentions;

    /** Loads the engine from {@code --ner-model} (null: the bundled model); a test may hand in another. */
    Function<Path, EnrichmentEngine> engines = Engines::load;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        checkFiles();
        EnrichmentEngine engine = engines.apply(nerModel);
        ObjectMapper mapper = new ObjectMapper();
        TagJson json = new TagJson(mapper);
        int[] counts = new int[3]; // tagged, malformed, failed in the engine
        long size = "-".equals(input) ? 0 : Files.size(Path.of(input));
        try (InputStream in = open(input); Writer writer = create(output, spec.commandLine().getOut());
             // not on a terminal, the bar's \r and colours would land in the file that stderr is, amid the skip messages
             ProgressBar bar = size > PROGRESS_BAR_FROM_BYTES && Terminals.stderr()
                     ? new ProgressBarBuilder().setTaskName("Tagging").setInitialMax(size).setUnit(" MB", 1 << 20)
                             .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()
                     : null) {
            JsonlDocuments.read(in, mapper, doc -> {
                Enrichment enrichment;
                try {
                    enrichment = engine.enrich(doc.title(), doc.text());
                } catch (RuntimeException e) {
                    counts[2]++;
                    err.printf("%s:%d: skipped: the engine failed on document '%s': %s%n", input, doc.line(), doc.id(),
                            e);
                    return;
                }
                try {
                    if (flatMentions) {
                        enrichment = enrichment.withoutNestedMentions();
                    }
                    writer.write(mapper.writeValueAsString(json.toJson(doc.id(), enrichment)));
                    writer.write('\n');
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("cannot write " + output, e);
                }
                counts[0]++;
                if (bar != null) {
                    bar.stepBy(doc.text().length() + (doc.title() == null ? 0 : doc.title().length()));
                }
            }, (line, reason) -> {
                counts[1]++;
                err.printf("%s:%d: skipped: %s%n", input, line, reason);
            });
        }
        err.printf("tagged %d document(s), skipped %d malformed line(s)%s%n", counts[0], counts[1],
                counts[2] == 0 ? "" : ", and " + counts[2] + " document(s) the engine failed on");
        err.flush();
        return counts[2] == 0 ? 0 : 1;
    }

    /** Refuses, before the engine loads, an input that cannot be read and an output that cannot be written. */
    private void checkFiles() throws IOException {
        if (!"-".equals(input)) {
            Path in = Path.of(input);
            if (Files.isDirectory(in)) {
                throw new IllegalArgumentException("--input " + input + ": is a directory, not a file");
            }
            if (!Files.isRegularFile(in)) {
                throw new IllegalArgumentException("--input " + input + ": no such file");
            }
        }
        if ("-".equals(output)) {
            return;
        }
        Path out = Path.of(output);
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("--output " + output + ": is a directory, not a file");
        }
        if (out.getParent() != null && !Files.isDirectory(out.getParent())) {
            throw new IllegalArgumentException("--output " + output + ": no such directory " + out.getParent());
        }
        if (!"-".equals(input) && Files.exists(out) && Files.isSameFile(Path.of(input), out)) {
            // opening the output would truncate the input before a line of it is read
            throw new IllegalArgumentException("--output " + output + " is the same file as --input " + input
                    + ": write the tags to another file");
        }
    }

    private static InputStream open(String input) throws IOException {
        return "-".equals(input) ? System.in : Files.newInputStream(Path.of(input));
    }

    private static Writer create(String output, PrintWriter stdout) throws IOException {
        return "-".equals(output)
                ? new BufferedWriter(stdout) {
                    @Override
                    public void close() throws IOException {
                        flush(); // never close stdout
                    }
                }
                : newFile(output);
    }

    private static Writer newFile(String output) throws IOException {
        try {
            return Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("cannot write " + output, e); // e names the reason: AccessDeniedException, …
        }
    }
}
