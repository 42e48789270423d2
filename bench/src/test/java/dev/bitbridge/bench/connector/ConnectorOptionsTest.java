package dev.bitbridge.bench.connector;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectorOptionsTest {

    @Test
    void defaultsMatchTheDocumentedRun() {
        ConnectorOptions o = ConnectorOptions.parse("--root=/tmp/project");

        assertEquals(20, o.repositories());
        assertEquals(2000, o.warmupPushes());
        assertEquals(150, o.warmupRate());
        assertEquals(9000, o.pacedWarmupPushes(), "150/s for 60 s");
        assertEquals(2000, o.pushes());
        assertEquals(List.of(100, 200), o.rates());
        assertEquals(Duration.ofSeconds(20), o.rateDuration());
        assertEquals(4000, o.pushesAt(200));
        assertEquals(1, o.minCommits());
        assertEquals(3, o.maxCommits());
        assertEquals(200.0, o.targetEventsPerSecond());
        assertEquals(Duration.ofMillis(100), o.targetP99());
        assertEquals(Set.of("calls", "throughput", "latency"), o.phases());
        assertTrue(o.connectorJar().endsWith("bitbucket-connector/target/quarkus-app/quarkus-run.jar"));
        assertEquals(List.of("-Xmx512m"), o.connectorJvmArgs());
        assertTrue(o.simulatorNoDelay(), "an instant simulator: no delayed-ACK wait per call");
        assertFalse(ConnectorOptions.parse("--simulator-nodelay=false").simulatorNoDelay());
    }

    @Test
    void smokeShortensTheRunButExplicitValuesWin() {
        ConnectorOptions o = ConnectorOptions.parse("--smoke", "--pushes=50", "--rates=10", "--phases=calls");

        assertEquals(50, o.pushes());
        assertEquals(100, o.warmupPushes());
        assertEquals(0, o.pacedWarmupPushes(), "no paced warm-up in a smoke run");
        assertEquals(Duration.ofSeconds(4), o.rateDuration());
        assertEquals(List.of(10), o.rates());
        assertTrue(o.runs("calls"));
        assertFalse(o.runs("latency"));
    }

    @Test
    void commitsPerPushStayWithinACompleteWebhookList() {
        assertEquals(2, ConnectorOptions.parse("--commits=2").minCommits());
        assertEquals(2, ConnectorOptions.parse("--commits=2").maxCommits());
        assertEquals(5, ConnectorOptions.parse("--commits=1-5").maxCommits());
        assertThrows(IllegalArgumentException.class, () -> ConnectorOptions.parse("--commits=1-6"));
        assertThrows(IllegalArgumentException.class, () -> ConnectorOptions.parse("--commits=3-2"));
        assertThrows(IllegalArgumentException.class, () -> ConnectorOptions.parse("--commits=many"));
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThrows(IllegalArgumentException.class, () -> ConnectorOptions.parse("--concurrency=4"));
        assertThrows(IllegalArgumentException.class, () -> ConnectorOptions.parse("--phases=calls,everything"));
        assertThrows(IllegalArgumentException.class, () -> ConnectorOptions.parse("--rates=100,fast"));
        assertThrows(IllegalArgumentException.class, () -> ConnectorOptions.parse("--pushes"));
        assertThrows(IllegalArgumentException.class, () -> ConnectorOptions.parse("connector"));
    }
}
