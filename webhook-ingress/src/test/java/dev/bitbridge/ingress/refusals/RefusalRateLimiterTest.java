package dev.bitbridge.ingress.refusals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void aBurstThenNothingUntilTimeRefillsTheBucket() {
        RefusalRateLimiter limiter = new RefusalRateLimiter(2, 5, 100, nanos::get);

        assertThat(take(limiter, "acme", 100)).isEqualTo(5);

        advance(499);
        assertThat(limiter.tryAcquire("acme")).as("half a second at 2/s is just under one token").isFalse();
        advance(1);
        assertThat(limiter.tryAcquire("acme")).isTrue();
        assertThat(limiter.tryAcquire("acme")).isFalse();
    }

    @Test
    void aLongPauseRefillsNoMoreThanTheBurst() {
        RefusalRateLimiter limiter = new RefusalRateLimiter(2, 5, 100, nanos::get);
        take(limiter, "acme", 5);

        advance(TimeUnit.HOURS.toMillis(1));

        assertThat(take(limiter, "acme", 100)).isEqualTo(5);
    }

    @Test
    void aFloodYieldsAtMostTheBurstPlusTheRateOverItsDuration() {
        RefusalRateLimiter limiter = new RefusalRateLimiter(3, 10, 100, nanos::get);
        int allowed = 0;
        for (int i = 0; i < 10_000; i++) { // 10,000 requests over 10 s
            allowed += limiter.tryAcquire("acme") ? 1 : 0;
            advance(1);
        }

        assertThat(allowed).isBetween(10 + 3 * 10 - 1, 10 + 3 * 10);
    }

    @Test
    void fractionalRatesWork() {
        RefusalRateLimiter limiter = new RefusalRateLimiter(0.1, 1, 100, nanos::get);
        take(limiter, "acme", 1);

        advance(9_999);
        assertThat(limiter.tryAcquire("acme")).isFalse();
        advance(1);
        assertThat(limiter.tryAcquire("acme")).isTrue();
    }

    @Test
    void oneFloodedIntegrationDoesNotSilenceAnother() {
        RefusalRateLimiter limiter = new RefusalRateLimiter(1, 3, 100, nanos::get);
        take(limiter, "flooded", 1000);

        assertThat(take(limiter, "quiet", 3)).isEqualTo(3);
    }

    @Test
    void whenTheTableIsFullRefilledBucketsAreForgottenAndOtherwiseNewIntegrationsWait() {
        RefusalRateLimiter limiter = new RefusalRateLimiter(1, 2, 2, nanos::get);
        limiter.tryAcquire("a");
        limiter.tryAcquire("b");

        assertThat(limiter.tryAcquire("c")).as("table full of partly used buckets").isFalse();
        assertThat(limiter.tracked()).isEqualTo(2);

        advance(2_000); // both buckets are full again: forgetting them loses nothing
        assertThat(limiter.tryAcquire("c")).isTrue();
        assertThat(limiter.tracked()).isEqualTo(1);
    }

    @Test
    void aFullTableIsSweptAtMostTenTimesASecond() {
        RefusalRateLimiter limiter = new RefusalRateLimiter(1000, 1, 1, nanos::get);
        limiter.tryAcquire("a");
        assertThat(limiter.tryAcquire("b")).as("'a' has not refilled yet").isFalse();

        advance(50); // 'a' has refilled, but the last sweep was 50 ms ago
        assertThat(limiter.tryAcquire("b")).isFalse();
        advance(50);
        assertThat(limiter.tryAcquire("b")).isTrue();
    }

    private static int take(RefusalRateLimiter limiter, String integration, int attempts) {
        int taken = 0;
        for (int i = 0; i < attempts; i++) {
            taken += limiter.tryAcquire(integration) ? 1 : 0;
        }
        return taken;
    }

    private void advance(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
