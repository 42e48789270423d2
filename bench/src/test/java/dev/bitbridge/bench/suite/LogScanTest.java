package dev.bitbridge.bench.suite;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LogScanTest {

    @Test
    void countsErrorsAndWarningsAndNamesTheMostFrequentMessage() {
        List<String> lines = List.of(
                "2026-11-23 16:55:35.459 UTC [24655] ERROR:  inconsistent types deduced for parameter $10",
                "2026-11-23 16:55:35.459 UTC [24655] DETAIL:  text versus timestamp with time zone",
                "2026-11-23 16:55:36.001 UTC [24714] ERROR:  inconsistent types deduced for parameter $10",
                "16:55:34,352 WARN  [or.ap.ka.cl.pr.in.Sender] retrying",
                "16:55:34,352 INFO  [io.quarkus] started");

        assertEquals("postgres.log: 2 error line(s), 1 warning line(s); most frequent (2×): ERROR:  inconsistent "
                + "types deduced for parameter $#", LogScan.summarize("postgres.log", lines));
        assertNull(LogScan.summarize("quiet.log", List.of("16:55:34,352 INFO  [io.quarkus] started")));
    }
}
