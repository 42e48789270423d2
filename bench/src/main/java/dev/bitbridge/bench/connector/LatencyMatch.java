package dev.bitbridge.bench.connector;

import java.util.Map;
import java.util.function.Function;

import org.HdrHistogram.Histogram;

import dev.bitbridge.bench.LatencyStats;

/**
 * Raw-record-to-output latency of a set of raw events, matched by event id: the ref record's timestamp (CreateTime,
 * set by the connector's transactional producer when it sent the record, before the commit) minus the raw record's
 * timestamp, and — what a downstream consumer experiences — when the harness's {@code read_committed} consumer
 * received the ref record minus the raw record's timestamp. Both clocks are this machine's, in milliseconds.
 */
public final class LatencyMatch {

    private final Histogram created = new Histogram(LatencyStats.SIGNIFICANT_DIGITS);
    private final Histogram visible = new Histogram(LatencyStats.SIGNIFICANT_DIGITS);
    private long matched;
    private long missing;
    private long negative;

    /**
     * @param rawMillis the raw records' timestamps, by event id
     * @param outputs the outputs of an event id ({@code null} or {@link EventOutputs#NONE} when there is none)
     * @return the latencies of every event that has a ref record, and how many have none
     */
    public static LatencyMatch of(Map<String, Long> rawMillis, Function<String, EventOutputs> outputs) {
        LatencyMatch match = new LatencyMatch();
        rawMillis.forEach((id, raw) -> match.add(raw, outputs.apply(id)));
        return match;
    }

    /** Adds one raw event: its timestamp and what was published for it. */
    public void add(long rawMillis, EventOutputs outputs) {
        if (outputs == null || outputs.refs() == 0) {
            missing++;
            return;
        }
        matched++;
        long createdMillis = outputs.refCreateMillis() - rawMillis;
        if (createdMillis < 0) {
            negative++;
        }
        created.recordValue(Math.max(0, createdMillis) * 1000);
        if (outputs.refSeenMillis() >= 0) {
            visible.recordValue(Math.max(0, outputs.refSeenMillis() - rawMillis) * 1000);
        }
    }

    /** @return raw record to ref record's CreateTime */
    public LatencyStats created() {
        return LatencyStats.of(created);
    }

    /** @return raw record to the ref record being readable with {@code read_committed} */
    public LatencyStats visible() {
        return LatencyStats.of(visible);
    }

    /** @return raw events with a ref record */
    public long matched() {
        return matched;
    }

    /** @return raw events without any ref record (none published, or not within the wait) */
    public long missing() {
        return missing;
    }

    /** @return ref records stamped before their raw record (clock steps), counted as 0 */
    public long negative() {
        return negative;
    }
}
