package dev.bitbridge.bench.connector;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import dev.bitbridge.bench.CpuSampler;

/**
 * CPU time of the processes of a run — the connector JVM, the PostgreSQL server (postmaster and backends, found by
 * their data directory) and this harness JVM (Kafka broker, Bitbucket simulator, raw producer, output consumer) —
 * and of the whole machine ({@code /proc/stat}), so that what other processes used is visible; and the connector's
 * resident memory.
 */
public final class ProcessCpu {

    private final ProcessHandle connector;
    private final String postgresMarker;

    /**
     * @param connector the connector JVM
     * @param postgresMarker a string in the command line of this run's PostgreSQL server (its data directory)
     */
    public ProcessCpu(ProcessHandle connector, String postgresMarker) {
        this.connector = connector;
        this.postgresMarker = postgresMarker;
    }

    /**
     * A reading.
     *
     * @param nanoTime when
     * @param machineBusy busy jiffies of all CPUs
     * @param machineTotal all jiffies of all CPUs
     * @param connectorNanos CPU time of the connector
     * @param postgresNanos CPU time of the PostgreSQL processes alive now
     * @param harnessNanos CPU time of this JVM
     */
    public record Snapshot(long nanoTime, long machineBusy, long machineTotal, long connectorNanos, long postgresNanos,
            long harnessNanos) {
    }

    /** @return a reading now */
    public Snapshot snapshot() {
        long[] machine = CpuSampler.machineJiffies();
        return new Snapshot(System.nanoTime(), machine[0], machine[1], cpu(connector), postgresNanos(),
                harnessNanos());
    }

    /** @return the CPU used between {@code before} and now */
    public CpuUse since(Snapshot before) {
        Snapshot after = snapshot();
        double seconds = (after.nanoTime() - before.nanoTime()) / 1e9;
        long total = after.machineTotal() - before.machineTotal();
        double busy = total <= 0 ? Double.NaN : (double) (after.machineBusy() - before.machineBusy()) / total;
        return new CpuUse(seconds, Runtime.getRuntime().availableProcessors(), busy,
                cores(before.connectorNanos(), after.connectorNanos(), seconds),
                cores(before.postgresNanos(), after.postgresNanos(), seconds),
                cores(before.harnessNanos(), after.harnessNanos(), seconds));
    }

    /** @return the connector's resident memory now and at its peak */
    public Memory connectorMemory() {
        try {
            return Memory.parse(Files.readString(Path.of("/proc", Long.toString(connector.pid()), "status")));
        } catch (IOException | RuntimeException e) {
            return Memory.UNKNOWN;
        }
    }

    private long postgresNanos() {
        Optional<ProcessHandle> postmaster = ProcessHandle.allProcesses()
                .filter(p -> commandLine(p).contains(postgresMarker) && commandLine(p).contains("postgres"))
                .findFirst();
        if (postmaster.isEmpty()) {
            return -1;
        }
        return Stream.concat(Stream.of(postmaster.get()), postmaster.get().descendants())
                .mapToLong(ProcessCpu::cpu).filter(n -> n >= 0).sum();
    }

    private static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static long cpu(ProcessHandle p) {
        return p == null ? -1 : p.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    private static long harnessNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static double cores(long before, long after, double seconds) {
        return before < 0 || after < 0 || seconds <= 0 ? Double.NaN : (after - before) / 1e9 / seconds;
    }

    /**
     * Resident memory of a process.
     *
     * @param rssKiB resident now ({@code VmRSS}), or -1
     * @param peakKiB the most it was resident ({@code VmHWM}), or -1
     */
    public record Memory(long rssKiB, long peakKiB) {

        static final Memory UNKNOWN = new Memory(-1, -1);

        /** @return the figures of a {@code /proc/<pid>/status} text */
        static Memory parse(String status) {
            long rss = -1;
            long peak = -1;
            for (String line : status.split("\n")) {
                if (line.startsWith("VmRSS:")) {
                    rss = kib(line);
                } else if (line.startsWith("VmHWM:")) {
                    peak = kib(line);
                }
            }
            return new Memory(rss, peak);
        }

        private static long kib(String line) {
            String[] f = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
            return Long.parseLong(f[0]);
        }

        /** @return e.g. {@code RSS 412 MiB (peak 430 MiB)} */
        public String describe() {
            if (rssKiB < 0) {
                return "RSS unknown";
            }
            return String.format(java.util.Locale.ROOT, "RSS %d MiB (peak %d MiB)", rssKiB / 1024, peakKiB / 1024);
        }
    }
}
