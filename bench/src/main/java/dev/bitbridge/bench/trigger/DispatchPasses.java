package dev.bitbridge.bench.trigger;

import java.util.Arrays;
import java.util.Locale;
import java.util.TreeMap;

/**
 * build-trigger's dispatch passes as its database shows them: a pass marks every pending build it takes DISPATCHING
 * with one {@code dispatch_started_at} (the pass's start), so the distinct values are the passes that took new
 * builds, and the time between two is how long a pass (plus waking the next) took. Each pass takes at most
 * {@code dispatch.batch-size} due builds, new ones and builds due for a poll together.
 *
 * @param passes passes that took at least one new build
 * @param perPass new builds per such pass, on average
 * @param mostPerPass the most one pass took
 * @param p50IntervalMillis the median time from one such pass to the next
 * @param p90IntervalMillis the 90th percentile of that time
 */
public record DispatchPasses(int passes, double perPass, int mostPerPass, long p50IntervalMillis,
        long p90IntervalMillis) {

    /** @param claimedMillis each build's {@code dispatch_started_at}, any order */
    public static DispatchPasses of(long[] claimedMillis) {
        TreeMap<Long, Integer> byPass = new TreeMap<>();
        for (long at : claimedMillis) {
            byPass.merge(at, 1, Integer::sum);
        }
        if (byPass.isEmpty()) {
            return new DispatchPasses(0, Double.NaN, 0, 0, 0);
        }
        long[] starts = byPass.keySet().stream().mapToLong(Long::longValue).toArray();
        long[] intervals = new long[Math.max(0, starts.length - 1)];
        for (int i = 1; i < starts.length; i++) {
            intervals[i - 1] = starts[i] - starts[i - 1];
        }
        Arrays.sort(intervals);
        return new DispatchPasses(byPass.size(), (double) claimedMillis.length / byPass.size(),
                byPass.values().stream().mapToInt(Integer::intValue).max().orElse(0), percentile(intervals, 0.5),
                percentile(intervals, 0.9));
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    /** @return one line */
    public String describe() {
        return String.format(Locale.ROOT, "%,d passes took new builds, %.1f each on average (at most %d); a pass "
                + "began every %d ms (median; p90 %d ms)", passes, perPass, mostPerPass, p50IntervalMillis,
                p90IntervalMillis);
    }
}
