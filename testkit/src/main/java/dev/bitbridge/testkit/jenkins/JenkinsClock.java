package dev.bitbridge.testkit.jenkins;

import java.time.Clock;
import java.time.Duration;

/**
 * The simulator's time: the system clock plus an offset a test moves forward, or, once made manual, a time that moves
 * only when the test moves it. Queue delays, build durations and the retention of left queue items are measured on it,
 * so a test can run them in real time or jump over them exactly.
 */
final class JenkinsClock {

    private final Clock base = Clock.systemUTC();
    private long offsetMillis;
    private Long frozenAt;

    synchronized long millis() {
        return frozenAt != null ? frozenAt + offsetMillis : base.millis() + offsetMillis;
    }

    /** Stops following real time: from now on only {@link #advance} moves the clock. */
    synchronized void manual() {
        if (frozenAt == null) {
            frozenAt = base.millis();
        }
    }

    synchronized void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("The clock only moves forward: " + by);
        }
        offsetMillis += by.toMillis();
    }
}
