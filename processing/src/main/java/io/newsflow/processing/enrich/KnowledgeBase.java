package io.newsflow.processing.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The entities the engine knows by name: canonical name, type, canonical id, English Wikipedia title, aliases,
 * prior and further ids. Read from a tab-separated resource whose first line is {@code #version<TAB>…}; then one
 * entity per line: {@code TYPE  name  id  wikipedia  alias|alias|…  prior  id|id|…} (empty columns allowed, the
 * last two optional, further columns ignored, {@code #} starts a comment). The prior, in (0,1], is how likely the
 * entity is meant when one of its names appears in news. Earlier lines win when two entities share a surface
 * form, so the file lists the more likely first (the bundled file is sorted by prior; kb/build.mjs writes it).
 */
public final class KnowledgeBase {

    /** The default knowledge base bundled with the engine. */
    public static final String DEFAULT_RESOURCE = "/io/newsflow/kb/entities.tsv";

    /** The prior of an entry whose line has no prior column. */
    public static final double DEFAULT_PRIOR = 0.5;

    /** One known entity; {@code extraIds} are its ids other than {@code id} (e.g. {@code iso3166:US}). */
    public record Entry(String name, EntityType type, String id, String wikipedia, List<String> aliases,
                        double prior, List<String> extraIds) {
        public Entry {
            aliases = List.copyOf(aliases);
            extraIds = List.copyOf(extraIds);
            if (!(prior > 0 && prior <= 1)) {
                throw new IllegalArgumentException("prior of " + name + " must be in (0,1], got " + prior);
            }
        }

        /** An entry without prior or further ids. */
        public Entry(String name, EntityType type, String id, String wikipedia, List<String> aliases) {
            this(name, type, id, wikipedia, aliases, DEFAULT_PRIOR, List.of());
        }
    }

    private final String version;
    private final List<Entry> entries;

    private KnowledgeBase(String version, List<Entry> entries) {
        this.version = version;
        this.entries = List.copyOf(entries);
    }

    public static KnowledgeBase loadDefault() {
        return load(DEFAULT_RESOURCE);
    }

    public static KnowledgeBase load(String resource) {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("knowledge base " + resource + " is not on the classpath");
            }
            return parse(resource, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read knowledge base " + resource, e);
        }
    }

    static KnowledgeBase parse(String name, InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String first = reader.readLine();
        if (first == null || !first.startsWith("#version\t")) {
            throw new IllegalArgumentException(name + ": first line must be '#version<TAB>…'");
        }
        String version = first.substring("#version\t".length()).strip();
        return new KnowledgeBase(version, entries(name, reader, 1));
    }

    /**
     * This knowledge base with more entries on top, in the format of entities.tsv (no version line needed): an
     * entry with the id of one of ours replaces it, and the others come first, so that their names win.
     *
     * @throws IllegalArgumentException naming {@code name} and the line of a malformed row
     */
    public KnowledgeBase withEntries(String version, String name, String rows) {
        List<Entry> added;
        try {
            added = entries(name, new BufferedReader(new java.io.StringReader(rows)), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        java.util.Set<String> replaced = new java.util.HashSet<>();
        added.forEach(e -> {
            if (e.id() != null) {
                replaced.add(e.id());
            }
        });
        List<Entry> merged = new ArrayList<>(added);
        entries.stream().filter(e -> e.id() == null || !replaced.contains(e.id())).forEach(merged::add);
        return new KnowledgeBase(this.version + " + " + version, merged);
    }

    private static List<Entry> entries(String name, BufferedReader reader, int linesRead) throws IOException {
        List<Entry> entries = new ArrayList<>();
        int lineNumber = linesRead;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length < 2) {
                throw new IllegalArgumentException(name + ":" + lineNumber + ": expected TYPE<TAB>name[…], got '" + line + "'");
            }
            EntityType type;
            try {
                type = EntityType.valueOf(cols[0].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ":" + lineNumber + ": unknown entity type '" + cols[0] + "'", e);
            }
            double prior = DEFAULT_PRIOR;
            String priorText = column(cols, 5);
            if (priorText != null) {
                try {
                    prior = Double.parseDouble(priorText);
                } catch (NumberFormatException e) {
                    prior = Double.NaN;
                }
                if (!(prior > 0 && prior <= 1)) {
                    throw new IllegalArgumentException(name + ":" + lineNumber + ": prior must be a number in (0,1], got '" + priorText + "'");
                }
            }
            entries.add(new Entry(cols[1].strip(), type, column(cols, 2), column(cols, 3), list(cols, 4), prior, list(cols, 6)));
        }
        return entries;
    }

    /** A '|'-separated column as a list, blanks dropped. */
    private static List<String> list(String[] cols, int index) {
        return cols.length > index && !cols[index].isBlank()
                ? Arrays.stream(cols[index].split("\\|")).map(String::strip).filter(a -> !a.isEmpty()).toList()
                : List.of();
    }

    private static String column(String[] cols, int index) {
        return cols.length > index && !cols[index].isBlank() ? cols[index].strip() : null;
    }

    public String version() {
        return version;
    }

    public List<Entry> entries() {
        return entries;
    }
}
