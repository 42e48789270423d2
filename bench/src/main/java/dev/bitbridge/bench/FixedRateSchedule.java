package dev.bitbridge.bench;

import java.time.Duration;

/**
 * When each request of an open-loop phase is meant to start: request {@code i} at {@code start + i / rate}, whatever
 * happened to earlier requests. Latency measured from these intended times includes any time a request waited
 * because the system (or the sender) stalled, so coordinated omission cannot hide a stall.
 * <p>
 * Times are computed from the index, not by adding a rounded period, so they do not drift.
 */
public final class FixedRateSchedule {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long startNanos;
    private final int ratePerSecond;
    private final long count;

    /**
     * @param startNanos {@link System#nanoTime()} of request 0
     * @param ratePerSecond requests per second, at least 1
     * @param duration how long the phase lasts
     */
    public FixedRateSchedule(long startNanos, int ratePerSecond, Duration duration) {
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException("rate must be at least 1 per second, was " + ratePerSecond);
        }
        this.startNanos = startNanos;
        this.ratePerSecond = ratePerSecond;
        this.count = Math.multiplyExact(duration.toNanos() / 1000, (long) ratePerSecond) / 1_000_000L;
    }

    /** @return how many requests the phase sends: those whose intended time falls inside it */
    public long count() {
        return count;
    }

    /**
     * @param index the request, from 0
     * @return its intended start, in {@link System#nanoTime()} terms
     */
    public long intendedNanos(long index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("request " + index + " of " + count);
        }
        long whole = index / ratePerSecond;
        long rest = index % ratePerSecond;
        return startNanos + whole * NANOS_PER_SECOND + rest * NANOS_PER_SECOND / ratePerSecond;
    }

    /** @return the end of the phase: the intended time of the request after the last */
    public long endNanos() {
        long whole = count / ratePerSecond;
        long rest = count % ratePerSecond;
        return startNanos + whole * NANOS_PER_SECOND + rest * NANOS_PER_SECOND / ratePerSecond;
    }
}
