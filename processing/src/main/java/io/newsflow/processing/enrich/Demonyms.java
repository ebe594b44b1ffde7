package io.newsflow.processing.enrich;

import java.util.Set;

/** The English adjectives of peoples ("Afghan", "Australian"): never a name on their own. Built by kb/build.mjs. */
final class Demonyms {

    static final String DEFAULT_RESOURCE = "/io/newsflow/kb/demonyms.txt";

    private Demonyms() {}

    static Set<String> loadDefault() {
        return Bundled.read(DEFAULT_RESOURCE, "demonyms", in -> Set.copyOf(Bundled.wordList(in)));
    }
}
