package dev.bitbridge.bench.trigger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.bitbridge.bench.LatencyStats;
import dev.bitbridge.bench.MachineInfo;
import dev.bitbridge.bench.connector.LoadAverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TriggerReportTest {

    private static final TriggerOptions OPTIONS = TriggerOptions.parse("--root=/tmp/project");
    private static final ServicesCpu.Use CPU = new ServicesCpu.Use(10, 2, 0.9, 0.2, 0.8, 0.2, 0.5);

    @Test
    void checksEveryTargetAndShowsTheFiguresBehindThem() {
        String text = report(dispatch(250, 0), List.of(latency(50, 40_000, 0), latency(100, 150_000, 0))).render();

        assertTrue(text.contains("  dispatches/s (first to last Jenkins POST)                 : 250   target >= 200 : "
                + "MET"), text);
        assertTrue(text.contains("  p50 / p99 commit event -> Jenkins POST at 50/s            : 10.00 ms / 40.00 ms   "
                + "target p99 <= 100 ms : MET"), text);
        assertTrue(text.contains("  p50 / p99 commit event -> Jenkins POST at 100/s           : 10.00 ms / 150.00 ms   "
                + "target p99 <= 100 ms : NOT MET"), text);
        assertTrue(text.contains("  Jenkins requests per running build per minute, 500 builds : 1.00 steady (8.3/s in "
                + "all); 7.00 in the first minute"), text);
        assertTrue(text.contains("    stored -> taken by a dispatch pass: p50 10.00 ms"), text);
        assertTrue(text.contains("  cpu/dispatch : build-trigger 1600 µs"), text);
        assertTrue(text.contains("  passes       : 50 passes took new builds"), text);
        assertTrue(text.contains("  builds by state at the end"), text);
        assertTrue(text.contains("{INPROGRESS=500, SUCCESSFUL=7000}"), text);
        assertTrue(text.contains("152 s after the POST: 7 GETs in a build's first minute, then 1 per minute"), text);
    }

    @Test
    void aTargetWithPushesOrRequestsMissingIsNotMet() {
        assertFalse(dispatch(250, 10).met(200));
        assertTrue(dispatch(250, 0).met(200));
        assertFalse(dispatch(199, 0).met(200));
        assertFalse(latency(50, 40_000, 1).met(100_000));
        assertTrue(latency(50, 40_000, 0).met(100_000));
    }

    @Test
    void phasesThatDidNotRunAreLeftOut() {
        String text = report(null, List.of()).render();

        assertFalse(text.contains("dispatches/s"), text);
        assertFalse(text.contains("Latency:"), text);
        assertTrue(text.contains("Tracking: 500 build requests"), text);
        assertEquals(1, text.lines().filter(l -> l.startsWith("Results")).count());
    }

    private static TriggerReport report(DispatchRun dispatch, List<LatencyRun> latencies) {
        TrackingRun tracking = new TrackingRun(500, 500, 2.5, Duration.ofSeconds(350), List.of(
                new TrackingWindow("first minute", 0, 60, 500, new RequestMix(0, 500, 3000, 0, 0), 3500, 0.2),
                new TrackingWindow("steady", 170, 120, 500, new RequestMix(0, 0, 1000, 0, 0), 1000, 0.05)), 500,
                500);
        return new TriggerReport(OPTIONS, new MachineInfo(2, "test CPU", 4.0, "Linux", "test JVM"),
                new LoadAverage(1, 1, 1), new LoadAverage(2, 2, 2), "in-process", "embedded", "simulator",
                "child JVMs", null, dispatch, null, latencies, tracking, new TreeMap<>(Map.of("SUCCESSFUL", 7000L,
                        "INPROGRESS", 500L)),
                List.of());
    }

    private static DispatchRun dispatch(double perSecond, int missing) {
        int requests = 5000;
        long posts = requests - missing;
        return new DispatchRun("dispatch", requests, 0.3, new DispatchRate(posts, perSecond, perSecond, perSecond,
                posts / perSecond), new DispatchRate(requests, 500, 500, 500, 10),
                List.of(stats(0, 0),
                        stats(1000, 2000), stats(10_000, 20_000), stats(5000, 9000)),
                new DispatchPasses(50, 100, 100, 400, 500), 30, Map.of(), CPU, counters(), LoadAverage.UNKNOWN,
                LoadAverage.UNKNOWN);
    }

    private static LatencyRun latency(int rate, long p99Micros, long missing) {
        int pushes = rate * 30;
        return new LatencyRun("at " + rate + "/s", rate, pushes, 30, stats(10_000, p99Micros), List.of(stats(1000,
                2000), stats(2000, 4000), stats(3000, 6000), stats(4000, 8000)), pushes - missing, missing, 0, CPU,
                counters(), LoadAverage.UNKNOWN, LoadAverage.UNKNOWN);
    }

    private static ServiceCounters counters() {
        return ServiceCounters.between(Map.of(), Map.of(), Map.of(), Map.of());
    }

    private static LatencyStats stats(long p50, long p99) {
        return new LatencyStats(100, p50, p50, p99, p99, p99, p50);
    }
}
