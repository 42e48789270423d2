package dev.bitbridge.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that stands still until a test moves it, for code that takes a {@link Clock}. */
public final class ManualClock extends Clock {

    private volatile Instant now;

    /** @param start the instant it shows until moved */
    public ManualClock(Instant start) {
        this.now = start;
    }

    /** Moves it by {@code by} (forward, or back when negative). */
    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
