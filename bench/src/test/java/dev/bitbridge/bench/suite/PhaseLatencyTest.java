package dev.bitbridge.bench.suite;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhaseLatencyTest {

    static final long MS = 1_000_000L;

    @Test
    void measuresEachPushFromItsAcceptanceAndFromItsScheduledTime() {
        List<PushTiming> timings = List.of(
                new PushTiming("a", 0, 5 * MS, 10 * MS, 202, 110 * MS, 310 * MS, false),
                new PushTiming("b", 10 * MS, 12 * MS, 20 * MS, 202, 220 * MS, 520 * MS, false));

        PhaseLatency l = PhaseLatency.of(timings);

        assertEquals(2, l.pushes());
        assertEquals(2, l.accepted());
        assertEquals(0, l.failures());
        assertEquals(100_000, l.toJenkins().p50Micros(), 100);
        assertEquals(200_000, l.toJenkins().maxMicros(), 200);
        assertEquals(300_000, l.toInProgress().p50Micros(), 300);
        assertEquals(500_000, l.toInProgress().maxMicros(), 500);
        assertEquals(200_000, l.jenkinsToInProgress().p50Micros(), 200);
        assertEquals(510_000, l.scheduledToInProgress().maxMicros(), 510);
        assertEquals(2_000, l.sendLag().p50Micros(), 2);
        assertEquals(5_000, l.sendLag().maxMicros(), 5);
        assertEquals(8_000, l.ingress().maxMicros(), 8);
        assertEquals(1 / 0.11, l.jenkinsPerSecond(), 1e-6, "two POSTs 110 ms apart");
        assertEquals(1 / 0.21, l.inProgressPerSecond(), 1e-6);
    }

    @Test
    void aRateNeedsTwoDistinctTimes() {
        assertTrue(Double.isNaN(PhaseLatency.rate(java.util.Arrays.asList(5L, null))));
        assertEquals(1.0, PhaseLatency.rate(java.util.Arrays.asList(2_000_000_000L, null, 0L, 1_000_000_000L)), 1e-9,
                "three in two seconds");
    }

    @Test
    void pushesThatGotNowhereAreFailuresNotLeftOut() {
        List<PushTiming> timings = List.of(
                new PushTiming("ok", 0, 0L, MS, 202, 2 * MS, 3 * MS, false),
                new PushTiming("refused", 0, 0L, null, 401, null, null, false),
                new PushTiming("unanswered", 0, 0L, null, -1, null, null, false),
                new PushTiming("never sent", 0, null, null, 0, null, null, false),
                new PushTiming("no jenkins", 0, 0L, MS, 202, null, null, false),
                new PushTiming("no status", 0, 0L, MS, 202, 2 * MS, null, false),
                new PushTiming("skipped", 0, 0L, MS, 202, 2 * MS, null, true));

        PhaseLatency l = PhaseLatency.of(timings);

        assertEquals(7, l.pushes());
        assertEquals(4, l.accepted());
        assertEquals(3, l.reachedJenkins());
        assertEquals(1, l.reachedInProgress());
        assertEquals(1, l.skippedInProgress());
        assertEquals(6, l.failures());
        assertEquals(1, l.toInProgress().count());
        assertEquals("no answer: 1, never sent: 1, status 401: 1", l.refusals());
        String failures = l.describeFailures();
        assertTrue(failures.startsWith("not accepted 3 (no answer: 1, never sent: 1, status 401: 1), accepted but no "
                + "Jenkins POST 1, accepted but no INPROGRESS posted 3 (1 of them: the result was posted first)"),
                failures);
    }

    @Test
    void noPushesNoFigures() {
        PhaseLatency l = PhaseLatency.of(List.of());

        assertEquals(0, l.toInProgress().count());
        assertEquals("no values", l.toInProgress().describe());
        assertEquals(0, l.failures());
    }
}
