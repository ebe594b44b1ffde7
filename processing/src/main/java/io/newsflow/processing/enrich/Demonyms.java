package io.newsflow.processing.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** The English adjectives of peoples ("Afghan", "Australian"): never a name on their own. Built by kb/build.mjs. */
final class Demonyms {

    static final String DEFAULT_RESOURCE = "/io/newsflow/kb/demonyms.txt";

    private Demonyms() {}

    static Set<String> loadDefault() {
        try (InputStream in = Demonyms.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no demonyms at " + DEFAULT_RESOURCE + " on the classpath");
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip());
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }
}
