package dev.bitbridge.bench;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuCostTest {

    private static final Duration WINDOW = Duration.ofSeconds(20);

    @Test
    void dividesCpuSecondsByUnitsInMicroseconds() {
        assertEquals(320.0, CpuCost.microsPerUnit(1.20, WINDOW, 75_000).getAsDouble(), 1e-9);
        assertEquals(17.0, CpuCost.microsPerUnit(0.17, Duration.ofSeconds(1), 10_000).getAsDouble(), 1e-9);
        assertEquals("326 µs", CpuCost.describe(1.20, WINDOW, 73_659));
        assertEquals("1,000 µs", CpuCost.describe(0.5, Duration.ofSeconds(2), 1_000));
    }

    @Test
    void nothingToDivideByOrNothingMeasuredIsNotAvailable() {
        assertTrue(CpuCost.microsPerUnit(1.20, WINDOW, 0).isEmpty());
        assertEquals("n/a", CpuCost.describe(1.20, WINDOW, 0));
        assertEquals("n/a", CpuCost.describe(1.20, WINDOW, -1));
        assertEquals("n/a", CpuCost.describe(Double.NaN, WINDOW, 73_659));
        assertEquals("n/a", CpuCost.describe(1.20, Duration.ZERO, 73_659));
    }

    @Test
    void ingressCostIsPerFreshAcceptanceOnlyAndNotAvailableForAnIngressItDidNotStart() {
        StatusTally tally = tally(1_000);
        tally.record(new Outcome(202, true, "{\"duplicate\":true}"));
        tally.record(new Outcome(503, false, "unavailable"));

        assertEquals("400 µs", CpuCost.perAcceptedWebhook(phase(tally, split(0.4, 0, 0), Duration.ofSeconds(1))));
        assertEquals("n/a", CpuCost.perAcceptedWebhook(phase(tally, split(Double.NaN, 0, 0), Duration.ofSeconds(1))));
        assertEquals("n/a", CpuCost.perAcceptedWebhook(phase(tally(0), split(1.2, 0, 0), WINDOW)));
    }

    @Test
    void baselineCostSplitsProducerAndBrokerAndOmitsABrokerItDidNotRun() {
        LoadResult baseline = phase(tally(10_000), split(Double.NaN, 0.17, 0.9), Duration.ofSeconds(1));

        assertEquals("17 µs (baseline producer); Kafka broker + other 90 µs",
                CpuCost.perAcknowledgedRecord(baseline, true));
        assertEquals("17 µs (baseline producer); Kafka broker + other not measured (external broker)",
                CpuCost.perAcknowledgedRecord(baseline, false));
        assertEquals("n/a", CpuCost.perAcknowledgedRecord(null, true));
        assertEquals("n/a (baseline producer); Kafka broker + other n/a",
                CpuCost.perAcknowledgedRecord(phase(tally(0), split(Double.NaN, 0.17, 0.9), WINDOW), true));
    }

    static StatusTally tally(int accepted) {
        StatusTally tally = new StatusTally();
        for (int i = 0; i < accepted; i++) {
            tally.record(new Outcome(202, false, ""));
        }
        return tally;
    }

    static CpuSplit split(double ingress, double producer, double broker) {
        return new CpuSplit(2, 0.9, ingress, producer + broker,
                Map.of(CpuSampler.HTTP_CLIENT, 0.0, CpuSampler.PRODUCER, producer, CpuSampler.BROKER, broker));
    }

    static LoadResult phase(StatusTally tally, CpuSplit cpu, Duration window) {
        return new LoadResult("test", window, tally.accepted() + tally.rejected(), tally,
                new LatencyStats(0, 0, 0, 0, 0, 0, 0), 0, 0, cpu, "");
    }
}
