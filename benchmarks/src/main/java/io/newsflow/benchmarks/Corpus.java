package io.newsflow.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The engine benchmarks' corpus, read from the repository root: the bundled sample articles and, where
 * {@code ../shared/eval} is beside the checkout, its news documents and ledes as they are.
 */
final class Corpus {

    private Corpus() {}

    /** The documents as {title or null, text}. */
    static List<String[]> documents() throws IOException {
        List<String[]> documents = new ArrayList<>();
        try (Stream<Path> samples = Files.list(Path.of("samples/articles"))) {
            for (Path sample : samples.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                documents.add(new String[] {null, Files.readString(sample)});
            }
        }
        ObjectMapper mapper = new ObjectMapper();
        for (String gold : List.of("../shared/eval/ner/gum_wikinews.ner.jsonl",
                "../shared/eval/topics/huffpost_news_category.topics.jsonl")) {
            Path file = Path.of(gold);
            if (Files.isRegularFile(file)) {
                try (BufferedReader reader = Files.newBufferedReader(file)) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        JsonNode doc = mapper.readTree(line);
                        documents.add(new String[] {doc.path("title").asText(null), doc.get("text").asText()});
                    }
                }
            }
        }
        return documents;
    }

    /** Whitespace-separated words in the documents' texts. */
    static long words(List<String[]> documents) {
        return documents.stream().mapToLong(d -> d[1].split("\\s+").length).sum();
    }
}
