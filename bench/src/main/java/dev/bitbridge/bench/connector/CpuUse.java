package dev.bitbridge.bench.connector;

import java.util.Locale;

/**
 * CPU use during a run, in cores (1.0 = one core busy the whole time).
 *
 * @param seconds the span measured
 * @param cores processors of the machine
 * @param machineBusy fraction of all processors busy ({@code /proc/stat}, sampled at timer ticks), NaN when unknown
 * @param connector the connector JVM
 * @param postgres the PostgreSQL server and its backends
 * @param harness this JVM: Kafka broker, Bitbucket simulator, raw producer, output consumer
 */
public record CpuUse(double seconds, int cores, double machineBusy, double connector, double postgres,
        double harness) {

    /** @return busy cores not accounted to this run's processes: other processes (builds) and the kernel */
    public double rest() {
        if (Double.isNaN(machineBusy)) {
            return Double.NaN;
        }
        return Math.max(0, machineBusy * cores - nz(connector) - nz(postgres) - nz(harness));
    }

    /** @return the connector's CPU per event, in µs, or NaN */
    public double connectorMicrosPer(long events) {
        return events <= 0 || Double.isNaN(connector) ? Double.NaN : connector * seconds * 1e6 / events;
    }

    /** @return one line, e.g. {@code machine 95% busy of 2 cores; connector 1.10 cores, …} */
    public String describe() {
        return String.format(Locale.ROOT, "machine %s busy of %d cores; connector JVM %s, PostgreSQL %s, harness JVM "
                + "(broker, simulator, clients) %s, rest of machine (other processes, kernel) %s",
                Double.isNaN(machineBusy) ? "?" : Math.round(machineBusy * 100) + "%", cores, c(connector),
                c(postgres), c(harness), c(rest()));
    }

    private static String c(double cores) {
        return Double.isNaN(cores) ? "?" : String.format(Locale.ROOT, "%.2f cores", cores);
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
