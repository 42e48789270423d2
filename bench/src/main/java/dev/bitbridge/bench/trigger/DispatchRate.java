package dev.bitbridge.bench.trigger;

import java.util.Arrays;

/**
 * How fast build requests became Jenkins POSTs, from the times the POSTs reached the simulator.
 *
 * @param posts POSTs counted
 * @param perSecond POSTs per second from the first POST to the last: (posts − 1) ÷ (last − first), the intervals
 *        between them; NaN with fewer than two
 * @param sincePublish posts ÷ (last POST − first request published): what the backlog took as a whole, the first
 *        request's way through Kafka and the store included
 * @param steady the POSTs between the 10th and the 90th percentile of arrival times ÷ the time between them: without
 *        the start and the tail
 * @param seconds first POST to last, in seconds
 */
public record DispatchRate(long posts, double perSecond, double sincePublish, double steady, double seconds) {

    /**
     * @param publishStartNanos {@link System#nanoTime()} when the first request was published
     * @param arrivalNanos when each POST arrived, in {@link System#nanoTime()} terms, any order
     * @return the rates
     */
    public static DispatchRate of(long publishStartNanos, long[] arrivalNanos) {
        int n = arrivalNanos.length;
        if (n == 0) {
            return new DispatchRate(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = arrivalNanos.clone();
        Arrays.sort(sorted);
        double seconds = (sorted[n - 1] - sorted[0]) / 1e9;
        double perSecond = n > 1 && seconds > 0 ? (n - 1) / seconds : Double.NaN;
        double total = (sorted[n - 1] - publishStartNanos) / 1e9;
        double sincePublish = total > 0 ? n / total : Double.NaN;
        int from = (int) Math.floor(0.1 * (n - 1));
        int to = (int) Math.ceil(0.9 * (n - 1));
        double span = (sorted[to] - sorted[from]) / 1e9;
        double steady = to > from && span > 0 ? (to - from) / span : Double.NaN;
        return new DispatchRate(n, perSecond, sincePublish, steady, seconds);
    }
}
