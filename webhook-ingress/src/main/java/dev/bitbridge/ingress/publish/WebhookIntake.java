package dev.bitbridge.ingress.publish;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

import dev.bitbridge.events.webhook.RawWebhookEvent;
import dev.bitbridge.ingress.config.IngressConfig;
import dev.bitbridge.ingress.http.Rejection;
import dev.bitbridge.ingress.http.WebhookRejectedException;
import dev.bitbridge.ingress.metrics.IngressMetrics;

/**
 * Accepts a validated delivery: publishes it once per delivery id and reports whether it was new. Fails with
 * {@link Rejection#UNAVAILABLE} when Kafka did not acknowledge it within {@code bitbridge.ingress.publish-timeout}.
 */
@ApplicationScoped
public class WebhookIntake {

    private static final Logger LOG = Logger.getLogger(WebhookIntake.class);

    private final RawWebhookPublisher publisher;
    private final RecentDeliveries recent;
    private final PublisherHealth health;
    private final IngressMetrics metrics;
    private final IngressConfig config;

    WebhookIntake(RawWebhookPublisher publisher, RecentDeliveries recent, PublisherHealth health, IngressMetrics metrics,
            IngressConfig config) {
        this.publisher = publisher;
        this.recent = recent;
        this.health = health;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * @param delivery the authenticated, validated delivery
     * @return {@code true} when the delivery id had already been published (nothing new was written)
     */
    public Uni<Boolean> accept(Delivery delivery) {
        RawWebhookEvent event = new RawWebhookEvent(delivery.eventId(), delivery.integration().name(),
                delivery.integration().flavor(), delivery.eventKey(), OffsetDateTime.now(ZoneOffset.UTC),
                delivery.repository(), delivery.hookUuid(), delivery.attempt());
        String identity = RecentDeliveries.identity(event.integration(), event.id());
        return recent.publishOnce(identity, () -> publish(event, delivery.body()))
                .ifNoItem().after(config.publishTimeout()).fail()
                .onFailure().transform(failure -> unavailable(event, failure))
                .invoke(duplicate -> count(delivery, duplicate));
    }

    private Uni<Void> publish(RawWebhookEvent event, byte[] body) {
        Timer.Sample sample = metrics.startPublish();
        health.started();
        return publisher.publish(event, body)
                .onTermination().invoke(health::finished)
                .invoke(() -> metrics.published(sample));
    }

    private void count(Delivery delivery, boolean duplicate) {
        if (duplicate) {
            metrics.duplicate(delivery.integration());
        } else {
            metrics.accepted(delivery.integration());
        }
    }

    private WebhookRejectedException unavailable(RawWebhookEvent event, Throwable failure) {
        LOG.warnf("Delivery %s (%s, integration %s) not acknowledged by Kafka: %s", event.id(), event.eventKey(),
                event.integration(), failure.toString());
        return new WebhookRejectedException(Rejection.UNAVAILABLE, "Kafka did not acknowledge the event within "
                + config.publishTimeout().toMillis() + " ms, so it was not accepted. Nothing is lost: Bitbucket retries"
                + " deliveries answered with 5xx; otherwise resend it after " + config.retryAfterSeconds() + " s.");
    }
}
