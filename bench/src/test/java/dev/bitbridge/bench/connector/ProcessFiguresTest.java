package dev.bitbridge.bench.connector;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessFiguresTest {

    @Test
    void readsTheLoadAverageAsUptimeShowsIt() {
        LoadAverage load = LoadAverage.parse("2.45 2.24 2.07 3/412 12345\n");

        assertEquals(2.45, load.one());
        assertEquals(2.07, load.fifteen());
        assertEquals("load average 2.45, 2.24, 2.07", load.describe());
        assertEquals("load average unknown", LoadAverage.UNKNOWN.describe());
    }

    @Test
    void readsResidentMemoryFromProcStatus() {
        ProcessCpu.Memory memory = ProcessCpu.Memory.parse("""
                Name:\tjava
                VmPeak:\t 9972864 kB
                VmHWM:\t  530000 kB
                VmRSS:\t  512000 kB
                Threads:\t64
                """);

        assertEquals(512000, memory.rssKiB());
        assertEquals(530000, memory.peakKiB());
        assertEquals("RSS 500 MiB (peak 517 MiB)", memory.describe());
    }

    @Test
    void whatTheRunsProcessesDidNotUseIsTheRestOfTheMachine() {
        CpuUse use = new CpuUse(10, 2, 0.9, 0.8, 0.1, 0.5);

        assertEquals(0.4, use.rest(), 1e-9);
        assertEquals(4000, use.connectorMicrosPer(2000), 1e-6, "0.8 cores x 10 s / 2000 pushes");
        assertTrue(use.describe().startsWith("machine 90% busy of 2 cores; connector JVM 0.80 cores, PostgreSQL "
                + "0.10 cores"), use.describe());
        assertTrue(Double.isNaN(new CpuUse(10, 2, Double.NaN, 1, 0, 0).rest()));
    }
}
