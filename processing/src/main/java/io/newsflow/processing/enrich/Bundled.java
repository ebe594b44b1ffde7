package io.newsflow.processing.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The files the engine bundles on its classpath (its entity model, word clusters and word lists): opened and
 * read in one place, with errors that name the file and what it holds.
 */
public final class Bundled {

    /** Reads a bundled file's bytes into what it holds. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    private Bundled() {}

    /**
     * Reads the classpath resource at {@code path}.
     *
     * @param what what the file holds, for errors ("entity model")
     * @throws IllegalStateException if the resource is not on the classpath
     * @throws UncheckedIOException if it cannot be read
     */
    public static <T> T read(String path, String what, Reader<T> reader) {
        try (InputStream in = Bundled.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no " + what + " at " + path + " on the classpath");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " " + path, e);
        }
    }

    /**
     * The entries of a word list as {@code kb/build.mjs} writes them: one per line (UTF-8), stripped; blank lines
     * and lines starting with {@code #} are skipped.
     */
    public static List<String> wordList(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> words = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String word = line.strip();
            if (!word.isEmpty() && !word.startsWith("#")) {
                words.add(word);
            }
        }
        return words;
    }
}
