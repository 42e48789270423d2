package dev.bitbridge.bench;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU use during a phase, in cores (1.0 = one core busy the whole time).
 *
 * @param cores processors of the machine
 * @param machineBusy fraction of all processors busy, from {@code /proc/stat} ({@code NaN} when unknown). The kernel
 *        samples it at each timer tick, so at low load it can alias with a fixed send cadence (the 500 req/s phase
 *        sends every 2 ms) and read far too low; the per-process figures are exact.
 * @param ingressCores the ingress JVM ({@code NaN} when it is not a child of this run)
 * @param harnessCores this JVM: HTTP client, baseline producer, in-process broker, GC/JIT
 * @param harnessByGroup this JVM by thread group
 */
public record CpuSplit(int cores, double machineBusy, double ingressCores, double harnessCores,
        Map<String, Double> harnessByGroup) {

    /** @return one line, e.g. {@code machine 98% busy of 2 cores; ingress 1.10 cores; harness 0.85 (…)} */
    public String describe() {
        String groups = harnessByGroup.entrySet().stream()
                .filter(e -> e.getValue() >= 0.005)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT,
                "machine %s busy of %d cores; ingress JVM %s; harness JVM %.2f cores (%s); rest of machine %s",
                Double.isNaN(machineBusy) ? "?" : Math.round(machineBusy * 100) + "%", cores,
                Double.isNaN(ingressCores) ? "not running" : String.format(Locale.ROOT, "%.2f cores", ingressCores),
                harnessCores, groups,
                Double.isNaN(restCores()) ? "?"
                        : String.format(Locale.ROOT, "%.2f cores (kernel, other processes)",
                                restCores()));
    }

    /** @return cores of one of the harness's thread groups ({@link CpuSampler#PRODUCER} …), {@code NaN} if unknown */
    public double harness(String group) {
        return harnessByGroup.getOrDefault(group, Double.NaN);
    }

    /** @return busy cores not accounted to the ingress or the harness: kernel work, other processes */
    public double restCores() {
        if (Double.isNaN(machineBusy)) {
            return Double.NaN;
        }
        double rest = machineBusy * cores - harnessCores - (Double.isNaN(ingressCores) ? 0 : ingressCores);
        return Math.max(0, rest);
    }
}
