package io.newsflow.app.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Topic labels kept apart from the texts they label (such as {@code docs/gum-wikinews-topics.tsv} for the GUM
 * documents in ../shared/eval): one line per document, {@code id<TAB>topic<TAB>other acceptable topics
 * (separated by {@code ;}, may be empty)<TAB>why}; {@code #} starts a comment line. Topics are labels of the IPTC top
 * level as the engine writes them ("science and technology").
 */
public final class TopicLabels {

    /** A document's labels: the topic it is about, and every topic it may also be filed under. */
    public record Label(String topic, Set<String> acceptable) {}

    private TopicLabels() {}

    /**
     * Reads the labels.
     *
     * @param name the file's name, for errors
     * @param known the topic labels there are (any case)
     * @throws IllegalArgumentException naming the file, line and reason for a malformed line, an unknown topic or
     *     a document labelled twice
     */
    public static Map<String, Label> read(String name, BufferedReader reader, Collection<String> known) throws IOException {
        Set<String> topics = new LinkedHashSet<>();
        known.forEach(k -> topics.add(k.toLowerCase(Locale.ROOT)));
        Map<String, Label> labels = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = name + ":" + lineNumber + ": ";
            String[] columns = line.split("\t", -1);
            if (columns.length < 2 || columns[0].isBlank() || columns[1].isBlank()) {
                throw new IllegalArgumentException(where + "expected id<TAB>topic[<TAB>other topics<TAB>why]");
            }
            String topic = topic(columns[1], topics, where);
            Set<String> acceptable = new LinkedHashSet<>(List.of(topic));
            if (columns.length > 2 && !columns[2].isBlank()) {
                for (String other : columns[2].split(";")) {
                    acceptable.add(topic(other, topics, where));
                }
            }
            String id = columns[0].strip();
            if (labels.put(id, new Label(topic, Set.copyOf(acceptable))) != null) {
                throw new IllegalArgumentException(where + "document " + id + " is labelled twice");
            }
        }
        return labels;
    }

    private static String topic(String raw, Set<String> topics, String where) {
        String topic = raw.strip().toLowerCase(Locale.ROOT);
        if (!topics.contains(topic)) {
            throw new IllegalArgumentException(where + "unknown topic '" + raw.strip() + "' (known: "
                    + String.join("; ", topics) + ")");
        }
        return topic;
    }
}
