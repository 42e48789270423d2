package dev.bitbridge.reporter.post;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * Which integrations' statuses wait, and until when. When a post fails for a reason that may pass — Bitbucket
 * unreachable or failing, a 429, the connector away — every status of that integration waits (the wait doubling from
 * {@code initial-backoff} up to {@code max-backoff}, or as long as {@code Retry-After} asks); then one status is posted
 * alone as a probe, and only when it goes through do the others follow. An outage or a rate limit thus costs a few
 * requests, however many statuses are waiting, instead of a storm of retries. Kept in memory: after a restart the
 * first batch finds out again.
 */
public final class IntegrationGate {

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration rateLimitPause;
    private final ConcurrentMap<String, Hold> holds = new ConcurrentHashMap<>();

    private record Hold(Instant until, Duration backoff, boolean probing) {
    }

    public IntegrationGate(Duration initialBackoff, Duration maxBackoff, Duration rateLimitPause) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.rateLimitPause = rateLimitPause;
    }

    /** @return the integrations none of whose statuses may be posted now: waiting, or with a probe out */
    public Set<String> closed() {
        return Set.copyOf(holds.keySet());
    }

    /** @return the integrations whose wait is over and that may send one probe now */
    public Set<String> probesDue(Instant now) {
        return holds.entrySet().stream()
                .filter(e -> !e.getValue().probing() && !e.getValue().until().isAfter(now))
                .map(java.util.Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** A probe of this integration is out: nothing else of it goes until it is answered. */
    public void probing(String integration) {
        holds.computeIfPresent(integration, (k, hold) -> new Hold(hold.until(), hold.backoff(), true));
    }

    /** The probe could not be taken (PostgreSQL failed): the next pass tries again rather than wait forever. */
    public void probeNotTaken(String integration) {
        holds.computeIfPresent(integration, (k, hold) -> new Hold(hold.until(), hold.backoff(), false));
    }

    /** Nothing of this integration was waiting after all. */
    public void nothingToProbe(String integration) {
        holds.computeIfPresent(integration, (k, hold) -> hold.probing() ? hold : null);
    }

    /** A post went through: the integration's statuses flow again. */
    public void opened(String integration) {
        holds.remove(integration);
    }

    /**
     * A post failed for a reason that may pass: the integration waits.
     *
     * @return until when
     */
    public Instant failed(String integration, boolean rateLimited, Optional<Duration> retryAfter, Instant now) {
        Hold hold = holds.compute(integration, (k, previous) -> {
            // The wait doubles when a probe fails, not when several posts of one pass fail together: one blip with a
            // full batch in flight must not send the integration straight to max-backoff.
            boolean probeFailed = previous != null && (previous.probing() || !previous.until().isAfter(now));
            Duration backoff = previous == null ? initialBackoff
                    : probeFailed ? min(previous.backoff().multipliedBy(2), maxBackoff) : previous.backoff();
            Duration wait = retryAfter.map(asked -> max(asked, rateLimited ? Duration.ZERO : backoff))
                    .orElse(rateLimited ? max(rateLimitPause, backoff) : backoff);
            Instant until = now.plus(wait);
            if (previous != null && previous.until().isAfter(until)) {
                until = previous.until(); // another post of the same pass already said to wait longer
            }
            return new Hold(until, backoff, false);
        });
        return hold.until();
    }

    /** @return until when this integration waits, if it does */
    public Optional<Instant> waitsUntil(String integration) {
        return Optional.ofNullable(holds.get(integration)).map(Hold::until);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
