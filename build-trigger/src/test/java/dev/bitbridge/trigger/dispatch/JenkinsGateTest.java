package dev.bitbridge.trigger.dispatch;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JenkinsGateTest {

    static final String JENKINS = "https://ci.example.com/";
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    final JenkinsGate gate = new JenkinsGate(Duration.ofSeconds(2), Duration.ofSeconds(10));

    @Test
    void aServerNobodyWaitsForIsCalled() {
        assertThat(gate.enter(JENKINS, T0)).isTrue();
        assertThat(gate.enter(JENKINS, T0)).as("again: nothing is held").isTrue();
    }

    @Test
    void afterAFailureEveryCallWaitsThenOneProbesAlone() {
        assertThat(gate.failed(JENKINS, T0)).isEqualTo(T0.plusSeconds(2));
        assertThat(gate.enter(JENKINS, T0.plusSeconds(1))).as("waiting").isFalse();
        assertThat(gate.retryAt(JENKINS, T0.plusSeconds(1))).isEqualTo(T0.plusSeconds(2));
        assertThat(gate.enter("https://other.example.com/", T0.plusSeconds(1))).as("another Jenkins").isTrue();

        assertThat(gate.enter(JENKINS, T0.plusSeconds(2))).as("the probe").isTrue();
        assertThat(gate.enter(JENKINS, T0.plusSeconds(2))).as("the others wait for the probe").isFalse();
        assertThat(gate.retryAt(JENKINS, T0.plusSeconds(2))).as("a little later").isEqualTo(T0.plusSeconds(4));

        gate.answered(JENKINS);
        assertThat(gate.enter(JENKINS, T0.plusSeconds(3))).as("open again").isTrue();
    }

    @Test
    void theWaitDoublesWhenAProbeFailsNotWhenOnePassFailsTogether() {
        gate.failed(JENKINS, T0);
        assertThat(gate.failed(JENKINS, T0)).as("a second call of the same pass").isEqualTo(T0.plusSeconds(2));

        assertThat(gate.enter(JENKINS, T0.plusSeconds(2))).isTrue();
        assertThat(gate.failed(JENKINS, T0.plusSeconds(2))).as("the probe failed").isEqualTo(T0.plusSeconds(6));
        assertThat(gate.enter(JENKINS, T0.plusSeconds(6))).isTrue();
        assertThat(gate.failed(JENKINS, T0.plusSeconds(6))).isEqualTo(T0.plusSeconds(14));
        assertThat(gate.enter(JENKINS, T0.plusSeconds(14))).isTrue();
        assertThat(gate.failed(JENKINS, T0.plusSeconds(14))).as("capped at max-backoff").isEqualTo(T0.plusSeconds(24));
    }

    @Test
    void aProbeThatEndedUndecidedLetsTheNextCallProbe() {
        gate.failed(JENKINS, T0);
        assertThat(gate.enter(JENKINS, T0.plusSeconds(2))).isTrue();
        gate.undecided(JENKINS);
        assertThat(gate.enter(JENKINS, T0.plusSeconds(2))).as("never stuck behind a lost probe").isTrue();
    }
}
