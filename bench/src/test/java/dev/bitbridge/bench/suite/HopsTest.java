package dev.bitbridge.bench.suite;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.bitbridge.bench.LatencyStats;
import dev.bitbridge.bench.trigger.WallClock;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HopsTest {

    @Test
    void splitsEachPushAtItsRecordsAndSkipsHopsWithAnUnknownEnd() {
        WallClock clock = new WallClock(1_000_000L, 0L); // nanoTime 0 is epoch ms 1,000,000
        long ms = 1_000_000L;
        PushTiming a = new PushTiming("a", 0, 10 * ms, 20 * ms, 202, 400 * ms, 700 * ms, false);
        PushTiming b = new PushTiming("b", 0, 10 * ms, 20 * ms, 202, null, null, false);
        Map<Hops.Point, Map<String, Long>> records = Map.of(
                Hops.Point.WEBHOOK_RECORD, Map.of("a", 1_000_015L, "b", 1_000_016L),
                Hops.Point.REF_RECORD, Map.of("a", 1_000_115L),
                Hops.Point.REQUEST_RECORD, Map.of("a", 1_000_150L),
                Hops.Point.QUEUED_RECORD, Map.of("a", 1_000_420L));

        Map<String, LatencyStats> hops = Hops.of(List.of(a, b), clock, records);

        List<String> names = List.copyOf(hops.keySet());
        assertEquals(6, names.size());
        assertEquals("webhook sent -> raw webhook record (ingress)", names.get(0));
        assertEquals(2, hops.get(names.get(0)).count());
        assertEquals(5_000, hops.get(names.get(0)).p50Micros(), 5);
        assertEquals(1, hops.get(names.get(1)).count(), "b has no ref change record");
        assertEquals(100_000, hops.get(names.get(1)).p50Micros(), 100);
        assertEquals(35_000, hops.get(names.get(2)).p50Micros(), 35);
        assertEquals(250_000, hops.get(names.get(3)).p50Micros(), 250, "request record -> Jenkins POST");
        assertEquals(20_000, hops.get(names.get(4)).p50Micros(), 20, "Jenkins POST -> QUEUED record");
        assertEquals(280_000, hops.get(names.get(5)).p50Micros(), 280, "QUEUED record -> INPROGRESS posted");
    }
}
