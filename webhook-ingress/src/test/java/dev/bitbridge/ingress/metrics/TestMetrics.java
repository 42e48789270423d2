package dev.bitbridge.ingress.metrics;

import io.micrometer.core.instrument.MeterRegistry;

/** Gives plain unit tests the ingress's metrics on a registry they can read. */
public final class TestMetrics {

    private TestMetrics() {
    }

    public static IngressMetrics on(MeterRegistry registry) {
        return new IngressMetrics(registry);
    }
}
