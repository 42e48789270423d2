package dev.bitbridge.bench;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BenchOptionsTest {

    @Test
    void parsesDurations() {
        assertEquals(Duration.ofMillis(500), BenchOptions.parseDuration("500ms"));
        assertEquals(Duration.ofSeconds(15), BenchOptions.parseDuration("15s"));
        assertEquals(Duration.ofMillis(1500), BenchOptions.parseDuration("1.5s"));
        assertEquals(Duration.ofMinutes(2), BenchOptions.parseDuration("2m"));
        assertEquals(Duration.ofSeconds(20), BenchOptions.parseDuration("20"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parseDuration("soon"));
    }

    @Test
    void smokeShortensEveryPhaseButExplicitValuesWin() {
        BenchOptions options = BenchOptions.parse("--smoke", "--duration=7s", "--concurrency=4",
                "--producer.linger.ms=10");

        assertEquals(Duration.ofSeconds(3), options.warmup());
        assertEquals(Duration.ofSeconds(7), options.duration());
        assertEquals(Duration.ofSeconds(7), options.producerDuration());
        assertEquals(4, options.concurrency());
        assertEquals("10", options.producerOverrides().get("linger.ms"));
    }

    @Test
    void defaultsMatchTheDocumentedRun() {
        BenchOptions options = BenchOptions.parse();

        assertEquals(Duration.ofSeconds(15), options.warmup());
        assertEquals(Duration.ofSeconds(20), options.duration());
        assertEquals(Duration.ofSeconds(30), options.latencyDuration());
        assertEquals(32, options.concurrency());
        assertEquals(500, options.rate());
    }

    @Test
    void aRunningIngressIsCheckedForReadinessOnItsManagementPort() {
        String[] running = { "--ingress-url=http://10.0.0.5:8080/", "--token=t", "--secret=s" };
        assertEquals("http://10.0.0.5:9000", BenchOptions.parse(running).managementUrl());

        String[] elsewhere = { "--ingress-url=http://10.0.0.5:8080", "--token=t", "--secret=s",
                "--management-url=http://10.0.0.5:9100/" };
        assertEquals("http://10.0.0.5:9100", BenchOptions.parse(elsewhere).managementUrl());
    }

    @Test
    void anIngressTheRunStartsGetsItsOwnManagementPort() {
        assertNull(BenchOptions.parse().managementUrl());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--management-url=http://h:9000"));
        assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse("--ingress-url=localhost:8080", "--token=t", "--secret=s"));
    }

    @Test
    void rejectsUnknownOrIncompleteOptions() {
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--durration=5s"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--rate"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--concurrency=0"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("stray"));
    }
}
