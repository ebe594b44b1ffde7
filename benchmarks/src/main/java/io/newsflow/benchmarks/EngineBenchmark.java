package io.newsflow.benchmarks;

import io.newsflow.processing.enrich.EnrichmentEngine;
import io.newsflow.processing.enrich.EntityTagger;
import io.newsflow.processing.enrich.KnowledgeBase;
import io.newsflow.processing.enrich.TopicClassifier;
import io.newsflow.processing.enrich.ner.FirstNames;
import io.newsflow.processing.enrich.ner.NerModel;
import io.newsflow.processing.enrich.ner.WordClusters;
import io.newsflow.processing.enrich.text.Tokenizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The engine's hot paths on one thread, over a realistic corpus: the bundled sample articles and, where
 * {@code ../shared/eval} is beside the checkout, its news documents and ledes. Each invocation processes
 * the whole corpus once; words per second = {@link #WORDS_PROPERTY} words / the reported seconds per
 * operation (setup prints the corpus size). Run from the repository root:
 * <pre>
 * ./mvnw -q -B package -DskipTests -pl benchmarks -am
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main EngineBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class EngineBenchmark {

    static final String WORDS_PROPERTY = "corpus words";

    private final List<String[]> documents = new ArrayList<>();
    private EnrichmentEngine engine;
    private EntityTagger entities;
    private TopicClassifier topics;
    private final Tokenizer tokenizer = new Tokenizer();

    @Setup
    public void load() throws IOException {
        engine = EnrichmentEngine.loadDefault();
        entities = new EntityTagger(KnowledgeBase.loadDefault(), NerModel.loadDefault(), WordClusters.loadDefault(),
                FirstNames.loadDefault());
        topics = new TopicClassifier(TopicClassifier.DEFAULT_RESOURCE);
        documents.addAll(Corpus.documents());
        long words = Corpus.words(documents);
        System.out.printf("%n%s: %,d in %,d documents%n", WORDS_PROPERTY, words, documents.size());
    }

    /** Entities, topics and language: what the Flink job runs per article. */
    @Benchmark
    public void fullEngine(Blackhole hole) {
        for (String[] doc : documents) {
            hole.consume(engine.enrich(doc[0], doc[1]));
        }
    }

    @Benchmark
    public void entitiesOnly(Blackhole hole) {
        for (String[] doc : documents) {
            hole.consume(entities.tag(doc[0], doc[1]));
        }
    }

    @Benchmark
    public void topicsOnly(Blackhole hole) {
        for (String[] doc : documents) {
            hole.consume(topics.classify(doc[0], doc[1]));
        }
    }

    @Benchmark
    public void tokenizerOnly(Blackhole hole) {
        for (String[] doc : documents) {
            hole.consume(tokenizer.tokenize(doc[1]));
        }
    }
}
