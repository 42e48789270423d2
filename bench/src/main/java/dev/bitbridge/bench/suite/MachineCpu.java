package dev.bitbridge.bench.suite;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.bitbridge.bench.CpuSampler;

/**
 * CPU of the whole machine ({@code /proc/stat}), of the harness JVM, and of every other process, between two
 * readings: what shows whether other work (another engineer's build or test run) shared the machine with a phase.
 *
 * @param nanoTime when it was read
 * @param machineBusy busy jiffies of every CPU ({@code /proc/stat} user … steal, without idle and iowait)
 * @param machineTotal all jiffies
 * @param harnessNanos CPU time of this JVM
 * @param processes CPU time and command of every process that could be read, by pid
 */
public record MachineCpu(long nanoTime, long machineBusy, long machineTotal, long harnessNanos,
        Map<Long, Proc> processes) {

    /** One process's CPU time so far and a short name for it. */
    public record Proc(long cpuNanos, String command) {
    }

    /** @return a reading now */
    public static MachineCpu now() {
        long[] jiffies = CpuSampler.machineJiffies();
        Map<Long, Proc> processes = new HashMap<>();
        ProcessHandle.allProcesses().forEach(p -> p.info().totalCpuDuration().ifPresent(
                cpu -> processes.put(p.pid(), new Proc(cpu.toNanos(), shortCommand(p)))));
        long harness = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            harness = os.getProcessCpuTime();
        }
        return new MachineCpu(System.nanoTime(), jiffies[0], jiffies[1], harness, processes);
    }

    /**
     * What the machine did between {@code before} and this reading, in cores (1.0 = one core busy throughout).
     *
     * @param cores the machine's processors
     * @param ours pids of this run (the suite's processes); the harness is counted on its own
     * @return busy cores of the machine, of the harness, of other processes, and the busiest of those
     */
    public Use since(MachineCpu before, int cores, Set<Long> ours) {
        double seconds = (nanoTime - before.nanoTime) / 1e9;
        double machine = machineTotal == before.machineTotal ? Double.NaN
                : cores * (double) (machineBusy - before.machineBusy) / (machineTotal - before.machineTotal);
        double harness = harnessNanos < 0 ? Double.NaN : (harnessNanos - before.harnessNanos) / 1e9 / seconds;
        long self = ProcessHandle.current().pid();
        Map<String, Double> others = new HashMap<>();
        processes.forEach((pid, p) -> {
            if (pid == self || ours.contains(pid)) {
                return;
            }
            Proc was = before.processes.get(pid);
            long used = p.cpuNanos - (was == null ? 0 : was.cpuNanos);
            if (used > 0) {
                others.merge(p.command, used / 1e9 / seconds, Double::sum);
            }
        });
        double other = others.values().stream().mapToDouble(Double::doubleValue).sum();
        String busiest = others.entrySet().stream().filter(e -> e.getValue() >= 0.02)
                .sorted(Map.Entry.<String, Double> comparingByValue(Comparator.reverseOrder())).limit(4)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        return new Use(seconds, machine, harness, other, busiest.isEmpty() ? "none" : busiest);
    }

    /**
     * @param seconds the window
     * @param machine busy cores of the machine
     * @param harness cores of the harness JVM (simulators, pacing, sampling)
     * @param other cores of processes that are neither the suite nor the harness (processes that ended inside the
     *        window are missed)
     * @param busiest the busiest of those, e.g. {@code java (maven) 0.85}
     */
    public record Use(double seconds, double machine, double harness, double other, String busiest) {
    }

    private static String shortCommand(ProcessHandle p) {
        String command = p.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?");
        String args = String.join(" ", p.info().arguments().map(java.util.List::of).orElse(java.util.List.of()));
        if (command.equals("java")) {
            if (args.contains("plexus-classworlds")) {
                return "java (maven)";
            }
            if (args.contains("surefire") || args.contains("failsafe")) {
                return "java (maven test fork)";
            }
            if (args.contains("bitbridge-launcher.jar")) {
                return "java (another bitbridge launcher)";
            }
            if (args.contains("quarkus-run.jar")) {
                return "java (another bitbridge service)";
            }
        }
        return command;
    }

    /** @return a duration as seconds with one decimal */
    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
