package dev.bitbridge.bench.trigger;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bitbridge.bench.LatencyStats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness's own arithmetic: dispatch rates, the latency split, dispatch passes, the wall clock. */
class StatisticsTest {

    private static final long S = 1_000_000_000L;

    @Test
    void dispatchRatesCountTheIntervalsBetweenPostsAndTheWholeWaySincePublishing() {
        long publish = 10 * S;
        long[] posts = new long[101];
        for (int i = 0; i <= 100; i++) {
            posts[100 - i] = publish + S + i * S / 100; // 101 POSTs, 10 ms apart, from 1 s after publishing
        }

        DispatchRate rate = DispatchRate.of(publish, posts);

        assertEquals(101, rate.posts());
        assertEquals(100.0, rate.perSecond(), 1e-6, "100 intervals in 1 s");
        assertEquals(1.0, rate.seconds(), 1e-9);
        assertEquals(101 / 2.0, rate.sincePublish(), 1e-6, "the first second waited for the first POST");
        assertEquals(100.0, rate.steady(), 1e-6);
    }

    @Test
    void noOrOnePostHasNoRate() {
        assertEquals(0, DispatchRate.of(0, new long[0]).posts());
        assertTrue(Double.isNaN(DispatchRate.of(0, new long[0]).perSecond()));
        assertTrue(Double.isNaN(DispatchRate.of(0, new long[] { S }).perSecond()));
        assertEquals(1.0, DispatchRate.of(0, new long[] { S }).sincePublish(), 1e-9);
    }

    @Test
    void aPushesWayIsSplitAtTheMarksItLeft() {
        WallClock clock = new WallClock(1_000_000, 0); // nano time 0 is wall-clock millisecond 1,000,000
        PushLatency latency = new PushLatency(clock);
        long intended = 5_000_000L; // 1,000,005 ms
        long arrival = intended + 42_500_000L; // 42.5 ms later: 1,000,047 ms

        latency.add(intended, arrival, 1_000_015L, new TriggerDatabase.Stamps(1_000_030L, 1_000_040L));
        latency.add(intended, null, null, null);
        latency.add(intended, arrival, null, null);

        assertEquals(2, latency.matched());
        assertEquals(1, latency.missing());
        assertEquals(1, latency.unsplit());
        LatencyStats endToEnd = latency.endToEnd();
        assertEquals(2, endToEnd.count());
        assertEquals(42_500, endToEnd.maxMicros(), 50);
        LatencyStats[] stages = latency.stages();
        assertEquals(PushLatency.STAGES.length, stages.length);
        assertEquals(10_000, stages[0].maxMicros(), 10, "event -> request sent");
        assertEquals(15_000, stages[1].maxMicros(), 20, "request sent -> stored");
        assertEquals(10_000, stages[2].maxMicros(), 10, "stored -> taken");
        assertEquals(7_000, stages[3].maxMicros(), 10, "taken -> POST");
        assertEquals(1, stages[0].count());
    }

    @Test
    void theWallClockMapsNanoTimesBothWays() {
        WallClock clock = new WallClock(1_700_000_000_000L, 123_000_000L);

        assertEquals(1_700_000_000_000L, clock.millis(123_000_000L));
        assertEquals(1_700_000_000_250L, clock.millis(373_000_000L));
        assertEquals(1_699_999_999_999L, clock.millis(122_999_999L), "rounded down, also before the base");
        assertEquals(373_000_000L, clock.nanoTime(1_700_000_000_250L));
    }

    @Test
    void passesAreTheDistinctClaimTimes() {
        long[] claimed = { 1000, 1000, 1000, 1200, 1200, 1500, 1000 };

        DispatchPasses passes = DispatchPasses.of(claimed);

        assertEquals(3, passes.passes());
        assertEquals(7 / 3.0, passes.perPass(), 1e-9);
        assertEquals(4, passes.mostPerPass());
        assertEquals(200, passes.p50IntervalMillis());
        assertEquals(300, passes.p90IntervalMillis());
        assertTrue(passes.describe().startsWith("3 passes took new builds, 2.3 each"), passes.describe());
        assertEquals(0, DispatchPasses.of(new long[0]).passes());
    }

    @Test
    void triggerLogKeepsTheFirstPostOfEachCommit() {
        TriggerLog log = new TriggerLog();
        log.accept(arrival("a", 201, 10));
        log.accept(arrival("b", 303, 20));
        log.accept(arrival("a", 201, 30));
        log.accept(arrival("c", 404, 40));

        assertEquals(10L, log.arrival("a"));
        assertNull(log.arrival("c"));
        assertEquals(2, log.count(List.of("a", "b", "c")));
        assertEquals(3, log.accepted());
        assertEquals(1, log.repeated());
        assertEquals(1, log.refused());
        assertEquals(404, log.lastRefused().status());
        long[] arrivals = log.arrivals(List.of("b", "c", "a"));
        assertEquals(2, arrivals.length);
        assertEquals(20, arrivals[0]);
        assertEquals(10, arrivals[1]);
    }

    static dev.bitbridge.testkit.jenkins.TriggerArrival arrival(String commit, int status, long nanos) {
        return new dev.bitbridge.testkit.jenkins.TriggerArrival("/job/bench/buildWithParameters",
                java.util.Map.of(TriggerLog.COMMIT, commit), status, nanos);
    }
}
