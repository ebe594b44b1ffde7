package io.newsflow.processing.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
 * A hyphenated term also matches with a space for the hyphen, and an apostrophe matches either form.
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
    private record Term(String text, int[] topics, double[] weights) {}

    private final List<String> codes = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final TermMatcher<Term> matcher;
    private final int termCount;

    public TopicClassifier(String resource) {
        Map<String, Map<Integer, Double>> lexicon = new HashMap<>();
        try (InputStream in = TopicClassifier.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("topic terms " + resource + " are not on the classpath");
            }
            read(resource, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), lexicon);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read topic terms " + resource, e);
        }
        Map<String, Term> terms = new HashMap<>();
        lexicon.forEach((text, keys) -> {
            Map<Integer, Double> weights = new LinkedHashMap<>();
            keys.forEach((key, w) -> {
                if (key > 0) {
                    weights.put(key - 1, w);
                }
            });
            keys.forEach((key, w) -> {
                if (key < 0) {
                    weights.putIfAbsent(-key - 2, w);
                }
            });
            int[] topics = weights.keySet().stream().mapToInt(Integer::intValue).filter(t -> t >= 0).toArray();
            double[] w = Arrays.stream(topics).mapToDouble(weights::get).toArray();
            terms.put(text, new Term(text, topics, w));
        });
        this.termCount = terms.size();
        this.matcher = new TermMatcher<>(terms);
    }

    private void read(String resource, BufferedReader reader, Map<String, Map<Integer, Double>> lexicon) throws IOException {
        int topic = Integer.MIN_VALUE;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
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

    private static void addTerm(String spec, double lineWeight, int topic, String where,
                                Map<String, Map<Integer, Double>> lexicon) {
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
        expand(spec.toLowerCase(Locale.ROOT), where, variants);
        for (String text : variants) {
            text = text.strip().replaceAll("\\s+", " ");
            if (text.isEmpty()) {
                continue;
            }
            double w = topic < 0 ? 0 : Double.isNaN(weight) ? (text.indexOf(' ') > 0 ? PHRASE_WEIGHT : 1.0) : weight;
            List<String> forms = new ArrayList<>(List.of(text));
            if (text.indexOf('-') > 0) {
                forms.add(text.replace('-', ' '));
            }
            for (String form : List.copyOf(forms)) {
                if (form.indexOf('\'') >= 0) {
                    forms.add(form.replace('\'', '\u2019'));
                }
            }
            // key topic + 1 for terms as written, -(topic + 2) for derived forms, which yield to written ones
            for (String form : forms) {
                Map<Integer, Double> entry = lexicon.computeIfAbsent(form, k -> new LinkedHashMap<>());
                if (form.equals(text)) {
                    if (entry.put(topic + 1, w) != null) {
                        throw new IllegalArgumentException(where + "'" + text + "' is listed twice for the same topic");
                    }
                } else {
                    entry.put(-(topic + 2), w);
                }
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
        // per matched term: [title occurrences, body occurrences]
        Map<Term, int[]> found = new LinkedHashMap<>();
        if (title != null) {
            count(title, 0, found);
        }
        if (body != null) {
            count(body, 1, found);
        }
        int n = codes.size();
        double[] raw = new double[n];
        double total = 0;
        for (Map.Entry<Term, int[]> e : found.entrySet()) {
            Term term = e.getKey();
            double strength = strength(e.getValue());
            for (int i = 0; i < term.topics().length; i++) {
                double w = term.weights()[i] * strength;
                raw[term.topics()[i]] += w;
                total += w;
            }
        }
        if (total <= 0) {
            return List.of();
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(raw[b], raw[a]));
        double confidence = 1 - Math.exp(-total / EVIDENCE_SCALE);
        List<Enrichment.Topic> topics = new ArrayList<>(MAX_TOPICS);
        for (int rank = 0; rank < MAX_TOPICS; rank++) {
            int t = order[rank];
            double share = raw[t] / total;
            if (raw[t] <= 0 || rank > 0 && share < MIN_SHARE) {
                break;
            }
            double score = Math.max(0.001, Math.round(share * confidence * 1000) / 1000.0);
            topics.add(new Enrichment.Topic(codes.get(t), labels.get(t), score, evidence(t, found)));
        }
        return topics;
    }

    private void count(String text, int slot, Map<Term, int[]> found) {
        for (TermMatcher.Match<Term> match : matcher.find(text.toLowerCase(Locale.ROOT))) {
            found.computeIfAbsent(match.value(), k -> new int[2])[slot]++;
        }
    }

    /** How much one term weighs given its occurrences: the title once, body repeats damped by a logarithm. */
    private static double strength(int[] occurrences) {
        double s = occurrences[0] > 0 ? TITLE_WEIGHT : 0;
        return occurrences[1] > 0 ? s + 1 + Math.log(occurrences[1]) : s;
    }

    private static List<String> evidence(int topic, Map<Term, int[]> found) {
        List<Map.Entry<String, Double>> terms = new ArrayList<>();
        for (Map.Entry<Term, int[]> e : found.entrySet()) {
            Term term = e.getKey();
            for (int i = 0; i < term.topics().length; i++) {
                if (term.topics()[i] == topic && term.weights()[i] > 0) {
                    terms.add(Map.entry(term.text(), term.weights()[i] * strength(e.getValue())));
                }
            }
        }
        terms.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        return terms.stream().limit(MAX_EVIDENCE).map(Map.Entry::getKey).toList();
    }

    /** The topic codes this classifier knows, in file order. */
    public List<String> codes() {
        return List.copyOf(codes);
    }

    /** How many distinct surface forms the lexicon matches (after expanding variants). */
    public int termCount() {
        return termCount;
    }
}
