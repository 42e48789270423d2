package dev.bitbridge.bench.connector;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.bitbridge.bench.LatencyStats;
import dev.bitbridge.bench.MachineInfo;

import static dev.bitbridge.bench.connector.CallsTableTest.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectorReportTest {

    private static final ConnectorOptions OPTIONS = ConnectorOptions.parse("--root=/tmp/project");

    @Test
    void checksEveryTargetAndShowsTheFiguresBehindThem() {
        ConnectorReport report = report(List.of(
                scenario("push of 5 commits", 5, 5, Map.of(CallKind.FILES, 5L)),
                scenario("new branch at an existing commit", 0, 0, Map.of())),
                List.of(run(0, 250, 900_000), run(100, 100, 40_000), run(200, 200, 120_000)));
        String text = report.render();

        assertTrue(text.contains("| push of 5 commits | 1 | 5 | 0 | 5 | 0 | 0 | 0 | 0 | 0 | 5 | met | 20 |"), text);
        assertTrue(text.contains("  diffstat calls per new commit, worst scenario   : 1.00   target <= 1 : MET"),
                text);
        assertTrue(text.contains("  files or commit calls for commits seen before   : 0      target 0 : MET"), text);
        assertTrue(text.contains("  enriched push events/s, saturating              : 250   target >= 200 : MET"),
                text);
        assertTrue(text.contains("  p50 / p99 raw -> ref CreateTime at 100/s        : 10.00 ms / 40.00 ms   "
                + "target p99 <= 100 ms : MET"), text);
        assertTrue(text.contains("  p50 / p99 raw -> ref CreateTime at 200/s        : 10.00 ms / 120.00 ms   "
                + "target p99 <= 100 ms : NOT MET"), text);
        assertTrue(text.contains("  p50 / p99 raw -> readable (committed) at 200/s  : 12.00 ms / 130.00 ms   (same "
                + "target: not met)"), text);
        assertTrue(text.contains("Load           : load average 1.00, 1.00, 1.00 at the start, load average 2.00, "
                + "2.00, 2.00 at the end"), text);
        assertTrue(text.contains("  cpu/push       : 4000 µs of connector CPU per push"), text);
    }

    @Test
    void aSaturatingRunBelowTheTargetOrWithPushesMissingDoesNotMeetIt() {
        assertFalse(report(List.of(), List.of(run(0, 150, 1))).throughputMet());
        LoadRun missing = new LoadRun("saturating", 0, 2000, 4000, 1, new Throughput(1990, 300, 300, 6.6),
                stats(1, 1), stats(1, 1), 1990, 10, new CallTally(Map.of()), new CpuUse(1, 2, 1, 1, 0, 0),
                ProcessCpu.Memory.UNKNOWN, LoadAverage.UNKNOWN, LoadAverage.UNKNOWN, ConnectorCounters.between(Map.of(),
                        Map.of()),
                0);
        assertFalse(report(List.of(), List.of(missing)).throughputMet());
        assertTrue(report(List.of(), List.of(run(0, 200, 1))).throughputMet());
    }

    @Test
    void theWorstScenarioSetsTheFilesFigure() {
        ConnectorReport report = report(List.of(
                scenario("push of 1 commit", 1, 1, Map.of(CallKind.FILES, 2L)),
                scenario("fast-forward over seen commits", 0, 0, Map.of(CallKind.FILES, 1L, CallKind.COMMITS, 1L))),
                List.of());

        assertEquals(2.0, report.worstFilesPerNewCommit());
        assertEquals(1, report.callsForSeenCommits());
        assertTrue(report.render().contains("target <= 1 : NOT MET"));
    }

    private static ConnectorReport report(List<ScenarioResult> scenarios, List<LoadRun> runs) {
        return new ConnectorReport(OPTIONS, new MachineInfo(2, "test CPU", 4.0, "Linux", "test JVM"),
                new LoadAverage(1, 1, 1), new LoadAverage(2, 2, 2), "in-process", "embedded", "simulator",
                "child JVM", scenarios, null, runs, List.of());
    }

    private static LoadRun run(int rate, double eventsPerSecond, long p99Micros) {
        int events = 2000;
        return new LoadRun(rate == 0 ? "saturating" : "at " + rate + "/s", rate, events, 4000, 1,
                new Throughput(events, eventsPerSecond, eventsPerSecond, events / eventsPerSecond),
                stats(10_000, p99Micros), stats(12_000, p99Micros + 10_000), events, 0,
                new CallTally(Map.of(CallKind.FILES, 4000L)), new CpuUse(10, 2, 0.9, 0.8, 0.1, 0.5),
                ProcessCpu.Memory.UNKNOWN, LoadAverage.UNKNOWN, LoadAverage.UNKNOWN,
                ConnectorCounters.between(Map.of(), Map.of()), 100);
    }

    private static LatencyStats stats(long p50, long p99) {
        return new LatencyStats(2000, p50, p99, p99, p99, p99, p50);
    }
}
