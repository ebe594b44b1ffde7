package io.newsflow.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.app.bench.EngineSpeed;
import io.newsflow.app.quality.BioDocuments;
import io.newsflow.app.quality.ConfidenceTable;
import io.newsflow.app.quality.JsonlDocuments;
import io.newsflow.app.quality.NerScorer;
import io.newsflow.app.quality.PrfCounts;
import io.newsflow.app.quality.Span;
import io.newsflow.app.quality.TopicLabels;
import io.newsflow.app.quality.TopicScorer;
import io.newsflow.processing.enrich.Enrichment;
import io.newsflow.processing.enrich.EnrichmentEngine;
import io.newsflow.processing.enrich.TopicClassifier;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow eval}: scores the engine against gold files in the {@code ../shared/eval} formats, with
 * the same metrics as the reference scorers, and measures the engine's speed on one thread.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Scores the engine against gold files: entities (precision/recall/F1, exact and overlapping "
                + "span + type, overall and per type; entity-link accuracy) and topics (top-1 accuracy, top-3 recall, "
                + "macro-F1), and measures words per second on one thread after warm-up."})
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--ner", paramLabel = "FILE", description = "Gold entities: JSONL {id, title?, text, entities: [{start, "
            + "end, type, wikipedia?}], title_entities?: [{start, end, type}]} (title_entities, offsets into the title, "
            + "are scored apart), or tokenized sentences with BIO tags {id, tokens, tags} as in ../shared/train "
            + "(sentences whose ids agree up to the last '-' are one document).")
    Path ner;

    @Option(names = "--topics", paramLabel = "FILE", description = "Gold topics: JSONL {id, title?, text, topics_iptc: [label, …]}.")
    Path topics;

    @Option(names = "--topic-labels", paramLabel = "FILE", description = "Topic labels for the --topics documents "
            + "instead of their topics_iptc: TSV id, topic, other acceptable topics (;-separated), why; scored strictly "
            + "(the first topic) and leniently (any of them). docs/gum-wikinews-topics.tsv labels the GUM documents.")
    Path topicLabels;

    @Option(names = "--flat-mentions", description = "Score flat mentions: leave out those inside other mentions, "
            + "for gold that does not nest names (GUM does).")
    boolean flatMentions;

    @Option(names = "--types", split = ",", defaultValue = "PERSON,ORGANIZATION,LOCATION",
            description = "Entity types to score (default: ${DEFAULT-VALUE}).")
    List<String> types;

    @Option(names = "--speed-seconds", defaultValue = "5",
            description = "How long to measure speed after warm-up; 0 skips it (default: ${DEFAULT-VALUE}).")
    int speedSeconds;

    @Option(names = "--ner-model", paramLabel = "FILE", description = "An entity model to use instead of the bundled one (e.g. from train-ner).")
    Path nerModel;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        if (ner == null && topics == null) {
            throw new IllegalArgumentException("give --ner FILE, --topics FILE, or both");
        }
        if (topicLabels != null && topics == null) {
            throw new IllegalArgumentException("--topic-labels labels the documents of --topics FILE: give both");
        }
        PrintWriter out = spec.commandLine().getOut();
        EnrichmentEngine engine = Engines.load(nerModel);
        out.printf("engine %s, knowledge base %s%n%n", engine.engineVersion(), engine.kbVersion());
        List<JsonlDocuments.Document> all = new ArrayList<>();
        if (ner != null) {
            List<JsonlDocuments.Document> docs = read(ner);
            all.addAll(docs);
            printNer(out, ner, docs, engine);
        }
        if (topics != null) {
            List<JsonlDocuments.Document> docs = read(topics);
            all.addAll(docs);
            printTopics(out, topics, docs, engine);
        }
        if (speedSeconds > 0) {
            printSpeed(out, all, engine);
        }
        out.flush();
        return 0;
    }

    private List<JsonlDocuments.Document> read(Path file) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        List<JsonlDocuments.Document> docs = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        boolean sentences = isSentences(file);
        try (InputStream in = Files.newInputStream(file)) {
            BiConsumer<Integer, String> onError = (line, reason) -> errors.add(file + ":" + line + ": " + reason);
            if (sentences) {
                BioDocuments.read(in, mapper, docs::add, onError);
            } else {
                JsonlDocuments.read(in, mapper, docs::add, onError);
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("malformed gold file: " + String.join("; ", errors));
        }
        return docs;
    }

    /**
     * Whether the file's first line is a tokenized sentence with BIO tags (../shared/train) rather than a document.
     * Bytes that are not UTF-8 are replaced here, not refused: reading the file reports them with their line.
     */
    private boolean isSentences(Path file) throws Exception {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    try {
                        return BioDocuments.isSentence(mapper.readTree(line));
                    } catch (JsonProcessingException e) {
                        return false;
                    }
                }
            }
        }
        return false;
    }

    private void printNer(PrintWriter out, Path file, List<JsonlDocuments.Document> docs, EnrichmentEngine engine) {
        List<String> scored = types.stream().map(t -> t.strip().toUpperCase(Locale.ROOT)).toList();
        NerScorer scorer = new NerScorer(scored);
        NerScorer titles = new NerScorer(scored);
        int withTitleGold = 0;
        int linkedFound = 0;
        int linkedCorrect = 0;
        int goldLinked = 0;
        ConfidenceTable confidence = new ConfidenceTable();
        for (JsonlDocuments.Document doc : docs) {
            Enrichment enrichment = engine.enrich(doc.title(), doc.text());
            if (flatMentions) {
                enrichment = enrichment.withoutNestedMentions();
            }
            List<Span> gold = spans(doc.json().path("entities"));
            Map<List<Integer>, String> goldLinks = new HashMap<>();
            for (JsonNode e : doc.json().path("entities")) {
                if (e.hasNonNull("wikipedia") && !e.get("wikipedia").asText().isEmpty()) {
                    goldLinks.put(List.of(e.get("start").asInt(), e.get("end").asInt()), title(e.get("wikipedia").asText()));
                    goldLinked++;
                }
            }
            List<Span> predicted = new ArrayList<>();
            Set<Span> goldSpans = new HashSet<>(gold);
            for (Enrichment.Entity entity : enrichment.entities()) {
                for (Enrichment.Mention m : entity.mentions()) {
                    Span span = new Span(m.start(), m.end(), entity.type().name());
                    predicted.add(span);
                    if (scored.contains(span.type())) {
                        confidence.add(entity.confidence(), goldSpans.contains(span));
                    }
                    String goldTitle = goldLinks.get(List.of(m.start(), m.end()));
                    if (goldTitle != null) {
                        linkedFound++;
                        if (entity.wikipedia() != null && title(entity.wikipedia()).equals(goldTitle)) {
                            linkedCorrect++;
                        }
                    }
                }
            }
            scorer.add(gold, predicted);
            if (doc.json().has("title_entities")) {
                withTitleGold++;
                titles.add(spans(doc.json().path("title_entities")), enrichment.entities().stream()
                        .flatMap(e -> e.titleMentions().stream().map(m -> new Span(m.start(), m.end(), e.type().name())))
                        .toList());
            }
        }
        out.printf("Entities: %s (%d documents, types %s%s)%n", file, docs.size(), String.join(",", scored),
                flatMentions ? ", flat mentions" : "");
        out.printf("%-8s %-14s %6s %6s %6s %7s %7s %7s%n", "mode", "type", "gold", "pred", "tp", "P", "R", "F1");
        for (NerScorer.Mode mode : List.of(NerScorer.Mode.EXACT, NerScorer.Mode.PARTIAL)) {
            row(out, mode, "ALL", scorer.overall(mode));
            for (String type : scored) {
                row(out, mode, type, scorer.perType(mode, type));
            }
        }
        if (goldLinked == 0) {
            out.println("entity links: the gold file links no mention to Wikipedia");
        } else {
            out.printf("entity links: %d of %d gold-linked mentions found by exact span have the gold Wikipedia title (%.1f%%)%n",
                    linkedCorrect, linkedFound, linkedFound == 0 ? 0 : 100.0 * linkedCorrect / linkedFound);
        }
        out.printf("%-34s %8s %14s%n", "entity confidence", "mentions", "exactly right");
        for (int band = 0; band < confidence.bands(); band++) {
            double upper = confidence.from(band) + 1.0 / confidence.bands();
            out.printf("%-34s %8d %14s%n", String.format(Locale.ROOT, "%.1f to %.1f%s", confidence.from(band), upper,
                    band == confidence.bands() - 1 ? "" : " (excl.)"), confidence.mentions(band),
                    confidence.mentions(band) == 0 ? "-" : String.format(Locale.ROOT, "%.3f", confidence.precision(band)));
        }
        PrfCounts exact = scorer.overall(NerScorer.Mode.EXACT);
        PrfCounts partial = scorer.overall(NerScorer.Mode.PARTIAL);
        out.printf("ner exact F1=%.3f P=%.3f R=%.3f partial F1=%.3f P=%.3f R=%.3f%n%n",
                exact.f1(), exact.precision(), exact.recall(), partial.f1(), partial.precision(), partial.recall());
        if (withTitleGold > 0) {
            out.printf("Title entities: %d documents whose gold marks the title's names (title_entities, offsets into"
                    + " the title)%n", withTitleGold);
            out.printf("%-8s %-14s %6s %6s %6s %7s %7s %7s%n", "mode", "type", "gold", "pred", "tp", "P", "R", "F1");
            for (NerScorer.Mode mode : List.of(NerScorer.Mode.EXACT, NerScorer.Mode.PARTIAL)) {
                row(out, mode, "ALL", titles.overall(mode));
                for (String type : scored) {
                    row(out, mode, type, titles.perType(mode, type));
                }
            }
            PrfCounts titleExact = titles.overall(NerScorer.Mode.EXACT);
            out.printf("title ner exact F1=%.3f P=%.3f R=%.3f%n%n", titleExact.f1(), titleExact.precision(),
                    titleExact.recall());
        }
    }

    /** Gold spans: {@code start}, {@code end} and {@code type} of each element. */
    private static List<Span> spans(JsonNode entities) {
        List<Span> spans = new ArrayList<>();
        for (JsonNode e : entities) {
            spans.add(new Span(e.get("start").asInt(), e.get("end").asInt(), e.get("type").asText().toUpperCase(Locale.ROOT)));
        }
        return spans;
    }

    private static void row(PrintWriter out, NerScorer.Mode mode, String type, PrfCounts c) {
        out.printf("%-8s %-14s %6d %6d %6d %7.3f %7.3f %7.3f%n", mode.name().toLowerCase(Locale.ROOT), type,
                c.gold(), c.predicted(), c.matched(), c.precision(), c.recall(), c.f1());
    }

    /** A Wikipedia title as GUM writes it (URL-encoded, underscores) or as the engine does, in one form. */
    static String title(String raw) {
        String decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        return decoded.replace('_', ' ').strip();
    }

    private void printTopics(PrintWriter out, Path file, List<JsonlDocuments.Document> docs, EnrichmentEngine engine)
            throws Exception {
        Map<String, TopicLabels.Label> labels = topicLabels == null ? null : readLabels(docs);
        TopicScorer scorer = new TopicScorer();
        TopicScorer lenient = new TopicScorer();
        int withoutTopic = 0;
        for (JsonlDocuments.Document doc : docs) {
            Set<String> gold = new LinkedHashSet<>();
            if (labels == null) {
                doc.json().path("topics_iptc").forEach(n -> gold.add(n.asText().toLowerCase(Locale.ROOT)));
            } else {
                gold.add(labels.get(doc.id()).topic());
            }
            List<String> predicted = engine.enrich(doc.title(), doc.text()).topics().stream()
                    .map(t -> t.label().toLowerCase(Locale.ROOT)).toList();
            if (predicted.isEmpty()) {
                withoutTopic++;
            }
            scorer.add(gold, predicted);
            if (labels != null) {
                lenient.add(labels.get(doc.id()).acceptable(), predicted.isEmpty() ? predicted : predicted.subList(0, 1));
            }
        }
        out.printf("Topics: %s (%d documents, %d without a predicted topic)%s%n", file, scorer.documents(), withoutTopic,
                labels == null ? "" : ", labels from " + topicLabels);
        out.printf("%-42s %7s %7s %7s%n", "label", "P", "R", "F1");
        for (String label : scorer.labelsInGold().stream().sorted().toList()) {
            double[] prf = scorer.prf(label);
            out.printf("%-42s %7.3f %7.3f %7.3f%n", label, prf[0], prf[1], prf[2]);
        }
        out.printf("topics top-1 accuracy=%.3f top-3 recall=%.3f macro-F1=%.3f%n",
                scorer.top1Accuracy(), scorer.top3Recall(), scorer.macroF1());
        if (labels != null) {
            out.printf("topics top-1 accuracy, any acceptable topic=%.3f%n", lenient.top1Accuracy());
        }
        out.println();
    }

    /** The --topic-labels, one for each document of the --topics file and none for any other. */
    private Map<String, TopicLabels.Label> readLabels(List<JsonlDocuments.Document> docs) throws Exception {
        if (!Files.isRegularFile(topicLabels)) {
            throw new IllegalArgumentException(topicLabels + ": no such file");
        }
        Map<String, TopicLabels.Label> labels;
        try (BufferedReader reader = Files.newBufferedReader(topicLabels, StandardCharsets.UTF_8)) {
            labels = TopicLabels.read(topicLabels.toString(), reader,
                    new TopicClassifier(TopicClassifier.DEFAULT_RESOURCE).labels());
        }
        Set<String> ids = new LinkedHashSet<>();
        docs.forEach(d -> ids.add(d.id()));
        List<String> unlabelled = ids.stream().filter(id -> !labels.containsKey(id)).toList();
        List<String> unknown = labels.keySet().stream().filter(id -> !ids.contains(id)).toList();
        if (!unlabelled.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalArgumentException(topicLabels + " does not match " + topics + ": "
                    + (unlabelled.isEmpty() ? "" : "no label for " + String.join(", ", unlabelled))
                    + (unlabelled.isEmpty() || unknown.isEmpty() ? "" : "; ")
                    + (unknown.isEmpty() ? "" : "labels for documents it lacks: " + String.join(", ", unknown)));
        }
        return labels;
    }

    private void printSpeed(PrintWriter out, List<JsonlDocuments.Document> docs, EnrichmentEngine engine) {
        List<EngineSpeed.Text> corpus = docs.stream().map(d -> EngineSpeed.Text.of(d.title(), d.text())).toList();
        EngineSpeed.Run run = EngineSpeed.measure(List.of(engine), corpus, Duration.ofSeconds(3), 1,
                Duration.ofSeconds(speedSeconds), i -> { }).median();
        out.printf("speed: %,.0f words/s, %,.0f documents/s, %.1f MB/s on one thread (%,d words in %.1f s after 3 s warm-up)%n",
                run.wordsPerSecond(), run.textsPerSecond(), run.megabytesPerSecond(), run.words(), run.seconds());
    }
}
