package dev.bitbridge.bench.connector;

import java.util.Locale;

import dev.bitbridge.bench.LatencyStats;

/**
 * One run of phase B: pushes published, saturating or at a fixed rate, and what came out.
 *
 * @param name e.g. {@code saturating} or {@code at 200/s}
 * @param rate pushes per second, or 0 when published as fast as possible
 * @param events pushes published
 * @param commits commit records published for them
 * @param publishSeconds how long publishing took
 * @param throughput enriched events per second
 * @param created raw record to the ref record's CreateTime
 * @param visible raw record to the ref record read by a {@code read_committed} consumer
 * @param matched pushes with a ref record
 * @param missing pushes without one
 * @param calls Bitbucket requests during the run
 * @param cpu CPU during the run
 * @param memory the connector's resident memory at its end
 * @param loadBefore the load average when it began
 * @param loadAfter the load average when it ended
 * @param counters what the connector's metrics counted during the run
 * @param refMarkers transaction markers the run added to {@code bitbridge.refs.v1}: one per transaction and refs
 *        partition it wrote to
 */
public record LoadRun(String name, int rate, int events, long commits, double publishSeconds, Throughput throughput,
        LatencyStats created, LatencyStats visible, long matched, long missing, CallTally calls, CpuUse cpu,
        ProcessCpu.Memory memory, LoadAverage loadBefore, LoadAverage loadAfter, ConnectorCounters counters, long refMarkers) {

    /** @return whether the run published as fast as it could rather than at a fixed rate */
    public boolean saturating() {
        return rate == 0;
    }

    /** @return diffstat calls per commit published */
    public double filesPerCommit() {
        return commits == 0 ? Double.NaN : (double) calls.get(CallKind.FILES) / commits;
    }

    /** @return every Bitbucket request per push */
    public double callsPerEvent() {
        return events == 0 ? Double.NaN : (double) calls.total() / events;
    }

    /** @return whether every push came out and the p99 to the ref record's CreateTime is within the target */
    public boolean p99Met(long targetMicros) {
        return missing == 0 && matched > 0 && created.p99Micros() <= targetMicros;
    }

    /** @return the same for the time until a {@code read_committed} consumer read the ref record */
    public boolean visibleP99Met(long targetMicros) {
        return missing == 0 && matched > 0 && visible.count() > 0 && visible.p99Micros() <= targetMicros;
    }

    /** @return one line for the progress log */
    public String summary() {
        return String.format(Locale.ROOT, "%s: %d pushes (%d commits) published in %.1f s; %.0f events/s overall, "
                + "%.0f steady; ref CreateTime %s; visible %s; %d without output", name, events, commits,
                publishSeconds, throughput.overall(), throughput.steady(), created.describe(), visible.describe(),
                missing);
    }
}
