package dev.bitbridge.bench.trigger;

import java.util.Locale;

import dev.bitbridge.bench.connector.CpuUse;
import dev.bitbridge.bench.connector.ProcessCpu;

/**
 * CPU of the processes of a run — commit-analyzer, build-trigger, PostgreSQL and this harness JVM (Kafka broker,
 * Jenkins simulator, producers, consumer) — and of the whole machine, read with {@link ProcessCpu} (one per service).
 */
public final class ServicesCpu {

    private final ProcessCpu analyzer;
    private final ProcessCpu trigger;

    /**
     * @param analyzer the analyzer JVM
     * @param trigger the build-trigger JVM
     * @param postgresMarker a string in the command line of this run's PostgreSQL server (its data directory)
     */
    public ServicesCpu(ProcessHandle analyzer, ProcessHandle trigger, String postgresMarker) {
        this.analyzer = new ProcessCpu(analyzer, postgresMarker);
        this.trigger = new ProcessCpu(trigger, postgresMarker);
    }

    /** A reading of both. */
    public record Snapshot(ProcessCpu.Snapshot analyzer, ProcessCpu.Snapshot trigger) {
    }

    /** @return a reading now */
    public Snapshot snapshot() {
        return new Snapshot(analyzer.snapshot(), trigger.snapshot());
    }

    /** @return the CPU used between {@code before} and now */
    public Use since(Snapshot before) {
        CpuUse a = analyzer.since(before.analyzer());
        CpuUse t = trigger.since(before.trigger());
        return new Use(t.seconds(), t.cores(), t.machineBusy(), a.connector(), t.connector(), t.postgres(),
                t.harness());
    }

    /** @return the analyzer's resident memory */
    public ProcessCpu.Memory analyzerMemory() {
        return analyzer.connectorMemory();
    }

    /** @return build-trigger's resident memory */
    public ProcessCpu.Memory triggerMemory() {
        return trigger.connectorMemory();
    }

    /**
     * CPU use over a span, in cores (1.0 = one core busy the whole time).
     *
     * @param seconds the span
     * @param cores processors of the machine
     * @param machineBusy fraction of all processors busy, NaN when unknown
     * @param analyzer the analyzer JVM
     * @param trigger the build-trigger JVM
     * @param postgres PostgreSQL and its backends
     * @param harness this JVM: broker, simulator, clients
     */
    public record Use(double seconds, int cores, double machineBusy, double analyzer, double trigger, double postgres,
            double harness) {

        /** @return busy cores not accounted to this run's processes: other processes and the kernel */
        public double rest() {
            if (Double.isNaN(machineBusy)) {
                return Double.NaN;
            }
            return Math.max(0, machineBusy * cores - nz(analyzer) - nz(trigger) - nz(postgres) - nz(harness));
        }

        /** @return CPU time of {@code cores} per event, in µs */
        public double microsPer(double serviceCores, long events) {
            return events <= 0 || Double.isNaN(serviceCores) ? Double.NaN : serviceCores * seconds * 1e6 / events;
        }

        /** @return one line */
        public String describe() {
            return String.format(Locale.ROOT, "machine %s busy of %d cores; commit-analyzer %s, build-trigger %s, "
                    + "PostgreSQL %s, harness JVM (broker, simulator, clients) %s, rest of machine (other processes, "
                    + "kernel) %s", Double.isNaN(machineBusy) ? "?" : Math.round(machineBusy * 100) + "%", cores,
                    c(analyzer), c(trigger), c(postgres), c(harness), c(rest()));
        }

        private static String c(double cores) {
            return Double.isNaN(cores) ? "?" : String.format(Locale.ROOT, "%.2f", cores);
        }

        private static double nz(double v) {
            return Double.isNaN(v) ? 0 : v;
        }
    }
}
