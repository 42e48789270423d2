package dev.bitbridge.ingress.metrics;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Drops the {@code server.port} tag Quarkus puts on its HTTP server meters. Quarkus tags a server's meters with its
 * port only when the port is fixed; with the public port and the management port, one fixed and one random (as in
 * packaged-jar tests), the same meter would then be registered with two sets of tag keys, which Prometheus refuses
 * and the service fails to start. The {@code uri} tag already tells webhook traffic from operations traffic.
 */
@Singleton
public class ServerPortTagFilter {

    @Produces
    @Singleton
    MeterFilter withoutServerPort() {
        return MeterFilter.ignoreTags("server.port");
    }
}
