package dev.bitbridge.bench.suite;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcMemoryTest {

    static final String STATUS = """
            Name:	java
            Umask:	0022
            State:	S (sleeping)
            Pid:	4242
            VmPeak:	 3905512 kB
            VmSize:	 3841004 kB
            VmHWM:	  270112 kB
            VmRSS:	  262144 kB
            RssAnon:	  230000 kB
            Threads:	42
            """;
    static final String ROLLUP = """
            55a4c0000000-7ffd5e7f4000 ---p 00000000 00:00 0                          [rollup]
            Rss:              262144 kB
            Pss:              241000 kB
            Pss_Anon:         230000 kB
            Shared_Clean:      20000 kB
            """;

    @Test
    void readsRssPeakAndPss() {
        ProcMemory m = ProcMemory.parse(STATUS, ROLLUP);

        assertEquals(262_144, m.rssKiB());
        assertEquals(270_112, m.hwmKiB());
        assertEquals(241_000, m.pssKiB(), "Pss, not Pss_Anon");
        assertTrue(m.known());
    }

    @Test
    void aKernelThreadOrAnUnreadableRollupLeavesFiguresUnknown() {
        ProcMemory m = ProcMemory.parse("Name:\tkthreadd\nState:\tS (sleeping)\n", "");

        assertEquals(-1, m.rssKiB());
        assertEquals(-1, m.pssKiB());
        assertFalse(m.known());
        assertEquals(-1, ProcMemory.parse(STATUS, "").pssKiB());
        assertEquals(262_144, ProcMemory.parse(STATUS, "").rssKiB());
    }

    @Test
    void addsProcessesAndKeepsPeaks() {
        ProcMemory a = new ProcMemory(100, 150, 80);
        ProcMemory b = new ProcMemory(200, 210, -1);

        assertEquals(new ProcMemory(300, 360, 80), a.plus(b), "an unknown figure adds nothing");
        assertEquals(a, ProcMemory.UNKNOWN.plus(a));
        assertEquals(new ProcMemory(200, 210, 80), a.max(b));
        assertEquals(a, ProcMemory.UNKNOWN.max(a));
    }

    @Test
    void showsMebibytesAndMegabytes() {
        assertEquals("256", ProcMemory.mib(262_144));
        assertEquals("268", ProcMemory.mb(262_144), "256 MiB is 268 MB");
        assertEquals("?", ProcMemory.mib(-1));
    }

    @Test
    void readsThisProcess() {
        ProcMemory self = ProcMemory.of(ProcessHandle.current().pid());

        assertTrue(self.rssKiB() > 0, self.toString());
        assertTrue(self.hwmKiB() >= self.rssKiB(), self.toString());
        assertEquals(ProcMemory.UNKNOWN, ProcMemory.of(Long.MAX_VALUE));
    }
}
