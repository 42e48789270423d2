package dev.bitbridge.ingress.metrics;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.bitbridge.ingress.http.Rejection;

/**
 * The edge's Prometheus metrics. Tags stay low-cardinality: integration names only for authenticated deliveries,
 * reasons from a fixed list.
 * <ul>
 * <li>{@code bitbridge_ingress_webhooks_accepted_total{integration,flavor}}</li>
 * <li>{@code bitbridge_ingress_webhooks_duplicates_total{integration}}</li>
 * <li>{@code bitbridge_ingress_webhooks_rejected_total{reason}}</li>
 * <li>{@code bitbridge_ingress_publish_seconds} — time until Kafka acknowledged, with percentiles</li>
 * <li>{@code bitbridge_ingress_published_ids_read_total} — delivery ids read back from the topic (all replicas')</li>
 * </ul>
 */
@ApplicationScoped
public class IngressMetrics {

    private final MeterRegistry registry;
    private final Map<Rejection, Counter> rejected = new EnumMap<>(Rejection.class);
    private final Timer publish;
    private final Counter idsRead;

    IngressMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Rejection r : Rejection.values()) {
            rejected.put(r, Counter.builder("bitbridge.ingress.webhooks.rejected")
                    .description("Deliveries refused, by reason")
                    .tag("reason", r.code())
                    .register(registry));
        }
        this.publish = Timer.builder("bitbridge.ingress.publish")
                .description("Time from handing a webhook to the Kafka producer until the broker acknowledged it")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(registry);
        this.idsRead = Counter.builder("bitbridge.ingress.published.ids.read")
                .description("Delivery ids read back from bitbridge.webhooks.v1, so redeliveries to any replica are recognised")
                .register(registry);
    }

    public void idRead() {
        idsRead.increment();
    }

    public void accepted(String integration, String flavor) {
        registry.counter("bitbridge.ingress.webhooks.accepted", "integration", integration, "flavor", flavor).increment();
    }

    public void duplicate(String integration) {
        registry.counter("bitbridge.ingress.webhooks.duplicates", "integration", integration).increment();
    }

    public void rejected(Rejection rejection) {
        rejected.get(rejection).increment();
    }

    /** @return a started sample; stop it with {@link #published(Timer.Sample)} once Kafka acknowledged */
    public Timer.Sample startPublish() {
        return Timer.start(registry);
    }

    public void published(Timer.Sample sample) {
        sample.stop(publish);
    }
}
