package io.newsflow.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Compares two builds of the engine in one JVM and one thread, pass by pass: each round runs the whole
 * {@link Corpus} through build A and through build B (in alternating order) and takes the thread's CPU time
 * of each pass. Both builds see the same moment of this machine, so a difference of a few percent shows
 * where separate runs (JMH's included) drift by ten or twenty percent from one minute to the next. It first
 * checks that both builds enrich every document alike and says how many differ.
 *
 * <p>A build is a {@code newsflow-processing} jar; its classes and resources ({@code io.newsflow.processing},
 * {@code io/newsflow/}) are loaded from it, everything else from this classpath. From the repository root:
 * <pre>
 * ./mvnw -q -B package -DskipTests -pl benchmarks -am     # B: the working tree
 * cp processing/target/newsflow-processing-0.1.0-SNAPSHOT.jar target/b.jar
 * git worktree add target/a-tree COMMIT                   # A: the commit to compare with
 * (cd target/a-tree &amp;&amp; ./mvnw -q -B package -DskipTests -pl processing -am)
 * cp target/a-tree/processing/target/newsflow-processing-0.1.0-SNAPSHOT.jar target/a.jar
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" io.newsflow.benchmarks.EngineAB target/a.jar target/b.jar [rounds]
 * git worktree remove --force target/a-tree
 * </pre>
 * The first third of the rounds is warm-up; the report gives B's CPU time over A's, in total and the median
 * of the rounds with its quartiles.
 */
public final class EngineAB {

    private static final int DEFAULT_ROUNDS = 45;

    private EngineAB() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: EngineAB A.jar B.jar [rounds]");
            System.exit(2);
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_ROUNDS;
        List<String[]> documents = Corpus.documents();
        Build[] builds = {new Build(Path.of(args[0])), new Build(Path.of(args[1]))};

        int differing = 0;
        for (String[] doc : documents) {
            String a = String.valueOf(builds[0].enrich(doc));
            String b = String.valueOf(builds[1].enrich(doc));
            if (!a.equals(b) && differing++ == 0) {
                System.out.printf("first document enriched differently:%n A: %s%n B: %s%n", a, b);
            }
        }
        System.out.printf("%,d documents (%,d words), enriched differently by A and B: %d%n", documents.size(),
                Corpus.words(documents), differing);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> ratios = new ArrayList<>();
        long[] total = new long[2];
        for (int round = 0; round < rounds; round++) {
            long[] nanos = new long[2];
            for (int k = 0; k < 2; k++) {
                int which = (round + k) % 2;
                long start = threads.getCurrentThreadCpuTime();
                for (String[] doc : documents) {
                    builds[which].enrich(doc);
                }
                nanos[which] = threads.getCurrentThreadCpuTime() - start;
            }
            boolean counted = round >= rounds / 3;
            if (counted) {
                total[0] += nanos[0];
                total[1] += nanos[1];
                ratios.add((double) nanos[1] / nanos[0]);
            }
            System.out.printf("round %d%s: A %.1f ms, B %.1f ms, B/A %.3f%n", round + 1, counted ? "" : " (warm-up)",
                    nanos[0] / 1e6, nanos[1] / 1e6, (double) nanos[1] / nanos[0]);
        }
        Collections.sort(ratios);
        int n = ratios.size();
        System.out.printf("CPU per pass: A %.1f ms, B %.1f ms; B/A %.3f in total, median of %d rounds %.3f "
                        + "(quartiles %.3f-%.3f)%n", total[0] / 1e6 / n, total[1] / 1e6 / n,
                (double) total[1] / total[0], n, ratios.get(n / 2), ratios.get(n / 4), ratios.get(n * 3 / 4));
    }

    /** One build of the engine, its default engine loaded from the build's own classes and resources. */
    private static final class Build {
        private final Object engine;
        private final Method enrich;

        Build(Path jar) throws Exception {
            if (!Files.isRegularFile(jar)) {
                throw new IOException("no such jar: " + jar);
            }
            ClassLoader loader = new BuildLoader(jar.toUri().toURL(), EngineAB.class.getClassLoader());
            Class<?> api = loader.loadClass("io.newsflow.processing.enrich.EnrichmentEngine");
            engine = api.getMethod("loadDefault").invoke(null);
            enrich = api.getMethod("enrich", String.class, String.class);
        }

        Object enrich(String[] doc) throws Exception {
            return enrich.invoke(engine, doc[0], doc[1]);
        }
    }

    /** Child-first for the build's own classes and resources; parent-first for everything else. */
    private static final class BuildLoader extends URLClassLoader {

        BuildLoader(URL jar, ClassLoader parent) {
            super(new URL[] {jar}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.newsflow.processing.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        @Override
        public URL getResource(String name) {
            String path = name.startsWith("/") ? name.substring(1) : name;
            if (path.startsWith("io/newsflow/")) {
                return Objects.requireNonNullElseGet(findResource(path), () -> super.getResource(name));
            }
            return super.getResource(name);
        }
    }
}
