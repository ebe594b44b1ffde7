package io.newsflow.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Where a phase's CPU went, by who spent it: the threads of this one JVM grouped by their names into the job's
 * tasks, the broker, the benchmark's producer and consumer, and the rest of Flink. The difference to the
 * process's CPU time is {@link #JVM}: garbage collection and the JIT compiler (not Java threads), and threads
 * that ended during the phase. CPU time per unit of work holds up under other load far better than a rate.
 */
final class ThreadCpu {

    static final String JOB_ENRICH = "job: dedup, enrich, sink";
    static final String JOB_SOURCE = "job: source, decode, validate";
    static final String JOB_SINK_CLIENTS = "job: sink producers";
    static final String JOB_CHECKPOINTS = "job: checkpoints";
    static final String FLINK = "Flink runtime";
    static final String BROKER = "broker";
    static final String PRODUCER = "bench producer";
    static final String CONSUMER = "bench consumer";
    static final String JVM = "GC, JIT, ended threads";

    private static final Pattern BROKER_THREAD = Pattern.compile(
            "data-plane-.*|kafka-\\d.*|quorum-controller.*|controller-\\d.*|broker-\\d.*|ExpirationReaper.*"
                    + "|kafka-scheduler.*|group-coordinator.*|share-coordinator.*|TxnMarker.*|transaction-.*"
                    + "|LogDirFailureHandler|kafka-log-cleaner.*|.*raft.*|kafka-.*-thread.*");

    /** Groups in the order they are reported, with which thread names belong (first match wins). */
    private static final Map<String, Predicate<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put(PRODUCER, n -> n.equals("main") || n.contains("newsflow-bench-producer"));
        GROUPS.put(CONSUMER, n -> n.contains("newsflow-bench-consumer"));
        // Task threads are named after their chain: "drop re-sends, flag updates (1/2)#0", "enrich -> (…) (1/2)#0"
        GROUPS.put(JOB_ENRICH, n -> n.startsWith("drop re-sends") || n.startsWith("enrich ") || n.contains("-> enrich "));
        GROUPS.put(JOB_SOURCE, n -> n.startsWith("Source:") || n.startsWith("Source Data Fetcher"));
        GROUPS.put(JOB_SINK_CLIENTS, n -> n.startsWith("kafka-producer-network-thread"));
        GROUPS.put(JOB_CHECKPOINTS, n -> n.startsWith("AsyncOperations"));
        GROUPS.put(BROKER, n -> BROKER_THREAD.matcher(n).matches());
        GROUPS.put(FLINK, n -> true);
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start = new HashMap<>();
    private final long processStart = EngineSpeed.processCpuNanos();

    private ThreadCpu() {
        if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
        for (long id : threads.getAllThreadIds()) {
            start.put(id, threads.getThreadCpuTime(id));
        }
    }

    static ThreadCpu start() {
        return new ThreadCpu();
    }

    /** CPU nanoseconds per group since the start, in report order; empty where the JVM cannot tell. */
    Map<String, Long> byGroup() {
        Map<String, Long> groups = new LinkedHashMap<>();
        if (!threads.isThreadCpuTimeSupported() || processStart < 0) {
            return groups;
        }
        GROUPS.keySet().forEach(g -> groups.put(g, 0L));
        long total = 0;
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long now = threads.getThreadCpuTime(ids[i]);
            if (infos[i] == null || now < 0) {
                continue;
            }
            long spent = now - start.getOrDefault(ids[i], 0L);
            String name = infos[i].getThreadName();
            String group = GROUPS.entrySet().stream().filter(g -> g.getValue().test(name)).findFirst()
                    .map(Map.Entry::getKey).orElse(FLINK);
            groups.merge(group, spent, Long::sum);
            total += spent;
        }
        groups.put(JVM, Math.max(0, EngineSpeed.processCpuNanos() - processStart - total));
        return groups;
    }

    static List<String> groups() {
        List<String> names = new java.util.ArrayList<>(GROUPS.keySet());
        names.add(JVM);
        return names;
    }
}
