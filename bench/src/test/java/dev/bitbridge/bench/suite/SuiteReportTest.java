package dev.bitbridge.bench.suite;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.bitbridge.bench.MachineInfo;
import dev.bitbridge.bench.connector.LoadAverage;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SuiteReportTest {

    static final long MS = 1_000_000L;
    static final List<String> COMPONENTS = List.of("webhook-ingress", "bitbucket-connector", "postgres");

    static MemorySampler.Window window(long ingressKiB, long connectorKiB) {
        MemorySampler.Window w = new MemorySampler.Window("w", COMPONENTS);
        w.add(Map.of("webhook-ingress", new ProcMemory(ingressKiB, ingressKiB, ingressKiB - 100),
                "bitbucket-connector", new ProcMemory(connectorKiB, connectorKiB, connectorKiB - 100),
                "postgres", new ProcMemory(1_000_000, 900_000, 200_000)));
        return w;
    }

    static PhaseRun phase(int rate, long inProgressMillis) {
        List<PushTiming> timings = List.of(
                new PushTiming("a", 0, MS, 2 * MS, 202, 50 * MS, inProgressMillis * MS, false),
                new PushTiming("b", 0, MS, 2 * MS, 202, 60 * MS, (inProgressMillis + 10) * MS, false));
        return new PhaseRun("at " + rate + "/s", rate, 2, 0.1, PhaseLatency.of(timings), window(150_000, 250_000),
                window(150_000, 260_000), new MachineCpu.Use(10, 1.5, 0.2, 0.1, "none"), 4, 6, 0,
                Hops.of(timings, new dev.bitbridge.bench.trigger.WallClock(0, 0), Map.of()), 0, 0);
    }

    @Test
    void judgesTheLatencyTargetAtItsRateAndTheMemoryTargetPerService() {
        SuiteOptions options = SuiteOptions.parse("--root=/tmp/project");
        SuiteReport report = new SuiteReport(options, new MachineInfo(2, "cpu", 8, "Linux", "JVM"),
                LoadAverage.UNKNOWN, LoadAverage.UNKNOWN, List.<String[]> of(new String[] { "suite", "launched" }),
                null, List.of(phase(10, 100), phase(100, 900)), List.of("webhook-ingress", "bitbucket-connector"),
                COMPONENTS, List.of("a note"));

        String text = report.render();

        assertTrue(text.contains("p99 accepted -> INPROGRESS at 100 pushes/s <= 500.00 ms: 9"), text);
        assertTrue(text.contains(": MISSED\n"), text);
        assertTrue(text.contains("1 of 2 services met"), text);
        assertTrue(text.matches("(?s).*webhook-ingress +146 .*met \\(<= 250 MB = 238 MiB; peak 154 MB\\).*"), text);
        assertTrue(text.matches("(?s).*bitbucket-connector +254 .*MISSED \\(<= 250 MB = 238 MiB; peak 266 MB\\).*"),
                text);
        assertTrue(text.contains("suite          : launched"), text);
        assertTrue(text.contains("  - a note"), text);
    }
}
