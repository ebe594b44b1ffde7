package io.newsflow.app.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak memory of this process over a stretch of time (a part of the benchmark): the most heap in use (seen
 * before each garbage collection and in samples; it grows with the heap the JVM may use, so it says more about
 * {@code -Xmx} than about need) and the peak resident set size. What a part needs is {@link #liveHeapNow}: the
 * heap still in use after a full collection. RSS comes from {@code /proc/self/status} (VmHWM, reset for each
 * part through {@code /proc/self/clear_refs} where Linux allows it, else the highest VmRSS sampled).
 */
public final class MemoryWatch implements AutoCloseable {

    /** Peaks of one part, in bytes; -1 where unknown. */
    public record Peaks(long heapUsed, long rss) {}

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    /** The names of the heap's memory pools (eden, survivor, old generation). */
    private static final Set<String> HEAP_POOLS = heapPools();
    private final List<Runnable> unregister = new ArrayList<>();
    private long heapUsed;
    private long rssSampled;
    private boolean rssReset;

    public MemoryWatch() {
        NotificationListener listener = this::onGc;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                unregister.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (Exception e) {
                        // already gone
                    }
                });
            }
        }
        reset();
    }

    /** Starts a new part: peaks are measured from now on. */
    public synchronized void reset() {
        heapUsed = currentHeapUsed();
        rssSampled = currentRss();
        rssReset = clearRssHighWaterMark();
    }

    /** Takes a sample now; call it regularly (the benchmark does, every second). */
    public synchronized void sample() {
        heapUsed = Math.max(heapUsed, currentHeapUsed());
        rssSampled = Math.max(rssSampled, currentRss());
    }

    /** The peaks since the last {@link #reset}. */
    public synchronized Peaks peaks() {
        sample();
        long hwm = rssReset ? statusKilobytes("VmHWM") : -1;
        return new Peaks(heapUsed, Math.max(hwm, rssSampled));
    }

    /**
     * The heap in use after a full garbage collection, now: what the live data of everything in this JVM
     * takes. The collection stops every thread for a moment (tens to hundreds of milliseconds). The figure is
     * the one the collection itself reports: the heap read after {@code System.gc()} returns also counts what the
     * other threads allocated since, and a full collection the JVM could not run at once (a thread in a JNI
     * critical section) would read as live. Up to three requests; the smallest heap any of them left.
     */
    public static long liveHeapNow() {
        BlockingQueue<Long> after = new LinkedBlockingQueue<>();
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                if ("System.gc()".equals(info.getGcCause())) {
                    after.add(heapSum(info.getGcInfo().getMemoryUsageAfterGc()));
                }
            }
        };
        List<NotificationEmitter> emitters = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> gc instanceof NotificationEmitter).map(gc -> (NotificationEmitter) gc).toList();
        emitters.forEach(e -> e.addNotificationListener(listener, null, null));
        long live = Long.MAX_VALUE;
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                System.gc();
                Long reported = after.poll(5, TimeUnit.SECONDS);
                live = Math.min(live, reported != null ? reported : currentHeapUsed());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (Exception e) {
                    // already gone
                }
            }
        }
        return live == Long.MAX_VALUE ? currentHeapUsed() : live;
    }

    public static long currentHeapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Resident set size now, in bytes, or -1 off Linux. */
    public static long currentRss() {
        return statusKilobytes("VmRSS");
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
        long before = heapSum(info.getMemoryUsageBeforeGc());
        synchronized (this) {
            heapUsed = Math.max(heapUsed, before);
        }
    }

    private static Set<String> heapPools() {
        Set<String> pools = new HashSet<>();
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .forEach(p -> pools.add(p.getName()));
        return pools;
    }

    /** The heap used in a collection's per-pool usage. */
    private static long heapSum(Map<String, MemoryUsage> usage) {
        return usage.entrySet().stream().filter(e -> HEAP_POOLS.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed()).sum();
    }

    /** Resets VmHWM to the current RSS (Linux 4.0+: write 5 to clear_refs); false where that is not allowed. */
    private static boolean clearRssHighWaterMark() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static long statusKilobytes(String field) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip()) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or a format we do not know
        }
        return -1;
    }

    @Override
    public void close() {
        unregister.forEach(Runnable::run);
    }
}
