package dev.bitbridge.testkit.bitbucket.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.bitbridge.testkit.bitbucket.model.SimClock;

/**
 * Counts requests per credential and enforces a limit per budget over a rolling hour, as Bitbucket Cloud does (1,000
 * per hour by default there; off here unless a test sets one).
 */
public final class RateLimiter {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final SimClock clock;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> windows = new ConcurrentHashMap<>();
    private volatile int perHour;

    public RateLimiter(SimClock clock) {
        this.clock = clock;
    }

    /** Sets the limit per budget and rolling hour; 0 turns it off. */
    public void limit(int requestsPerHour) {
        perHour = requestsPerHour;
    }

    /** @return the limit per budget and rolling hour, 0 when off */
    public int limit() {
        return perHour;
    }

    /** @return how many more requests the caller's budget admits this hour; the limit itself when off */
    public int remaining(Principal who) {
        int limit = perHour;
        Deque<Instant> window = windows.get(who.budgetKey());
        if (limit <= 0 || window == null) {
            return Math.max(limit, 0);
        }
        Instant since = clock.now().minus(WINDOW);
        synchronized (window) {
            return (int) Math.max(0, limit - window.stream().filter(t -> t.isAfter(since)).count());
        }
    }

    /** @return how many requests were made with the credential, refused ones included */
    public long count(String credentialId) {
        AtomicLong count = counts.get(credentialId);
        return count == null ? 0 : count.get();
    }

    /**
     * Counts a request and decides whether it may proceed.
     *
     * @return empty when admitted, else how long until the oldest request of the window leaves it
     */
    public Optional<Duration> admit(Principal who) {
        counts.computeIfAbsent(who.credentialId(), k -> new AtomicLong()).incrementAndGet();
        int limit = perHour;
        if (limit <= 0) {
            return Optional.empty();
        }
        Instant now = clock.now();
        Deque<Instant> window = windows.computeIfAbsent(who.budgetKey(), k -> new ArrayDeque<>());
        synchronized (window) {
            while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(WINDOW))) {
                window.pollFirst();
            }
            if (window.size() >= limit) {
                Duration wait = Duration.between(now, window.peekFirst().plus(WINDOW));
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            }
            window.addLast(now);
            return Optional.empty();
        }
    }
}
