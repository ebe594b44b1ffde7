package io.newsflow.processing.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores an article against the IPTC Media Topics top level (medtop:01000000 … 17000000) with a weighted
 * lexicon: every term found in the article adds its weight to each topic it signals. A term may signal
 * several topics with different weights ("court": crime strongly, sport weakly), and because matching keeps
 * the leftmost-longest term, a phrase overrides the words inside it ("tennis court", "opened fire"); phrases
 * listed under the neutral code {@code -} score nothing and so switch off the words inside them ("state of the
 * art"). A term found in the title counts {@link #TITLE_WEIGHT} times; repeats in the body are damped
 * logarithmically, so one word said twenty times cannot outvote the rest of a long article.
 *
 * <p>A topic's share is its part of the article's total evidence. The best topic is returned whenever there
 * is any evidence at all; runners-up only with a share of at least {@link #MIN_SHARE}; at most
 * {@link #MAX_TOPICS}, best first. A topic's score is its share times the confidence that the evidence is
 * enough ({@code 1 - e^(-evidence / EVIDENCE_SCALE)}), so one weak word yields a low score and a headline full
 * of cues a score near its share. An article without any evidence gets no topic: a guess from the base rates
 * would look like a finding to every consumer downstream.
 *
 * <p>The lexicon is a UTF-8 resource. A line with a TAB starts a topic: {@code code<TAB>label[<TAB>terms]};
 * other lines hold more terms for the topic above; {@code #} starts a comment line. Terms are separated by
 * commas; {@code term:2.5} gives a term its weight, {@code [2.5]} at the start of a line gives one to every term
 * on the line that has none of its own (otherwise 1, or {@link #PHRASE_WEIGHT} for a multi-word term), and
 * braces list variants: {@code recipe{,s}} is "recipe" and "recipes", {@code {re,}elect{,ed}} four words.
 * Terms are matched word by word ({@link PhraseMatcher}): case and the punctuation between words do not
 * matter, so "covid-19" also finds "Covid 19" and "o'reilly" finds "O’Reilly".
 */
public final class TopicClassifier {

    public static final String DEFAULT_RESOURCE = "/io/newsflow/kb/iptc-topics.tsv";
    /** Code of the neutral section: phrases that are matched (and so hide their words) but score nothing. */
    static final String NEUTRAL = "-";
    /** Least share of the evidence a topic other than the best needs to be returned. */
    static final double MIN_SHARE = 0.15;
    static final int MAX_TOPICS = 3;
    static final double TITLE_WEIGHT = 2.0;
    static final double PHRASE_WEIGHT = 1.5;
    /** Evidence at which the confidence reaches 1 - 1/e (about two ordinary cues in a title). */
    static final double EVIDENCE_SCALE = 3.0;
    private static final int MAX_EVIDENCE = 5;

    /** A lexicon entry: the topics it signals (indexes into {@link #codes}) and the weight for each. */
    private record Term(int id, String text, int[] topics, double[] weights) {}

    /** A term while the lexicon is read: its text as first written and its weight per topic. */
    private static final class Entry {
        final String text;
        final Map<Integer, Double> weights = new LinkedHashMap<>();

        Entry(String text) {
            this.text = text;
        }
    }

    private final List<String> codes = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final PhraseMatcher<Term> matcher;
    private final Term[] terms;
    private final java.util.zip.CRC32 checksum = new java.util.zip.CRC32();

    /** The classifier with the lexicon in a classpath resource, such as {@link #DEFAULT_RESOURCE}. */
    public TopicClassifier(String resource) {
        this(resource, open(resource));
    }

    /** The classifier with a lexicon given as text in the format of iptc-topics.tsv; {@code name} is for errors. */
    public static TopicClassifier fromText(String name, String lexicon) {
        return new TopicClassifier(name, new java.io.StringReader(lexicon));
    }

    /** The lexicon's version: the CRC-32 of its lines, so that any change to it shows on the events it tags. */
    public String version() {
        return String.format("%08x", checksum.getValue());
    }

    /** The classifier with the lexicon read from {@code reader}; {@code name} is for error messages. */
    TopicClassifier(String name, Reader reader) {
        Map<String, Entry> lexicon = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(reader)) {
            read(name, lines, lexicon);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read topic terms " + name, e);
        }
        this.terms = new Term[lexicon.size()];
        Map<String, Term> byKey = new HashMap<>();
        for (Map.Entry<String, Entry> e : lexicon.entrySet()) {
            Map<Integer, Double> weights = e.getValue().weights;
            int[] topics = weights.keySet().stream().mapToInt(Integer::intValue).filter(t -> t >= 0).toArray();
            double[] w = Arrays.stream(topics).mapToDouble(weights::get).toArray();
            Term term = new Term(byKey.size(), e.getValue().text, topics, w);
            terms[term.id()] = term;
            byKey.put(e.getKey(), term);
        }
        this.matcher = new PhraseMatcher<>(byKey);
    }

    private static Reader open(String resource) {
        InputStream in = TopicClassifier.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("topic terms " + resource + " are not on the classpath");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private void read(String resource, BufferedReader reader, Map<String, Entry> lexicon) throws IOException {
        int topic = Integer.MIN_VALUE;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            checksum.update(line.getBytes(StandardCharsets.UTF_8));
            lineNumber++;
            String where = resource + ":" + lineNumber + ": ";
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String terms = line;
            if (line.indexOf('\t') >= 0) {
                String[] cols = line.split("\t");
                if (cols.length < 2 || cols.length > 3 || cols[0].isBlank()) {
                    throw new IllegalArgumentException(where + "expected code<TAB>label[<TAB>terms]");
                }
                String code = cols[0].strip();
                if (code.equals(NEUTRAL)) {
                    topic = -1;
                } else {
                    if (codes.contains(code)) {
                        throw new IllegalArgumentException(where + "topic " + code + " is defined twice");
                    }
                    topic = codes.size();
                    codes.add(code);
                    labels.add(cols[1].strip());
                }
                terms = cols.length == 3 ? cols[2] : "";
            } else if (topic == Integer.MIN_VALUE) {
                throw new IllegalArgumentException(where + "terms before the first topic line");
            }
            double lineWeight = Double.NaN;
            String rest = terms.strip();
            if (rest.startsWith("[")) {
                int close = rest.indexOf(']');
                lineWeight = close < 0 ? -1 : parseWeight(rest.substring(1, close));
                if (!(lineWeight >= 0)) {
                    throw new IllegalArgumentException(where + "expected [weight] at the start of the line");
                }
                rest = rest.substring(close + 1);
            }
            for (String spec : splitTerms(rest, where)) {
                addTerm(spec, lineWeight, topic, where, lexicon);
            }
        }
        if (codes.isEmpty()) {
            throw new IllegalArgumentException(resource + ": no topics");
        }
    }

    /** A finite weight >= 0, or -1 if the text is not one. */
    private static double parseWeight(String text) {
        try {
            double w = Double.parseDouble(text.strip());
            return w >= 0 && !Double.isInfinite(w) ? w : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void addTerm(String spec, double lineWeight, int topic, String where, Map<String, Entry> lexicon) {
        double weight = lineWeight;
        int colon = spec.lastIndexOf(':');
        if (colon > 0 && spec.substring(colon + 1).strip().matches("[-+0-9.eE]+")) {
            weight = parseWeight(spec.substring(colon + 1));
            if (weight < 0) {
                throw new IllegalArgumentException(where + "weight of '" + spec + "' must be a finite number >= 0");
            }
            spec = spec.substring(0, colon).strip();
        }
        List<String> variants = new ArrayList<>();
        expand(spec, where, variants);
        for (String text : variants) {
            List<String> words = PhraseMatcher.words(text);
            if (words.isEmpty()) {
                if (!text.isBlank()) {
                    throw new IllegalArgumentException(where + "'" + text + "' has no word to match");
                }
                continue;
            }
            double w = topic < 0 ? 0 : Double.isNaN(weight) ? (words.size() > 1 ? PHRASE_WEIGHT : 1.0) : weight;
            String display = text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            Entry entry = lexicon.computeIfAbsent(String.join(" ", words), k -> new Entry(display));
            if (entry.weights.put(topic, w) != null) {
                throw new IllegalArgumentException(where + "'" + display + "' is listed twice for the same topic"
                        + (display.equals(entry.text) ? "" : " (as '" + entry.text + "')"));
            }
        }
    }

    /** Splits on commas outside braces. */
    private static List<String> splitTerms(String terms, String where) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < terms.length(); i++) {
            char c = terms.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(terms.substring(start, i).strip());
                start = i + 1;
            }
            if (depth < 0 || depth > 1) {
                throw new IllegalArgumentException(where + "unbalanced or nested braces in '" + terms.strip() + "'");
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException(where + "unbalanced braces in '" + terms.strip() + "'");
        }
        out.add(terms.substring(start).strip());
        out.removeIf(String::isEmpty);
        return out;
    }

    /** {@code a{b,c}d{e,}} → abde, abd, acde, acd. */
    private static void expand(String spec, String where, List<String> out) {
        int open = spec.indexOf('{');
        if (open < 0) {
            out.add(spec);
            return;
        }
        int close = spec.indexOf('}', open);
        if (close < 0) {
            throw new IllegalArgumentException(where + "unbalanced braces in '" + spec + "'");
        }
        for (String option : spec.substring(open + 1, close).split(",", -1)) {
            expand(spec.substring(0, open) + option.strip() + spec.substring(close + 1), where, out);
        }
    }

    public List<Enrichment.Topic> classify(String title, String body) {
        // every match as term id * 2, + 1 if in the title: sorting then groups each term's matches
        Hits hits = new Hits();
        if (title != null) {
            matcher.find(title, term -> hits.add(term.id() * 2 + 1));
        }
        if (body != null) {
            matcher.find(body, term -> hits.add(term.id() * 2));
        }
        int n = hits.size;
        if (n == 0) {
            return List.of();
        }
        int[] sorted = hits.values;
        Arrays.sort(sorted, 0, n);
        // distinct terms and how much each weighs in this article
        int[] distinct = new int[n];
        double[] strength = new double[n];
        int d = 0;
        for (int i = 0; i < n; ) {
            int id = sorted[i] >> 1;
            int inBody = 0;
            boolean titled = false;
            for (; i < n && sorted[i] >> 1 == id; i++) {
                if ((sorted[i] & 1) == 1) {
                    titled = true;
                } else {
                    inBody++;
                }
            }
            distinct[d] = id;
            strength[d++] = (titled ? TITLE_WEIGHT : 0) + (inBody > 0 ? 1 + Math.log(inBody) : 0);
        }
        double[] raw = new double[codes.size()];
        double total = 0;
        for (int k = 0; k < d; k++) {
            Term term = terms[distinct[k]];
            for (int t = 0; t < term.topics().length; t++) {
                double w = term.weights()[t] * strength[k];
                raw[term.topics()[t]] += w;
                total += w;
            }
        }
        if (total <= 0) {
            return List.of();
        }
        double confidence = 1 - Math.exp(-total / EVIDENCE_SCALE);
        List<Enrichment.Topic> topics = new ArrayList<>(MAX_TOPICS);
        boolean[] taken = new boolean[raw.length];
        for (int rank = 0; rank < MAX_TOPICS; rank++) {
            int best = -1;
            for (int t = 0; t < raw.length; t++) {
                if (!taken[t] && raw[t] > 0 && (best < 0 || raw[t] > raw[best])) {
                    best = t;
                }
            }
            if (best < 0 || rank > 0 && raw[best] / total < MIN_SHARE) {
                break;
            }
            taken[best] = true;
            double score = Math.max(0.001, Math.round(raw[best] / total * confidence * 1000) / 1000.0);
            topics.add(new Enrichment.Topic(codes.get(best), labels.get(best), score, evidence(best, distinct, strength, d)));
        }
        return topics;
    }

    /** A growing list of ints, so that matching allocates no boxes. */
    private static final class Hits {
        int[] values = new int[32];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }

    /** The topic's strongest terms in this article, strongest first. */
    private List<String> evidence(int topic, int[] distinct, double[] strength, int d) {
        String[] names = new String[MAX_EVIDENCE];
        double[] values = new double[MAX_EVIDENCE];
        int size = 0;
        for (int k = 0; k < d; k++) {
            Term term = terms[distinct[k]];
            for (int t = 0; t < term.topics().length; t++) {
                double v = term.weights()[t] * strength[k];
                if (term.topics()[t] != topic || v <= 0 || size == MAX_EVIDENCE && v <= values[size - 1]) {
                    continue;
                }
                int at = size < MAX_EVIDENCE ? size++ : size - 1;
                while (at > 0 && values[at - 1] < v) {
                    names[at] = names[at - 1];
                    values[at] = values[at - 1];
                    at--;
                }
                names[at] = term.text();
                values[at] = v;
            }
        }
        return Arrays.asList(names).subList(0, size);
    }

    /** The topic codes this classifier knows, in file order. */
    public List<String> codes() {
        return List.copyOf(codes);
    }

    /** The labels of {@link #codes()}, in the same order. */
    public List<String> labels() {
        return List.copyOf(labels);
    }

    /** How many distinct terms the lexicon holds (after expanding variants). */
    public int termCount() {
        return terms.length;
    }
}
