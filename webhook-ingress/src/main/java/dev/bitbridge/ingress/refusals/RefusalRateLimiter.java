package dev.bitbridge.ingress.refusals;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per integration, so that a flood of bad requests to one integration yields at most {@code burst}
 * reports at once and {@code rate} per second after that, whatever the flood's size, and cannot crowd out the reports
 * of other integrations.
 * <p>
 * At most {@code maxTracked} buckets are kept. A full bucket holds no state (a new one would be the same), so when the
 * table is full such buckets are forgotten first; if none is full, a report for an integration without a bucket is
 * refused: memory stays bounded however many integrations are flooded at once.
 */
final class RefusalRateLimiter {

    private static final long SWEEP_INTERVAL_NANOS = 100_000_000L;

    private final double ratePerNano;
    private final double burst;
    private final int maxTracked;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new HashMap<>();
    private long sweptAt;

    /**
     * @param ratePerSecond reports per second per integration, sustained
     * @param burst reports an integration may have at once
     * @param maxTracked most integrations with a bucket
     * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime}; tests move it)
     */
    RefusalRateLimiter(double ratePerSecond, int burst, int maxTracked, LongSupplier nanoTime) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.maxTracked = maxTracked;
        this.nanoTime = nanoTime;
    }

    /** @return whether a report for {@code integration} may be published now; takes a token when it may */
    synchronized boolean tryAcquire(String integration) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(integration);
        if (bucket == null) {
            if (buckets.size() >= maxTracked && !forgetFullBuckets(now)) {
                return false;
            }
            bucket = new Bucket(burst, now);
            buckets.put(integration, bucket);
        }
        bucket.refill(now);
        if (bucket.tokens < 1) {
            return false;
        }
        bucket.tokens -= 1;
        return true;
    }

    /** @return how many integrations have a bucket now */
    synchronized int tracked() {
        return buckets.size();
    }

    /** Sweeps the table at most every {@link #SWEEP_INTERVAL_NANOS}, so that a full table costs little per request. */
    private boolean forgetFullBuckets(long now) {
        if (now - sweptAt < SWEEP_INTERVAL_NANOS && sweptAt != 0) {
            return false;
        }
        sweptAt = now;
        boolean forgot = false;
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext();) {
            Bucket bucket = it.next();
            bucket.refill(now);
            if (bucket.tokens >= burst) {
                it.remove();
                forgot = true;
            }
        }
        return forgot;
    }

    private final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        void refill(long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) * ratePerNano);
            refilledAt = now;
        }
    }
}
