package dev.bitbridge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the CPU goes during a phase: the whole machine (from {@code /proc/stat}), the ingress JVM, and this JVM split
 * by thread: HTTP client event loops, the baseline producer, the in-process Kafka broker and everything else, and
 * the JVM's own GC and JIT threads (process time not seen in any Java thread).
 */
public final class CpuSampler {

    static final String HTTP_CLIENT = "HTTP client";
    static final String PRODUCER = "baseline producer";
    static final String BROKER = "Kafka broker + other";
    static final String JVM = "GC/JIT";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private volatile ProcessHandle ingress;

    public CpuSampler() {
        if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
    }

    /** @param process the ingress JVM to follow, or {@code null} when there is none */
    public void follow(ProcessHandle process) {
        this.ingress = process;
    }

    /**
     * A point-in-time reading.
     *
     * @param nanoTime when
     * @param machineBusy busy jiffies of all CPUs
     * @param machineTotal all jiffies of all CPUs
     * @param ingressNanos CPU time of the ingress JVM, or -1
     * @param processNanos CPU time of this JVM
     * @param threadNanos CPU time of each live thread of this JVM, by thread id
     * @param threadGroups the group of each thread id
     */
    public record Snapshot(long nanoTime, long machineBusy, long machineTotal, long ingressNanos, long processNanos,
            Map<Long, Long> threadNanos, Map<Long, String> threadGroups) {
    }

    /** @return a reading now */
    public Snapshot snapshot() {
        long[] machine = machineJiffies();
        Map<Long, Long> cpu = new HashMap<>();
        Map<Long, String> groups = new HashMap<>();
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long t = threads.getThreadCpuTime(ids[i]);
            if (t >= 0 && infos[i] != null) {
                cpu.put(ids[i], t);
                groups.put(ids[i], groupOf(infos[i].getThreadName()));
            }
        }
        ProcessHandle child = ingress;
        long ingressNanos = child == null ? -1
                : child.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        return new Snapshot(System.nanoTime(), machine[0], machine[1], ingressNanos, processCpuNanos(), cpu, groups);
    }

    /** @return how the CPU was spent between {@code before} and now */
    public CpuSplit since(Snapshot before) {
        Snapshot after = snapshot();
        double seconds = (after.nanoTime() - before.nanoTime()) / 1e9;
        Map<String, Double> harness = new LinkedHashMap<>();
        for (String group : List.of(HTTP_CLIENT, PRODUCER, BROKER)) {
            harness.put(group, 0.0);
        }
        long threadSum = 0;
        for (Map.Entry<Long, Long> e : after.threadNanos().entrySet()) {
            long used = e.getValue() - before.threadNanos().getOrDefault(e.getKey(), 0L);
            threadSum += used;
            harness.merge(after.threadGroups().get(e.getKey()), used / 1e9 / seconds, Double::sum);
        }
        long processUsed = after.processNanos() - before.processNanos();
        harness.put(JVM, Math.max(0, processUsed - threadSum) / 1e9 / seconds);
        long total = after.machineTotal() - before.machineTotal();
        double machineBusy = total <= 0 ? Double.NaN : (double) (after.machineBusy() - before.machineBusy()) / total;
        double ingressCores = before.ingressNanos() < 0 || after.ingressNanos() < 0 ? Double.NaN
                : (after.ingressNanos() - before.ingressNanos()) / 1e9 / seconds;
        return new CpuSplit(Runtime.getRuntime().availableProcessors(), machineBusy, ingressCores,
                processUsed / 1e9 / seconds, harness);
    }

    private static String groupOf(String threadName) {
        if (threadName.startsWith("vert.x-eventloop")) {
            return HTTP_CLIENT;
        }
        if (threadName.startsWith("kafka-producer-network-thread") || threadName.startsWith(ProducerBaseline.THREAD)) {
            return PRODUCER;
        }
        return BROKER;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** @return busy and total jiffies of all CPUs, zeros where {@code /proc/stat} is unreadable */
    public static long[] machineJiffies() {
        try {
            Optional<String> line = Files.readAllLines(Path.of("/proc/stat")).stream()
                    .filter(l -> l.startsWith("cpu ")).findFirst();
            if (line.isEmpty()) {
                return new long[] { 0, 0 };
            }
            String[] f = line.get().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
            return new long[] { total - idle, total };
        } catch (IOException | RuntimeException e) {
            return new long[] { 0, 0 };
        }
    }
}
