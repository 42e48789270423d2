package dev.bitbridge.bench.suite;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuiteOptionsTest {

    @Test
    void defaultsMatchTheDocumentedRun() {
        SuiteOptions o = SuiteOptions.parse("--root=/tmp/project");

        assertEquals(6, o.repositories());
        assertEquals(4, o.branches());
        assertEquals(8, o.deliveryThreads());
        assertEquals(50, o.warmupPushes());
        assertEquals(10, o.warmupRate());
        assertEquals(List.of(10, 100), o.rates());
        assertEquals(Duration.ofSeconds(30), o.phaseDuration());
        assertEquals(Duration.ofSeconds(60), o.deadline());
        assertEquals(Duration.ofMillis(500), o.sampleInterval());
        assertEquals(Duration.ofMillis(100), o.queueDelay());
        assertEquals(Duration.ofSeconds(1), o.buildDuration());
        assertNull(o.serviceJavaOpts(), "the launcher's own default");
        assertEquals(Duration.ofMillis(500), o.targetP99());
        assertEquals(100, o.targetRate());
        assertEquals(250, o.targetRssMb());
        assertTrue(o.home().toString().startsWith("/tmp/project/bench/target/suite-home-"), o.home().toString());
        assertTrue(o.resultFile().endsWith("bench/target/suite-result.txt"));
    }

    @Test
    void smokeShortensThePhasesOnly() {
        SuiteOptions o = SuiteOptions.parse("--root=/tmp/project", "--smoke");

        assertEquals(Duration.ofSeconds(4), o.phaseDuration());
        assertEquals(10, o.warmupPushes());
        assertEquals(Duration.ofSeconds(30), o.deadline());
        assertEquals(List.of(10, 100), o.rates());
    }

    @Test
    void optionsComeFromTheCommandLineThenSystemProperties() {
        System.setProperty("bench.rates", "5");
        try {
            SuiteOptions o = SuiteOptions.parse("--root=/tmp/project", "--phase-duration=2m", "--repositories=3",
                    "--service-java-opts=-Xmx200m -XX:+UseSerialGC", "--target-rss-mb=300", "--home=/tmp/h");
            assertEquals(List.of(5), o.rates());
            assertEquals(Duration.ofMinutes(2), o.phaseDuration());
            assertEquals(3, o.repositories());
            assertEquals("-Xmx200m -XX:+UseSerialGC", o.serviceJavaOpts());
            assertEquals("/tmp/h", o.home().toString());
            assertEquals(300L * 1_000_000 / 1024, o.targetRssKiB());
        } finally {
            System.clearProperty("bench.rates");
        }
    }

    @Test
    void theMemoryTargetIsInMegabytesOfAMillionBytes() {
        assertEquals(244_140, SuiteOptions.parse("--root=/tmp/project").targetRssKiB(), "250 MB = 238.4 MiB");
    }

    @Test
    void refusesWhatCannotRun() {
        assertThrows(IllegalArgumentException.class, () -> SuiteOptions.parse("--rates="));
        assertThrows(IllegalArgumentException.class, () -> SuiteOptions.parse("--rates=10,0"));
        assertThrows(IllegalArgumentException.class, () -> SuiteOptions.parse("--phase-duration=0s"));
        assertThrows(IllegalArgumentException.class, () -> SuiteOptions.parse("--sample-interval=10ms"));
        assertThrows(IllegalArgumentException.class, () -> SuiteOptions.parse("--delivery-threads=0"));
        assertThrows(IllegalArgumentException.class, () -> SuiteOptions.parse("--unknown=1"));
        assertThrows(IllegalArgumentException.class, () -> SuiteOptions.parse("--rates"));
    }
}
