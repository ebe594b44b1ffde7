package io.newsflow.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU use over a stretch of time: this process's, and everyone else's on the machine (from
 * {@code /proc/stat}). Other engineers' builds share the machine, and a figure measured while they ran is
 * worth less: the benchmark reports, for each part, how many cores other processes kept busy.
 */
final class CpuWatch {

    /** Linux reports {@code /proc/stat} in clock ticks of 1/100 s (USER_HZ) on every common platform. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final Path STAT = Path.of("/proc/stat");

    /** Cores in use on average: by this process and by all others; -1 where unknown. */
    record Use(double processCores, double otherCores) {}

    private final long wallStart;
    private final long processStart;
    private final long machineStart;

    private CpuWatch() {
        this.wallStart = System.nanoTime();
        this.processStart = EngineSpeed.processCpuNanos();
        this.machineStart = machineBusyNanos();
    }

    static CpuWatch start() {
        return new CpuWatch();
    }

    /** Process CPU time since the start, in nanoseconds, or -1 if unknown. */
    long processNanos() {
        long now = EngineSpeed.processCpuNanos();
        return now < 0 || processStart < 0 ? -1 : now - processStart;
    }

    Use use() {
        double wall = System.nanoTime() - wallStart;
        long process = processNanos();
        long machineNow = machineBusyNanos();
        double processCores = process < 0 ? -1 : process / wall;
        double otherCores = process < 0 || machineNow < 0 || machineStart < 0 ? -1
                : Math.max(0, (machineNow - machineStart - process) / wall);
        return new Use(processCores, otherCores);
    }

    /** Time all cores spent busy since boot (user, nice, system, irq, softirq, steal), or -1 off Linux. */
    private static long machineBusyNanos() {
        try {
            String[] fields = Files.readAllLines(STAT).get(0).trim().split("\\s+");
            long ticks = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                ticks += Long.parseLong(fields[i]);
            }
            return ticks * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
