package dev.bitbridge.reporter.post;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrationGateTest {

    final Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
    final IntegrationGate gate = new IntegrationGate(Duration.ofSeconds(2), Duration.ofSeconds(30),
            Duration.ofSeconds(60));

    @Test
    void anOutageClosesTheIntegrationThenOneProbeGoesThenItOpens() {
        assertThat(gate.failed("acme", false, Optional.empty(), t0)).isEqualTo(t0.plusSeconds(2));
        assertThat(gate.closed()).containsExactly("acme");
        assertThat(gate.probesDue(t0.plusSeconds(1))).isEmpty();
        assertThat(gate.probesDue(t0.plusSeconds(2))).containsExactly("acme");

        gate.probing("acme");
        assertThat(gate.probesDue(t0.plusSeconds(3))).as("one probe at a time").isEmpty();
        assertThat(gate.closed()).containsExactly("acme");

        gate.opened("acme");
        assertThat(gate.closed()).isEmpty();
    }

    @Test
    void eachFailedProbeDoublesTheWaitUpToTheMost() {
        Instant at = t0;
        Duration[] waits = { Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30) };
        for (Duration wait : waits) {
            Instant until = gate.failed("acme", false, Optional.empty(), at);
            assertThat(Duration.between(at, until)).isEqualTo(wait);
            at = until;
        }
    }

    @Test
    void postsOfOnePassFailingTogetherDoNotDoubleTheWait() {
        for (int i = 0; i < 20; i++) {
            assertThat(gate.failed("acme", false, Optional.empty(), t0)).isEqualTo(t0.plusSeconds(2));
        }
        gate.probing("acme");
        assertThat(gate.failed("acme", false, Optional.empty(), t0.plusSeconds(2))).as("the probe failed: doubled")
                .isEqualTo(t0.plusSeconds(6));
    }

    @Test
    void aRateLimitWaitsAsLongAsAskedOrThePauseWhenNotSaid() {
        assertThat(gate.failed("a", true, Optional.of(Duration.ofSeconds(7)), t0)).isEqualTo(t0.plusSeconds(7));
        assertThat(gate.failed("b", true, Optional.empty(), t0)).isEqualTo(t0.plusSeconds(60));
        assertThat(gate.failed("c", false, Optional.of(Duration.ofSeconds(1)), t0)).as("never shorter than backoff")
                .isEqualTo(t0.plusSeconds(2));
    }

    @Test
    void aShorterAnswerInTheSamePassDoesNotShortenTheWait() {
        gate.failed("acme", true, Optional.of(Duration.ofSeconds(50)), t0);
        assertThat(gate.failed("acme", false, Optional.empty(), t0)).isEqualTo(t0.plusSeconds(50));
    }

    @Test
    void aProbeThatCouldNotBeTakenIsTriedAgainNotWaitedForForever() {
        gate.failed("acme", false, Optional.empty(), t0);
        gate.probing("acme");
        assertThat(gate.probesDue(t0.plusSeconds(5))).isEmpty();
        gate.probeNotTaken("acme");
        assertThat(gate.probesDue(t0.plusSeconds(5))).containsExactly("acme");
    }

    @Test
    void nothingToProbeOpensOnlyWhenNoProbeIsOut() {
        gate.failed("acme", false, Optional.empty(), t0);
        gate.nothingToProbe("acme");
        assertThat(gate.closed()).isEmpty();
        gate.failed("acme", false, Optional.empty(), t0);
        gate.probing("acme");
        gate.nothingToProbe("acme");
        assertThat(gate.closed()).isEqualTo(Set.of("acme"));
    }
}
