package dev.bitbridge.bench.connector;

import java.util.Arrays;

/**
 * Enriched events per second of a run that published faster than the connector could keep up.
 *
 * @param events events with an output
 * @param overall events ÷ (last output − first raw record), per second
 * @param steady events between the 10th and the 90th percentile of output times ÷ the time between them, per second:
 *        without the start (first poll, first transaction) and the tail
 * @param seconds first raw record to last output, in seconds
 */
public record Throughput(long events, double overall, double steady, double seconds) {

    /**
     * @param firstRawMillis the timestamp of the run's first raw record
     * @param outputMillis when each event's output was published (any order)
     * @return the rates; NaN where a span is empty
     */
    public static Throughput of(long firstRawMillis, long[] outputMillis) {
        int n = outputMillis.length;
        if (n == 0) {
            return new Throughput(0, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = outputMillis.clone();
        Arrays.sort(sorted);
        double seconds = (sorted[n - 1] - firstRawMillis) / 1000.0;
        double overall = seconds > 0 ? n / seconds : Double.NaN;
        int from = (int) Math.floor(0.1 * (n - 1));
        int to = (int) Math.ceil(0.9 * (n - 1));
        double span = (sorted[to] - sorted[from]) / 1000.0;
        double steady = to > from && span > 0 ? (to - from) / span : Double.NaN;
        return new Throughput(n, overall, steady, seconds);
    }
}
