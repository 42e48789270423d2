package dev.bitbridge.bench;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatusTallyTest {

    @Test
    void countsOnlyFreshAcceptancesAndEveryOtherOutcomeByKind() {
        StatusTally tally = new StatusTally();

        tally.record(new Outcome(202, false, ""));
        tally.record(Outcome.acknowledged());
        tally.record(new Outcome(202, true, "{\"duplicate\":true}"));
        tally.record(new Outcome(503, false, "first"));
        tally.record(new Outcome(503, false, "second"));
        tally.record(Outcome.failed(new java.util.concurrent.TimeoutException("30 s")));

        assertEquals(2, tally.accepted());
        assertEquals(4, tally.rejected());
        assertEquals(Map.of("HTTP 503", 2L, "duplicate 202", 1L, "error TimeoutException", 1L),
                tally.rejectedByKind());
        assertEquals("first", tally.firstDetails().get("HTTP 503"));
    }
}
