package dev.bitbridge.ingress.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.bitbridge.ingress.http.Rejection;
import dev.bitbridge.ingress.integrations.Integration;
import dev.bitbridge.ingress.refusals.Drop;

/**
 * The edge's Prometheus metrics, served on the management port only. Every series exists, at zero, from the moment
 * its subject is known — an integration's from start-up (declared) or from its first topic record — so that
 * {@code rate()} sees the first delivery. Tags stay low-cardinality: integration names only for known integrations,
 * reasons from a fixed list.
 * <ul>
 * <li>{@code bitbridge_ingress_webhooks_accepted_total{integration,flavor}}</li>
 * <li>{@code bitbridge_ingress_webhooks_duplicates_total{integration}}</li>
 * <li>{@code bitbridge_ingress_webhooks_rejected_total{reason}} — every error answer, by its code</li>
 * <li>{@code bitbridge_ingress_publish_seconds} — time until Kafka acknowledged, with percentiles</li>
 * <li>{@code bitbridge_ingress_published_ids_read_total} — delivery ids read back from the topic (all replicas')</li>
 * <li>{@code bitbridge_ingress_duplicate_ids} — delivery ids remembered now</li>
 * <li>{@code bitbridge_ingress_duplicate_ids_evicted_total} — ids forgotten before their window ended, for lack of
 * room: when it grows, raise {@code duplicate-capacity}</li>
 * <li>{@code bitbridge_ingress_body_memory_bytes} — memory held by request bodies now</li>
 * <li>{@code bitbridge_ingress_refusal_reports_published_total} — refusals reported on
 * {@code bitbridge.webhook-refusals.v1}</li>
 * <li>{@code bitbridge_ingress_refusal_reports_dropped_total{reason}} — refusals of existing integrations not reported:
 * {@code rate_limited} (expected under a flood), {@code too_many_in_flight} or {@code kafka_unavailable} (the reporter
 * is broken or Kafka away)</li>
 * </ul>
 */
@ApplicationScoped
public class IngressMetrics {

    private final MeterRegistry registry;
    private final Map<Rejection, Counter> rejected = new EnumMap<>(Rejection.class);
    private final Map<String, Counter> accepted = new ConcurrentHashMap<>();
    private final Map<String, Counter> duplicates = new ConcurrentHashMap<>();
    private final Timer publish;
    private final Counter idsRead;
    private final Counter idsEvicted;
    private final Counter refusalsReported;
    private final Map<Drop, Counter> refusalsDropped = new EnumMap<>(Drop.class);

    IngressMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Rejection r : Rejection.values()) {
            rejected.put(r, Counter.builder("bitbridge.ingress.webhooks.rejected")
                    .description("Requests refused, by the error code of the answer")
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
        this.idsEvicted = Counter.builder("bitbridge.ingress.duplicate.ids.evicted")
                .description("Delivery ids forgotten before the duplicate window ended because duplicate-capacity was reached")
                .register(registry);
        this.refusalsReported = Counter.builder("bitbridge.ingress.refusal.reports.published")
                .description("Refused deliveries to existing integrations reported on bitbridge.webhook-refusals.v1")
                .register(registry);
        for (Drop drop : Drop.values()) {
            refusalsDropped.put(drop, Counter.builder("bitbridge.ingress.refusal.reports.dropped")
                    .description("Refused deliveries to existing integrations not reported, by why: rate_limited (a"
                            + " flood), too_many_in_flight or kafka_unavailable (Kafka does not take the reports)")
                    .tag("reason", drop.code())
                    .register(registry));
        }
    }

    /** Creates an integration's series at zero, so they exist before its first delivery. */
    public void integrationKnown(Integration integration) {
        String name = integration.name();
        accepted.computeIfAbsent(name, n -> Counter.builder("bitbridge.ingress.webhooks.accepted")
                .description("Deliveries stored in Kafka and answered 202, by integration")
                .tags("integration", n, "flavor", integration.flavor().id())
                .register(registry));
        duplicates.computeIfAbsent(name, n -> Counter.builder("bitbridge.ingress.webhooks.duplicates")
                .description("Redeliveries of an event id already stored, answered 202 without publishing, by integration")
                .tags("integration", n)
                .register(registry));
    }

    public void accepted(Integration integration) {
        counter(accepted, integration).increment();
    }

    public void duplicate(Integration integration) {
        counter(duplicates, integration).increment();
    }

    public void rejected(Rejection rejection) {
        rejected.get(rejection).increment();
    }

    public void refusalReported() {
        refusalsReported.increment();
    }

    public void refusalReportDropped(Drop why) {
        refusalsDropped.get(why).increment();
    }

    public void idRead() {
        idsRead.increment();
    }

    public void duplicateIdEvicted() {
        idsEvicted.increment();
    }

    /** Publishes how many delivery ids are remembered. */
    public void rememberedIds(IntSupplier size) {
        Gauge.builder("bitbridge.ingress.duplicate.ids", size::getAsInt)
                .description("Delivery ids remembered for duplicate detection")
                .register(registry);
    }

    /** Publishes how much memory request bodies hold. */
    public void bodyMemory(LongSupplier bytes) {
        Gauge.builder("bitbridge.ingress.body.memory", bytes::getAsLong)
                .description("Bytes of request bodies held now (bounded by bitbridge.ingress.body-memory)")
                .baseUnit("bytes")
                .register(registry);
    }

    /** @return a started sample; stop it with {@link #published(Timer.Sample)} once Kafka acknowledged */
    public Timer.Sample startPublish() {
        return Timer.start(registry);
    }

    public void published(Timer.Sample sample) {
        sample.stop(publish);
    }

    private Counter counter(Map<String, Counter> counters, Integration integration) {
        Counter counter = counters.get(integration.name());
        if (counter == null) {
            integrationKnown(integration);
            counter = counters.get(integration.name());
        }
        return counter;
    }
}
