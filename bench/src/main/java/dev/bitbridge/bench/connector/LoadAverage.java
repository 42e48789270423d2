package dev.bitbridge.bench.connector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine's load average as {@code uptime} shows it ({@code /proc/loadavg}): runnable and waiting tasks over 1, 5
 * and 15 minutes, this run's own processes included. Other builds on the machine show as load beyond what this run
 * puts on it.
 *
 * @param one over the last minute
 * @param five over five minutes
 * @param fifteen over fifteen minutes
 */
public record LoadAverage(double one, double five, double fifteen) {

    /** Unknown (no {@code /proc/loadavg}). */
    public static final LoadAverage UNKNOWN = new LoadAverage(Double.NaN, Double.NaN, Double.NaN);

    /** @return the load now */
    public static LoadAverage now() {
        try {
            return parse(Files.readString(Path.of("/proc/loadavg")));
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    /** @return the load in {@code /proc/loadavg}'s format, e.g. {@code 2.45 2.24 2.07 3/412 12345} */
    static LoadAverage parse(String text) {
        String[] f = text.trim().split("\\s+");
        return new LoadAverage(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
    }

    /** @return e.g. {@code load average 2.45, 2.24, 2.07} */
    public String describe() {
        if (Double.isNaN(one)) {
            return "load average unknown";
        }
        return String.format(Locale.ROOT, "load average %.2f, %.2f, %.2f", one, five, fifteen);
    }
}
