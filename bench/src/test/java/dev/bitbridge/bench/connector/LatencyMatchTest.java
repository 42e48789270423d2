package dev.bitbridge.bench.connector;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.bitbridge.events.Topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatencyMatchTest {

    @Test
    void matchesEachRawEventToItsRefRecordById() {
        Map<String, Long> raw = new LinkedHashMap<>();
        raw.put("a", 1_000L);
        raw.put("b", 1_010L);
        raw.put("c", 1_020L);
        Map<String, EventOutputs> out = Map.of(
                "a", EventOutputs.NONE.with(Topics.COMMITS_V1, 1_030, 1_040).with(Topics.REFS_V1, 1_030, 1_045),
                "b", EventOutputs.NONE.with(Topics.REFS_V1, 1_050, 1_052));

        LatencyMatch match = LatencyMatch.of(raw, out::get);

        assertEquals(2, match.matched());
        assertEquals(1, match.missing(), "c has no ref record");
        assertEquals(2, match.created().count());
        assertEquals(30_000, match.created().p50Micros(), 30, "a: 1030 - 1000 ms (3 significant digits)");
        assertEquals(40_000, match.created().maxMicros(), 40, "b: 1050 - 1010 ms");
        assertEquals(45_000, match.visible().maxMicros(), 45, "a was read at 1045, 45 ms after it was published");
    }

    @Test
    void aCommitOrDeadLetterAloneIsNoRefRecord() {
        LatencyMatch match = new LatencyMatch();
        match.add(0, EventOutputs.NONE.with(Topics.COMMITS_V1, 5, 5));
        match.add(0, EventOutputs.NONE.with(Topics.WEBHOOKS_DEAD_LETTERS_V1, 5, 5));
        match.add(0, null);

        assertEquals(0, match.matched());
        assertEquals(3, match.missing());
    }

    @Test
    void aRefStampedBeforeItsRawRecordCountsAsZeroAndIsReported() {
        LatencyMatch match = new LatencyMatch();
        match.add(100, EventOutputs.NONE.with(Topics.REFS_V1, 99, 101));

        assertEquals(1, match.negative());
        assertEquals(0, match.created().maxMicros());
    }

    @Test
    void severalRefsOfOnePushCountFromTheLatestAndTheFirstSeen() {
        EventOutputs three = EventOutputs.NONE.with(Topics.REFS_V1, 10, 30).with(Topics.REFS_V1, 12, 25)
                .with(Topics.REFS_V1, 11, 40).with(Topics.PULLREQUESTS_V1, 50, 50);

        assertEquals(3, three.refs());
        assertEquals(1, three.pullRequests());
        assertEquals(12, three.refCreateMillis());
        assertEquals(25, three.refSeenMillis());
    }
}
