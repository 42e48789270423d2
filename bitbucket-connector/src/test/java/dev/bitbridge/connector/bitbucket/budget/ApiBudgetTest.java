package dev.bitbridge.connector.bitbucket.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.MultiMap;

import dev.bitbridge.connector.bitbucket.BitbucketTarget;
import dev.bitbridge.connector.credentials.CredentialKind;
import dev.bitbridge.credentials.SecretFields;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.testkit.ManualClock;

import static org.assertj.core.api.Assertions.assertThat;

class ApiBudgetTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final ApiBudget budget = new ApiBudget(10, 0.2, Duration.ofHours(1), clock, new SimpleMeterRegistry());

    @Test
    void deferrableCallsStopAtTheReserveAndResumeAsTheHourRolls() {
        for (int i = 0; i < 7; i++) {
            assertThat(budget.reserveDeferrable("k")).as("call %d", i).isTrue();
            budget.record("k", headers());
            clock.advance(Duration.ofSeconds(60));
        }
        assertThat(budget.reserveDeferrable("k")).isTrue();
        budget.record("k", headers());
        assertThat(budget.usage("k")).isEqualTo(new ApiBudget.Usage(8, 10));
        assertThat(budget.reserveDeferrable("k")).as("8 of 10 used: the last 2 are the reserve").isFalse();
        assertThat(budget.reserveDeferrable("other")).as("another credential has its own budget").isTrue();

        clock.advance(Duration.ofMinutes(53).plusSeconds(30)); // only the first call has left the rolling hour
        assertThat(budget.reserveDeferrable("k")).isTrue();
        assertThat(budget.usage("k").used()).as("7 answered, 1 awaiting its answer").isEqualTo(8);
        budget.unanswered("k");
        assertThat(budget.usage("k").used()).as("a call without an answer is not counted").isEqualTo(7);
    }

    @Test
    void callsAwaitingTheirAnswerCountSoThatConcurrentCallsCannotPassTheSameCheck() {
        for (int i = 0; i < 8; i++) {
            assertThat(budget.reserveDeferrable("k")).as("call %d", i).isTrue();
        }
        assertThat(budget.reserveDeferrable("k")).as("8 sent, none answered yet: the reserve is reached").isFalse();
        budget.sending("k"); // an essential call always goes out
        assertThat(budget.usage("k")).isEqualTo(new ApiBudget.Usage(9, 10));
        for (int i = 0; i < 9; i++) {
            budget.record("k", headers());
        }
        assertThat(budget.usage("k")).isEqualTo(new ApiBudget.Usage(9, 10));
        assertThat(budget.reserveDeferrable("k")).isFalse();
    }

    @Test
    void theLimitBitbucketAnnouncesReplacesTheConfiguredOne() {
        for (int i = 0; i < 9; i++) {
            budget.record("k", headers("X-RateLimit-Limit", "2500"));
        }
        assertThat(budget.usage("k")).isEqualTo(new ApiBudget.Usage(9, 2500));
        assertThat(budget.reserveDeferrable("k")).isTrue();
    }

    @Test
    void nearTheLimitHoldsDeferrableCallsBackForAWhile() {
        budget.record("k", headers("X-RateLimit-NearLimit", "true"));
        assertThat(budget.reserveDeferrable("k")).isFalse();
        clock.advance(ApiBudget.NEAR_LIMIT_HOLD.plusSeconds(1));
        assertThat(budget.reserveDeferrable("k")).isTrue();
    }

    @Test
    void a429HoldsDeferrableCallsBackUntilRetryAfter() {
        budget.rateLimited("k", Optional.of(Duration.ofSeconds(30)));
        assertThat(budget.reserveDeferrable("k")).isFalse();
        clock.advance(Duration.ofSeconds(31));
        assertThat(budget.reserveDeferrable("k")).isTrue();

        budget.rateLimited("k", Optional.empty());
        clock.advance(ApiBudget.RATE_LIMITED_HOLD.minusSeconds(1));
        assertThat(budget.reserveDeferrable("k")).isFalse();
    }

    @Test
    void everyApiTokenOfOneAccountSharesOneBudgetAndTheKeyNamesNoSecret() {
        BitbucketTarget a = target("team-a", CredentialKind.CLOUD_API_TOKEN);
        BitbucketTarget b = target("team-b", CredentialKind.CLOUD_API_TOKEN);
        String keyA = BudgetKey.of(a, SecretFields.of(java.util.Map.of("email", "Jane@Example.com", "token", "t1")));
        String keyB = BudgetKey.of(b, SecretFields.of(java.util.Map.of("email", "jane@example.com", "token", "t2")));
        String other = BudgetKey.of(b, SecretFields.of(java.util.Map.of("email", "joe@example.com", "token", "t2")));
        assertThat(keyA).isEqualTo(keyB).isNotEqualTo(other).doesNotContain("jane").doesNotContain("t1");

        BitbucketTarget token = target("team-c", CredentialKind.CLOUD_ACCESS_TOKEN);
        assertThat(BudgetKey.of(token, SecretFields.of(java.util.Map.of("token", "ATCTT-one"))))
                .isNotEqualTo(BudgetKey.of(token, SecretFields.of(java.util.Map.of("token", "ATCTT-two"))))
                .doesNotContain("ATCTT");
    }

    private static BitbucketTarget target(String name, CredentialKind kind) {
        return new BitbucketTarget(name, BitbucketFlavor.CLOUD, "https://api.bitbucket.org/2.0", true, null, kind);
    }

    private static MultiMap headers(String... pairs) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.add(pairs[i], pairs[i + 1]);
        }
        return headers;
    }
}
