package dev.bitbridge.bench.connector;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThroughputTest {

    @Test
    void countsFromTheFirstRawRecordToTheLastOutput() {
        long[] outputs = new long[11];
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = 2_000 + i * 100L; // one output every 100 ms, from 1 s after the first raw record
        }
        Throughput t = Throughput.of(1_000, outputs);

        assertEquals(11, t.events());
        assertEquals(2.0, t.seconds(), 1e-9);
        assertEquals(5.5, t.overall(), 1e-9);
        assertEquals(10.0, t.steady(), 1e-9, "10th to 90th percentile: 8 outputs in 0.8 s");
    }

    @Test
    void nothingOutIsNoRate() {
        assertTrue(Double.isNaN(Throughput.of(0, new long[0]).overall()));
        assertTrue(Double.isNaN(Throughput.of(0, new long[] { 5 }).steady()));
    }
}
