package dev.bitbridge.ingress.publish;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.ingress.config.IngressConfig;
import dev.bitbridge.ingress.metrics.IngressMetrics;

/**
 * The real intake, with faults that only tests can ask for through the event key: {@code test:explode} throws an
 * unexpected exception, {@code test:explode-later} fails the publish with one, {@code test:fatal} throws an
 * {@link Error}. Enabled only by the test profiles that list it.
 */
@Alternative
@Singleton
public class FaultyIntake extends WebhookIntake {

    public static final String EXPLODE = "test:explode";
    public static final String EXPLODE_LATER = "test:explode-later";
    public static final String FATAL = "test:fatal";

    FaultyIntake(RawWebhookPublisher publisher, RecentDeliveries recent, PublisherHealth health, IngressMetrics metrics,
            IngressConfig config) {
        super(publisher, recent, health, metrics, config);
    }

    @Override
    public Uni<Boolean> accept(Delivery delivery) {
        return switch (delivery.eventKey()) {
            case EXPLODE -> throw new IllegalStateException("injected failure for delivery " + delivery.eventId());
            case EXPLODE_LATER -> Uni.createFrom().failure(new IllegalStateException("injected late failure"));
            case FATAL -> throw new StackOverflowError("injected fatal error");
            default -> super.accept(delivery);
        };
    }
}
