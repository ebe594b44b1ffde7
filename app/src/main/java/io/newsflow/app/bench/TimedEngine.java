package io.newsflow.app.bench;

import io.newsflow.processing.enrich.Enrichment;
import io.newsflow.processing.enrich.EnrichmentEngine;
import io.newsflow.processing.functions.EngineFactory;
import io.newsflow.schemas.KnowledgeUpdate;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The standard engine, timed: {@code bench} runs the job with it to know what the engine itself costs inside
 * the job, at the same moment as everything around it. Each {@link #enrich} call adds the CPU time its thread
 * spent in it (the thread's CPU clock, read before and after: two system calls, about a microsecond, against a
 * millisecond of engine) to a counter the whole JVM shares. That works because {@code bench} runs the job on a
 * MiniCluster in its own JVM; a job on a cluster would count in the TaskManagers' JVMs.
 */
final class TimedEngine implements EnrichmentEngine {

    /** Creates a timed standard engine on each subtask, knowledge updates applied as the standard factory does. */
    static final EngineFactory FACTORY = new EngineFactory() {
        private static final long serialVersionUID = 1L;

        @Override
        public EnrichmentEngine create() {
            return new TimedEngine(EngineFactory.standard().create());
        }

        @Override
        public EnrichmentEngine create(KnowledgeUpdate update) {
            return new TimedEngine(EngineFactory.standard().create(update));
        }
    };

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final LongAdder NANOS = new LongAdder();
    private static final LongAdder CALLS = new LongAdder();

    private final EnrichmentEngine engine;

    TimedEngine(EnrichmentEngine engine) {
        this.engine = engine;
    }

    /** Whether this JVM can tell a thread's CPU time; if not, {@link #cpuNanos()} stays 0. */
    static boolean supported() {
        return THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    }

    /** The CPU time spent in every timed engine's {@code enrich} so far, in nanoseconds. */
    static long cpuNanos() {
        return NANOS.sum();
    }

    /** How many {@code enrich} calls were timed so far. */
    static long calls() {
        return CALLS.sum();
    }

    @Override
    public Enrichment enrich(String title, String body) {
        if (!supported()) {
            return engine.enrich(title, body);
        }
        long start = THREADS.getCurrentThreadCpuTime();
        try {
            return engine.enrich(title, body);
        } finally {
            NANOS.add(THREADS.getCurrentThreadCpuTime() - start);
            CALLS.increment();
        }
    }

    @Override
    public String engineVersion() {
        return engine.engineVersion();
    }

    @Override
    public String kbVersion() {
        return engine.kbVersion();
    }
}
