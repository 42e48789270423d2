package dev.bitbridge.connector.bitbucket.budget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.MultiMap;

import dev.bitbridge.connector.config.ConnectorConfig;

/**
 * The Bitbucket API budget of each credential over a rolling hour, as Bitbucket counts it. Essential calls (the commits
 * of a push, a pull request) always go out — Bitbucket's own 429 is the authority on its limit. Deferrable calls (file
 * lists) go out only while more than the reserve is left, no recent answer said the limit is near, and Bitbucket has
 * not answered 429 lately; otherwise they wait until budget returns. The limit is learnt from
 * {@code X-RateLimit-Limit} where Bitbucket sends it (access tokens on scaled endpoints), and
 * {@code X-RateLimit-NearLimit: true} (under 20 % left) marks the budget low.
 */
@ApplicationScoped
public class ApiBudget {

    /** How long a "near the limit" answer keeps deferrable calls back when no later answer says otherwise. */
    static final Duration NEAR_LIMIT_HOLD = Duration.ofMinutes(5);
    /** How long a 429 without {@code Retry-After} keeps deferrable calls back. */
    static final Duration RATE_LIMITED_HOLD = Duration.ofMinutes(1);

    private final Duration window;
    private final int defaultLimit;
    private final double reserve;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    ApiBudget(ConnectorConfig config, MeterRegistry meters) {
        this(config.bitbucket().budget().requestsPerHour(), config.bitbucket().budget().reserve(),
                config.bitbucket().budget().window(), Clock.systemUTC(), meters);
    }

    ApiBudget(int defaultLimit, double reserve, Duration window, Clock clock, MeterRegistry meters) {
        this.window = window;
        this.defaultLimit = defaultLimit;
        this.reserve = reserve;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Asks for a deferrable call and, when it may go out, counts it as sent at once: calls still waiting for their
     * answer count against the budget too, so that concurrent calls cannot all pass the same check.
     *
     * @return whether the deferrable call may go out now for this credential; then {@link #record} or
     *         {@link #unanswered} must follow
     */
    public boolean reserveDeferrable(String key) {
        boolean allowed = window(key).reserveDeferrable(clock.instant(), reserve);
        if (!allowed) {
            meters.counter("bitbridge.connector.bitbucket.calls.deferred").increment();
        }
        return allowed;
    }

    /** An essential call is about to go out; {@link #record} or {@link #unanswered} must follow. */
    public void sending(String key) {
        window(key).sending();
    }

    /** Counts a call Bitbucket answered (any status), and learns from the answer's headers. */
    public void record(String key, MultiMap headers) {
        window(key).record(clock.instant(), headers);
        meters.counter("bitbridge.connector.bitbucket.calls").increment();
    }

    /** A call that was sent got no answer (timeout, connection refused, cancelled): Bitbucket did not count it. */
    public void unanswered(String key) {
        window(key).unanswered();
    }

    /** Notes a 429: deferrable calls wait until {@code retryAfter} (or a minute). */
    public void rateLimited(String key, Optional<Duration> retryAfter) {
        Duration hold = retryAfter.orElse(RATE_LIMITED_HOLD.compareTo(window) < 0 ? RATE_LIMITED_HOLD : window);
        window(key).rateLimited(clock.instant().plus(hold));
        meters.counter("bitbridge.connector.bitbucket.rate-limited").increment();
    }

    /** @return calls counted in the last hour for this credential (those awaiting their answer included), and its limit */
    public Usage usage(String key) {
        return window(key).usage(clock.instant());
    }

    private Window window(String key) {
        return windows.computeIfAbsent(key, k -> new Window(defaultLimit, window));
    }

    /**
     * @param used calls in the rolling hour
     * @param limit the hourly limit, as configured or as Bitbucket said
     */
    public record Usage(int used, int limit) {
    }

    /** One credential's calls in the rolling hour. */
    static final class Window {

        private final Deque<Instant> calls = new ArrayDeque<>();
        private final Duration length;
        private int inFlight;
        private int limit;
        private Instant holdUntil = Instant.MIN;

        Window(int limit, Duration length) {
            this.limit = limit;
            this.length = length;
        }

        synchronized boolean reserveDeferrable(Instant now, double reserve) {
            expire(now);
            boolean allowed = now.isAfter(holdUntil) && calls.size() + inFlight < limit * (1 - reserve);
            if (allowed) {
                inFlight++;
            }
            return allowed;
        }

        synchronized void sending() {
            inFlight++;
        }

        synchronized void unanswered() {
            inFlight = Math.max(0, inFlight - 1);
        }

        synchronized void record(Instant now, MultiMap headers) {
            expire(now);
            inFlight = Math.max(0, inFlight - 1);
            calls.addLast(now);
            String announced = headers.get("X-RateLimit-Limit");
            if (announced != null) {
                try {
                    limit = Math.max(1, Integer.parseInt(announced.trim()));
                } catch (NumberFormatException ignored) {
                    // Keep the limit we had: a malformed header says nothing.
                }
            }
            String near = headers.get("X-RateLimit-NearLimit");
            if ("true".equalsIgnoreCase(near)) {
                holdUntil = max(holdUntil, now.plus(min(NEAR_LIMIT_HOLD, length)));
            }
        }

        synchronized void rateLimited(Instant until) {
            holdUntil = max(holdUntil, until);
        }

        synchronized Usage usage(Instant now) {
            expire(now);
            return new Usage(calls.size() + inFlight, limit);
        }

        private void expire(Instant now) {
            Instant cutoff = now.minus(length);
            while (!calls.isEmpty() && !calls.peekFirst().isAfter(cutoff)) {
                calls.removeFirst();
            }
        }

        private static Duration min(Duration a, Duration b) {
            return a.compareTo(b) < 0 ? a : b;
        }

        private static Instant max(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }
    }
}
