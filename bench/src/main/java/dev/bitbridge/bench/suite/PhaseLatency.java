package dev.bitbridge.bench.suite;

import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;

import dev.bitbridge.bench.LatencyStats;

/**
 * The latencies of one phase's pushes, in microseconds. The figures run from the ingress's 2xx answer
 * ("accepted"); since the simulator sends webhooks one at a time, a delivery that waited for the ones before it
 * starts late, so the summary also shows the way from the push's scheduled time, which hides no such wait. A push
 * that did not get somewhere is counted as a failure of that step, never left out silently.
 *
 * @param pushes pushes made
 * @param accepted pushes whose webhook the ingress answered 2xx
 * @param reachedJenkins accepted pushes whose Jenkins POST arrived
 * @param reachedInProgress accepted pushes whose INPROGRESS status was posted
 * @param skippedInProgress accepted pushes whose result was posted with no INPROGRESS before it
 * @param sendLag scheduled → webhook sent (the harness and the simulator's delivery queue)
 * @param ingress webhook sent → 2xx answer
 * @param toJenkins accepted → Jenkins POST
 * @param toInProgress accepted → INPROGRESS posted
 * @param jenkinsToInProgress Jenkins POST → INPROGRESS posted
 * @param scheduledToInProgress scheduled → INPROGRESS posted
 * @param refusals the statuses of webhooks not answered 2xx (-1: no answer, 0: never sent), as text
 * @param jenkinsPerSecond Jenkins POSTs per second, first to last (what build-trigger kept up with)
 * @param inProgressPerSecond INPROGRESS posts per second, first to last
 */
public record PhaseLatency(int pushes, int accepted, int reachedJenkins, int reachedInProgress, int skippedInProgress,
        LatencyStats sendLag, LatencyStats ingress, LatencyStats toJenkins, LatencyStats toInProgress,
        LatencyStats jenkinsToInProgress, LatencyStats scheduledToInProgress, String refusals,
        double jenkinsPerSecond, double inProgressPerSecond) {

    private static final long MAX_MICROS = 3_600_000_000L;

    /** @return the figures of these pushes */
    public static PhaseLatency of(List<PushTiming> timings) {
        Histogram sendLag = histogram();
        Histogram ingress = histogram();
        Histogram toJenkins = histogram();
        Histogram toInProgress = histogram();
        Histogram jenkinsToInProgress = histogram();
        Histogram scheduledToInProgress = histogram();
        int accepted = 0;
        int jenkins = 0;
        int inProgress = 0;
        int skipped = 0;
        java.util.Map<Integer, Integer> refusals = new java.util.TreeMap<>();
        for (PushTiming t : timings) {
            if (t.sentNanos() != null) {
                record(sendLag, t.sentNanos() - t.scheduledNanos());
            }
            if (t.acceptedNanos() == null) {
                refusals.merge(t.deliveryStatus(), 1, Integer::sum);
                continue;
            }
            accepted++;
            if (t.sentNanos() != null) {
                record(ingress, t.acceptedNanos() - t.sentNanos());
            }
            if (t.jenkinsNanos() != null) {
                jenkins++;
                record(toJenkins, t.jenkinsNanos() - t.acceptedNanos());
            }
            if (t.inProgressSkipped()) {
                skipped++;
            }
            if (t.inProgressNanos() != null) {
                inProgress++;
                record(toInProgress, t.inProgressNanos() - t.acceptedNanos());
                record(scheduledToInProgress, t.inProgressNanos() - t.scheduledNanos());
                if (t.jenkinsNanos() != null) {
                    record(jenkinsToInProgress, t.inProgressNanos() - t.jenkinsNanos());
                }
            }
        }
        StringBuilder refused = new StringBuilder();
        refusals.forEach((status, n) -> refused.append(refused.length() == 0 ? "" : ", ")
                .append(status == 0 ? "never sent" : status == -1 ? "no answer" : "status " + status).append(": ")
                .append(n));
        return new PhaseLatency(timings.size(), accepted, jenkins, inProgress, skipped, LatencyStats.of(sendLag),
                LatencyStats.of(ingress), LatencyStats.of(toJenkins), LatencyStats.of(toInProgress),
                LatencyStats.of(jenkinsToInProgress), LatencyStats.of(scheduledToInProgress), refused.toString(),
                rate(timings.stream().map(PushTiming::jenkinsNanos).toList()),
                rate(timings.stream().map(PushTiming::inProgressNanos).toList()));
    }

    /** @return events per second from the first to the last of these times ({@code null}s left out), or NaN */
    static double rate(List<Long> nanos) {
        long[] times = nanos.stream().filter(java.util.Objects::nonNull).mapToLong(Long::longValue).sorted()
                .toArray();
        if (times.length < 2 || times[times.length - 1] == times[0]) {
            return Double.NaN;
        }
        return (times.length - 1) / ((times[times.length - 1] - times[0]) / 1e9);
    }

    /** @return pushes that got nowhere, or not as far as Jenkins or INPROGRESS */
    public int failures() {
        return pushes - Math.min(reachedJenkins, reachedInProgress);
    }

    /** @return e.g. {@code not accepted 0, no Jenkins POST 0, no INPROGRESS 2 (1 of them: result posted first)} */
    public String describeFailures() {
        return String.format(Locale.ROOT, "not accepted %d%s, accepted but no Jenkins POST %d, accepted but no "
                + "INPROGRESS posted %d%s", pushes - accepted, refusals.isEmpty() ? "" : " (" + refusals + ")",
                accepted - reachedJenkins, accepted - reachedInProgress,
                skippedInProgress == 0 ? "" : " (" + skippedInProgress + " of them: the result was posted first)");
    }

    private static Histogram histogram() {
        return new Histogram(MAX_MICROS, LatencyStats.SIGNIFICANT_DIGITS);
    }

    private static void record(Histogram h, long nanos) {
        h.recordValue(Math.min(MAX_MICROS, Math.max(0, nanos / 1000)));
    }
}
