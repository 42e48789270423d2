package dev.bitbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What the figures were measured on.
 *
 * @param cores processors available to the JVM
 * @param cpuModel the CPU's model name, or "unknown"
 * @param memoryGiB physical memory, or 0 when unknown
 * @param os operating system, version and architecture
 * @param jvm JVM name and version
 */
public record MachineInfo(int cores, String cpuModel, double memoryGiB, String os, String jvm) {

    /** @return this machine */
    public static MachineInfo current() {
        double memory = 0;
        if (java.lang.management.ManagementFactory
                .getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize() / (1024.0 * 1024 * 1024);
        }
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), readCpuModel().orElse("unknown"), memory,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vm.vendor") + ")");
    }

    /** @return e.g. {@code 2 cores (Intel Xeon …), 23.5 GiB RAM, Linux 6.1 amd64} */
    public String describe() {
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB RAM, %s", cores, cpuModel, memoryGiB, os);
    }

    private static Optional<String> readCpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
