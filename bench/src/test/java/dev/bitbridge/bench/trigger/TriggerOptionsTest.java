package dev.bitbridge.bench.trigger;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TriggerOptionsTest {

    @Test
    void defaultsMatchTheDocumentedRun() {
        TriggerOptions o = TriggerOptions.parse("--root=/tmp/project");

        assertEquals(Set.of("dispatch", "latency", "tracking"), o.phases());
        assertEquals(20, o.repositories());
        assertEquals(2000, o.warmupRequests());
        assertEquals(5000, o.requests());
        assertEquals(1500, o.warmupPushes(), "50/s for 30 s");
        assertEquals(List.of(10, 50, 100), o.rates());
        assertEquals(3000, o.pushesAt(100), "100/s for 30 s");
        assertEquals(500, o.trackedBuilds());
        assertEquals(Duration.ofSeconds(170), o.trackingSettle());
        assertEquals(Duration.ofSeconds(120), o.trackingWindow());
        assertEquals(Duration.ofMinutes(1), o.firstWindow());
        assertEquals(Duration.ofSeconds(350), o.trackedBuildDuration(), "settle + window + a minute");
        assertEquals(200.0, o.targetDispatches());
        assertEquals(Duration.ofMillis(100), o.targetP99());
        assertTrue(o.simulatorNoDelay());
        assertTrue(o.analyzerJar().endsWith("commit-analyzer/target/quarkus-app/quarkus-run.jar"));
        assertTrue(o.triggerJar().endsWith("build-trigger/target/quarkus-app/quarkus-run.jar"));
        assertEquals(List.of("-Xmx512m"), o.triggerJvmArgs());
        assertTrue(o.resultFile().endsWith("bench/target/trigger-result.txt"));
        assertTrue(o.triggerLog().endsWith("bench/target/build-trigger.log"));
        assertTrue(o.analyzerLog().endsWith("bench/target/commit-analyzer.log"));
    }

    @Test
    void smokeShortensEveryPhaseButExplicitValuesWin() {
        TriggerOptions o = TriggerOptions.parse("--smoke", "--requests=50", "--phases=tracking",
                "--trigger-jvm-args=-Xmx256m  -XX:+UseSerialGC");

        assertEquals(50, o.requests());
        assertEquals(100, o.warmupRequests());
        assertEquals(0, o.warmupPushes(), "no paced warm-up in a smoke run");
        assertEquals(Duration.ofSeconds(4), o.rateDuration());
        assertEquals(50, o.trackedBuilds());
        assertEquals(Duration.ofSeconds(15), o.firstWindow(), "the first window is not longer than settling");
        assertEquals(List.of("-Xmx256m", "-XX:+UseSerialGC"), o.triggerJvmArgs());
        assertTrue(o.runs("tracking"));
        assertFalse(o.runs("dispatch"));
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThrows(IllegalArgumentException.class, () -> TriggerOptions.parse("--pushes=4"));
        assertThrows(IllegalArgumentException.class, () -> TriggerOptions.parse("--phases=dispatch,everything"));
        assertThrows(IllegalArgumentException.class, () -> TriggerOptions.parse("--rates=50,fast"));
        assertThrows(IllegalArgumentException.class, () -> TriggerOptions.parse("--rates=,"));
        assertThrows(IllegalArgumentException.class, () -> TriggerOptions.parse("--requests=0"));
        assertThrows(IllegalArgumentException.class, () -> TriggerOptions.parse("--tracking-window=0s"));
        assertThrows(IllegalArgumentException.class, () -> TriggerOptions.parse("--requests"));
        assertThrows(IllegalArgumentException.class, () -> TriggerOptions.parse("trigger"));
        assertTrue(TriggerOptions.wantsHelp("--help"));
        assertTrue(TriggerOptions.USAGE.contains("bench/run trigger"));
    }
}
