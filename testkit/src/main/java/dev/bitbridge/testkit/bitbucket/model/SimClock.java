package dev.bitbridge.testkit.bitbucket.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The simulator's clock: the system clock plus an offset a test moves forward, so token expiry and rate-limit windows
 * can be tested without waiting.
 */
public final class SimClock {

    private final Clock base = Clock.systemUTC();
    private volatile Duration offset = Duration.ZERO;

    /** @return the simulated now */
    public Instant now() {
        return base.instant().plus(offset);
    }

    /** Moves the clock forward. */
    public synchronized void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("The clock only moves forward: " + by);
        }
        offset = offset.plus(by);
    }
}
