package dev.bitbridge.trigger.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which Jenkins servers are being waited for, and until when. When a call fails for a reason that may pass (Jenkins
 * unreachable, 5xx, 429), every call to that server waits — the wait doubling from {@code dispatch.backoff} up to
 * {@code dispatch.max-backoff} — and then one call goes alone as a probe; the others follow only once Jenkins answers
 * it. A 30-second outage with hundreds of builds waiting thus costs Jenkins a handful of requests, not a retry per
 * build. Kept in memory, per replica: after a restart the first calls find out again.
 */
final class JenkinsGate {

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final ConcurrentMap<String, Hold> holds = new ConcurrentHashMap<>();

    private record Hold(Instant until, Duration backoff, boolean probing) {
    }

    /** A call that was not made: its server is being waited for. */
    static final class Held extends RuntimeException {

        private final transient Instant retryAt;

        Held(String server, Instant retryAt) {
            super("Jenkins at " + server + " is being waited for after a failure; tried again at " + retryAt, null,
                    false, false);
            this.retryAt = retryAt;
        }

        /** @return when the build should be tried again */
        Instant retryAt() {
            return retryAt;
        }
    }

    JenkinsGate(Duration initialBackoff, Duration maxBackoff) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /**
     * Asks to call a server now.
     *
     * @return {@code true} to go ahead (nothing is waited for, or this call is the probe once the wait is over);
     *         {@code false} when the call must wait ({@link #retryAt})
     */
    boolean enter(String server, Instant now) {
        boolean[] go = { true };
        holds.computeIfPresent(server, (k, hold) -> {
            if (hold.probing() || hold.until().isAfter(now)) {
                go[0] = false;
                return hold;
            }
            return new Hold(hold.until(), hold.backoff(), true);
        });
        return go[0];
    }

    /** @return when a call that {@link #enter} held back should ask again */
    Instant retryAt(String server, Instant now) {
        Hold hold = holds.get(server);
        if (hold == null) {
            return now;
        }
        // While a probe is out, look again a little later: it may open the server at any moment.
        return hold.probing() || !hold.until().isAfter(now) ? now.plus(initialBackoff) : hold.until();
    }

    /** Jenkins answered (whatever it said): calls to it flow again. */
    void answered(String server) {
        holds.remove(server);
    }

    /** A call ended without telling anything about the server (not a Jenkins failure): the next call may probe. */
    void undecided(String server) {
        holds.computeIfPresent(server, (k, hold) -> new Hold(hold.until(), hold.backoff(), false));
    }

    /**
     * A call failed for a reason that may pass: the server is waited for.
     *
     * @return until when
     */
    Instant failed(String server, Instant now) {
        return holds.compute(server, (k, previous) -> {
            // The wait doubles when a probe fails, not when the calls of one pass fail together.
            boolean probeFailed = previous != null && (previous.probing() || !previous.until().isAfter(now));
            Duration backoff = previous == null ? initialBackoff
                    : probeFailed ? min(previous.backoff().multipliedBy(2), maxBackoff) : previous.backoff();
            Instant until = now.plus(backoff);
            if (previous != null && previous.until().isAfter(until)) {
                until = previous.until();
            }
            return new Hold(until, backoff, false);
        }).until();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
