package io.newsflow.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Where a phase's CPU went, by who spent it: the threads of this one JVM grouped by their names into the job's
 * tasks, the broker, the benchmark's producer and consumer, and the rest of Flink. The JVM's own threads are
 * not Java threads; on Linux their CPU time is read from {@code /proc/self/task} by name: the JIT compilers
 * ({@link #JIT}) and the garbage collector's workers ({@link #GC}). What is left of the process's CPU time is
 * {@link #JVM}: the JVM's other threads and threads that ended during the phase (all of the JVM's share where
 * {@code /proc} cannot be read). CPU time per unit of work holds up under other load far better than a rate.
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
    static final String JIT = "JIT compiler";
    static final String GC = "GC";
    static final String JVM = "JVM other, ended threads";

    /** The JVM's own threads as Linux names them (15 characters at most): HotSpot's compilers and G1's workers. */
    private static final Pattern JIT_THREAD = Pattern.compile("C[12] CompilerThr.*");
    private static final Pattern GC_THREAD = Pattern.compile("GC Thread#.*|G1 .*");
    private static final Path TASKS = Path.of("/proc/self/task");

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
    private final Map<String, Long> jvmStart = jvmThreads();

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
        Map<String, Long> jvm = jvmThreads();
        for (String group : List.of(JIT, GC)) {
            long spent = jvm.isEmpty() ? 0 : Math.max(0, jvm.getOrDefault(group, 0L) - jvmStart.getOrDefault(group, 0L));
            groups.put(group, spent);
            total += spent;
        }
        groups.put(JVM, Math.max(0, EngineSpeed.processCpuNanos() - processStart - total));
        return groups;
    }

    /**
     * CPU nanoseconds the JIT compilers' and the garbage collector's threads have spent so far, from the
     * kernel's per-thread accounting (clock ticks, 10 ms on Linux); empty where {@code /proc} has none.
     */
    private static Map<String, Long> jvmThreads() {
        Map<String, Long> spent = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended meanwhile
                }
                // pid (comm) state ppid … : comm may hold spaces and parentheses, so split at the last ')'
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String name = stat.substring(open + 1, close);
                String group = JIT_THREAD.matcher(name).matches() ? JIT : GC_THREAD.matcher(name).matches() ? GC : null;
                if (group != null) {
                    String[] fields = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    spent.merge(group, ticks * 10_000_000L, Long::sum);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return spent;
    }

    static List<String> groups() {
        List<String> names = new java.util.ArrayList<>(GROUPS.keySet());
        names.addAll(List.of(JIT, GC, JVM));
        return names;
    }
}
