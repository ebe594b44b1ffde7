package io.newsflow.processing.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores an article against the IPTC Media Topics top level (medtop:01000000 … 17000000) by the topic terms
 * it contains. A term in the title counts double; multi-word terms count more than single words. Scores are
 * shares of the article's total evidence, so they sum to at most 1; topics under {@link #MIN_SCORE} are
 * dropped and at most {@link #MAX_TOPICS} are returned, best first, each with its strongest terms.
 *
 * <p>Terms come from a tab-separated resource: {@code code  label  term, term, …}.
 */
public final class TopicClassifier {

    public static final String DEFAULT_RESOURCE = "/io/newsflow/kb/iptc-topics.tsv";
    static final double MIN_SCORE = 0.15;
    static final int MAX_TOPICS = 3;
    private static final int MAX_EVIDENCE = 5;

    private record Term(String text, int topic, double weight) {}

    private final List<String> codes = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final TermMatcher<Term> matcher;

    public TopicClassifier(String resource) {
        Map<String, Term> terms = new HashMap<>();
        try (InputStream in = TopicClassifier.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("topic terms " + resource + " are not on the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 3) {
                    throw new IllegalArgumentException(resource + ":" + lineNumber + ": expected code<TAB>label<TAB>terms");
                }
                int topic = codes.size();
                codes.add(cols[0].strip());
                labels.add(cols[1].strip());
                for (String term : cols[2].split(",")) {
                    String t = term.strip().toLowerCase(Locale.ROOT);
                    if (!t.isEmpty()) {
                        terms.putIfAbsent(t, new Term(t, topic, t.indexOf(' ') > 0 ? 1.5 : 1.0));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read topic terms " + resource, e);
        }
        this.matcher = new TermMatcher<>(terms);
    }

    public List<Enrichment.Topic> classify(String title, String body) {
        double[] scores = new double[codes.size()];
        List<Map<String, Double>> evidence = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            evidence.add(new LinkedHashMap<>());
        }
        double total = 0;
        total += score(body, 1.0, scores, evidence);
        if (title != null) {
            total += score(title, 2.0, scores, evidence);
        }
        if (total == 0) {
            return List.of();
        }
        List<Enrichment.Topic> topics = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            double share = scores[i] / total;
            if (share >= MIN_SCORE) {
                List<String> terms = evidence.get(i).entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .limit(MAX_EVIDENCE).map(Map.Entry::getKey).toList();
                topics.add(new Enrichment.Topic(codes.get(i), labels.get(i), Math.round(share * 1000) / 1000.0, terms));
            }
        }
        topics.sort(Comparator.comparingDouble(Enrichment.Topic::score).reversed());
        return topics.size() > MAX_TOPICS ? topics.subList(0, MAX_TOPICS) : topics;
    }

    private double score(String text, double factor, double[] scores, List<Map<String, Double>> evidence) {
        double total = 0;
        for (TermMatcher.Match<Term> match : matcher.find(text.toLowerCase(Locale.ROOT))) {
            Term term = match.value();
            double weight = term.weight() * factor;
            scores[term.topic()] += weight;
            evidence.get(term.topic()).merge(term.text(), weight, Double::sum);
            total += weight;
        }
        return total;
    }

    /** The topic codes this classifier knows, in file order. */
    public List<String> codes() {
        return List.copyOf(codes);
    }
}
