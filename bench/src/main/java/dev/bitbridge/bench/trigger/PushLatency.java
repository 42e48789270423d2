package dev.bitbridge.bench.trigger;

import org.HdrHistogram.Histogram;

import dev.bitbridge.bench.LatencyStats;

/**
 * Latency from an event to the Jenkins POST that builds it, matched by the commit: the POST's arrival at the simulator
 * minus the time the event was meant to be published (both {@link System#nanoTime()} of this JVM, which runs the
 * simulator). Split where each push was seen on its way, in milliseconds of the machine's wall clock:
 * <ol>
 * <li>event → build request sent: the build request's record timestamp (CreateTime, set by commit-analyzer's
 * transactional producer when it sent the record, before its commit) — the analyzer's part; for a request the harness
 * published itself, 0;</li>
 * <li>→ stored: build-trigger's {@code created_at} — the analyzer's commit, build-trigger's consumer and its store
 * transaction;</li>
 * <li>→ taken: {@code dispatch_started_at} — waiting for a dispatch pass to take it;</li>
 * <li>→ POST: resolving the target and credential, and the POST's way to the simulator.</li>
 * </ol>
 */
public final class PushLatency {

    /** The stages, in order. */
    public static final String[] STAGES = { "event -> build request sent", "request sent -> stored",
            "stored -> taken by a dispatch pass", "taken -> POST at Jenkins" };

    private final WallClock clock;
    private final Histogram endToEnd = new Histogram(LatencyStats.SIGNIFICANT_DIGITS);
    private final Histogram[] stages = new Histogram[STAGES.length];
    private long matched;
    private long missing;
    private long unsplit;

    /** @param clock turns this JVM's nano times into wall-clock milliseconds */
    public PushLatency(WallClock clock) {
        this.clock = clock;
        for (int i = 0; i < stages.length; i++) {
            stages[i] = new Histogram(LatencyStats.SIGNIFICANT_DIGITS);
        }
    }

    /**
     * Adds one push.
     *
     * @param intendedNanos when its event was meant to be published
     * @param arrivalNanos when its POST arrived, or {@code null} when none did
     * @param requestMillis its build request's record timestamp, or {@code null} when it was not seen
     * @param stamps when build-trigger stored and took it, or {@code null} when not found
     */
    public void add(long intendedNanos, Long arrivalNanos, Long requestMillis, TriggerDatabase.Stamps stamps) {
        if (arrivalNanos == null) {
            missing++;
            return;
        }
        matched++;
        endToEnd.recordValue(Math.max(0, (arrivalNanos - intendedNanos) / 1000));
        if (requestMillis == null || stamps == null || stamps.claimedMillis() == null) {
            unsplit++;
            return;
        }
        long[] marks = { clock.millis(intendedNanos), requestMillis, stamps.storedMillis(), stamps.claimedMillis(),
                clock.millis(arrivalNanos) };
        for (int i = 0; i < stages.length; i++) {
            stages[i].recordValue(Math.max(0, marks[i + 1] - marks[i]) * 1000);
        }
    }

    /** @return event → POST */
    public LatencyStats endToEnd() {
        return LatencyStats.of(endToEnd);
    }

    /** @return each stage's latency, in the order of {@link #STAGES} (millisecond resolution) */
    public LatencyStats[] stages() {
        LatencyStats[] out = new LatencyStats[stages.length];
        for (int i = 0; i < stages.length; i++) {
            out[i] = LatencyStats.of(stages[i]);
        }
        return out;
    }

    /** @return pushes with a POST */
    public long matched() {
        return matched;
    }

    /** @return pushes without one (not within the wait) */
    public long missing() {
        return missing;
    }

    /** @return pushes with a POST whose way could not be split (a mark not found) */
    public long unsplit() {
        return unsplit;
    }
}
