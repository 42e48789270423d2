package dev.bitbridge.bench;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of a latency histogram recorded in microseconds.
 *
 * @param count values recorded
 * @param p50Micros median
 * @param p90Micros 90th percentile
 * @param p99Micros 99th percentile
 * @param p999Micros 99.9th percentile
 * @param maxMicros the largest value
 * @param meanMicros the mean
 */
public record LatencyStats(long count, long p50Micros, long p90Micros, long p99Micros, long p999Micros,
        long maxMicros, double meanMicros) {

    /** Values are recorded in microseconds with three significant digits. */
    public static final int SIGNIFICANT_DIGITS = 3;

    /** @return the statistics of a histogram of microseconds */
    public static LatencyStats of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LatencyStats(0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencyStats(micros.getTotalCount(),
                micros.getValueAtPercentile(50), micros.getValueAtPercentile(90), micros.getValueAtPercentile(99),
                micros.getValueAtPercentile(99.9), micros.getMaxValue(), micros.getMean());
    }

    /** @return {@code p50 1.23 ms, p90 …, p99 …, p99.9 …, max …} */
    public String describe() {
        if (count == 0) {
            return "no values";
        }
        return "p50 " + ms(p50Micros) + ", p90 " + ms(p90Micros) + ", p99 " + ms(p99Micros) + ", p99.9 "
                + ms(p999Micros) + ", max " + ms(maxMicros) + " (mean " + ms(Math.round(meanMicros)) + ", n="
                + count + ")";
    }

    /** @return microseconds as milliseconds with two decimals, e.g. {@code 1.23 ms} */
    public static String ms(long micros) {
        return String.format(java.util.Locale.ROOT, "%.2f ms", micros / 1000.0);
    }
}
