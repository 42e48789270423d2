package dev.bitbridge.bench;

import java.time.Duration;

/**
 * What one measured phase produced.
 *
 * @param phase the phase's name
 * @param window how long the phase measured: only outcomes completed inside it count
 * @param sent requests or records started inside the window
 * @param tally outcomes completed inside the window
 * @param latency latency of the outcomes completed inside the window
 * @param lateCompletions outcomes that completed after the window closed (not counted)
 * @param unfinished requests or records that had no outcome when the harness stopped waiting
 * @param cpu how the CPU was spent during the window
 * @param note anything else worth printing, may be empty
 */
public record LoadResult(String phase, Duration window, long sent, StatusTally tally, LatencyStats latency,
        long lateCompletions, long unfinished, CpuSplit cpu, String note) {

    /** @return accepted outcomes per second of the window */
    public double acceptedPerSecond() {
        return tally.accepted() / (window.toNanos() / 1e9);
    }
}
