package dev.bitbridge.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.bitbridge.bench.CpuCostTest.phase;
import static dev.bitbridge.bench.CpuCostTest.split;
import static dev.bitbridge.bench.CpuCostTest.tally;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchReportTest {

    private static final Duration WINDOW = Duration.ofSeconds(20);

    @Test
    void showsCpuPerAcceptedWebhookNextToTheBaselineCostPerRecord() {
        String text = report(phase(tally(75_000), split(1.20, 0, 0.4), WINDOW),
                phase(tally(200_000), split(Double.NaN, 0.17, 0.9), WINDOW)).render();

        assertTrue(text.contains("  cpu/webhook    : 320 µs (ingress JVM CPU per accepted webhook)"), text);
        assertTrue(text.contains("  cpu/record     : 17 µs (baseline producer); Kafka broker + other 90 µs, "
                + "per acknowledged record"), text);
        assertTrue(text.contains("  CPU per accepted webhook     : 320 µs (ingress JVM)"), text);
        assertTrue(text.contains("  CPU per acknowledged record  : 17 µs (baseline producer); Kafka broker + other "
                + "90 µs"), text);
    }

    @Test
    void aPhaseWithoutAcceptedWebhooksOrBaselineHasNoCost() {
        String text = report(phase(tally(0), split(1.20, 0, 0.4), WINDOW), null).render();

        assertTrue(text.contains("  CPU per accepted webhook     : n/a (ingress JVM)"), text);
        assertTrue(text.contains("  CPU per acknowledged record  : n/a"), text);
    }

    private static BenchReport report(LoadResult throughput, LoadResult producer) {
        MachineInfo machine = new MachineInfo(2, "test CPU", 4.0, "Linux", "test JVM");
        PayloadSet payloads = new PayloadSet("generated", List.of(new WebhookPayload(new byte[100], "w/r")));
        LoadResult latency = phase(tally(100), split(0.2, 0, 0.1), Duration.ofSeconds(1));
        return new BenchReport(BenchOptions.parse(), machine, payloads, "in-process", 6, "child JVM", null,
                throughput, latency, producer, Map.of(), 0, 0, List.of());
    }
}
