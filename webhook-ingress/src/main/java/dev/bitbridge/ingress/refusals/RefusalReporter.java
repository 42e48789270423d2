package dev.bitbridge.ingress.refusals;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.bitbridge.events.Topics;
import dev.bitbridge.events.webhook.WebhookRefusal;
import dev.bitbridge.ingress.auth.TokenMatch;
import dev.bitbridge.ingress.config.IngressConfig;
import dev.bitbridge.ingress.http.DeliveryHeaders;
import dev.bitbridge.ingress.http.Rejection;
import dev.bitbridge.ingress.http.WebhookRejectedException;
import dev.bitbridge.ingress.integrations.Integration;
import dev.bitbridge.ingress.integrations.IntegrationRegistry;
import dev.bitbridge.ingress.metrics.IngressMetrics;

/**
 * Reports a refused delivery to an integration that exists on {@code bitbridge.webhook-refusals.v1}, so its owner can
 * see why Bitbucket's deliveries fail. It is called after the answer was written and never throws, waits or changes
 * anything about the answer: the record is handed to the producer and forgotten. Reports are bounded per integration
 * ({@link RefusalRateLimiter}) and in total ({@code refusals.max-in-flight}); every report not published is counted by
 * why. A broken reporter is logged and counted, but is not a health problem: webhooks are served without it.
 * <p>
 * Deliveries to unknown names are never reported: only an existing integration's owner reads its reports, and the
 * answer to the caller is the same 401 either way.
 */
@ApplicationScoped
public class RefusalReporter {

    private static final Logger LOG = Logger.getLogger(RefusalReporter.class);
    /** A backstop beyond the channel's own max.block.ms + delivery.timeout.ms, so that no slot is held forever. */
    static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

    private final boolean enabled;
    private final int maxInFlight;
    private final IntegrationRegistry registry;
    private final RefusalRateLimiter limiter;
    private final RefusalPublisher publisher;
    private final IngressMetrics metrics;
    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile Drop problem;

    @Inject
    RefusalReporter(IngressConfig config, IntegrationRegistry registry, RefusalPublisher publisher, IngressMetrics metrics,
            Clock clock) {
        this(config.refusals(), registry, publisher, metrics, clock, new RefusalRateLimiter(config.refusals().rate(),
                config.refusals().burst(), config.refusals().trackedIntegrations(), System::nanoTime));
    }

    RefusalReporter(IngressConfig.Refusals config, IntegrationRegistry registry, RefusalPublisher publisher,
            IngressMetrics metrics, Clock clock, RefusalRateLimiter limiter) {
        this.enabled = config.enabled();
        this.maxInFlight = config.maxInFlight();
        this.registry = registry;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.limiter = limiter;
    }

    /**
     * @param integrationName the name from the webhook URL, may be {@code null} or unknown (then nothing is reported)
     * @param rejection why the delivery was refused
     * @param match which of the integration's tokens it presented; {@code null} when the token was not checked
     * @param headers the request's headers, read again leniently: a value is reported only when it is well-formed
     */
    public void report(String integrationName, Rejection rejection, TokenMatch match, Function<String, String> headers) {
        if (!enabled || integrationName == null) {
            return;
        }
        try {
            registry.find(integrationName).ifPresent(integration -> report(integration, rejection, match, headers));
        } catch (RuntimeException e) {
            // A report is never worth failing a request for; the exception names no request data.
            dropped(Drop.KAFKA_UNAVAILABLE, e);
        }
    }

    private void report(Integration integration, Rejection rejection, TokenMatch match, Function<String, String> headers) {
        if (!limiter.tryAcquire(integration.name())) {
            metrics.refusalReportDropped(Drop.RATE_LIMITED);
            return;
        }
        WebhookRefusal refusal = new WebhookRefusal(integration.name(), integration.flavor(), clock.instant(),
                rejection.code(), rejection.status(), credentials(match),
                lenient(() -> DeliveryHeaders.eventKey(headers)),
                lenient(() -> DeliveryHeaders.eventId(headers, integration.flavor(), integration.name())),
                lenient(() -> DeliveryHeaders.hookUuid(headers)),
                lenient(() -> DeliveryHeaders.attempt(headers)));
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            dropped(Drop.TOO_MANY_IN_FLIGHT, null);
            return;
        }
        try {
            publisher.publish(refusal)
                    .ifNoItem().after(PUBLISH_TIMEOUT).fail()
                    .subscribe().with(ok -> published(), this::failed);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void published() {
        inFlight.decrementAndGet();
        metrics.refusalReported();
        if (problem != null) {
            problem = null;
            LOG.infof("Refused deliveries are reported on %s again", Topics.WEBHOOK_REFUSALS_V1);
        }
    }

    private void failed(Throwable failure) {
        inFlight.decrementAndGet();
        dropped(Drop.KAFKA_UNAVAILABLE, failure);
    }

    /** Counts every drop; logs only when the reason changes, so that a flood does not flood the log too. */
    private void dropped(Drop why, Throwable failure) {
        metrics.refusalReportDropped(why);
        if (problem != why) {
            problem = why;
            LOG.warnf("Refused deliveries cannot be reported on %s (%s%s); webhooks are answered as usual, and"
                    + " bitbridge_ingress_refusal_reports_dropped_total{reason=\"%s\"} counts the reports lost",
                    Topics.WEBHOOK_REFUSALS_V1, why.code(), failure == null ? "" : ": " + failure, why.code());
        }
    }

    private static String credentials(TokenMatch match) {
        if (match == TokenMatch.CURRENT) {
            return WebhookRefusal.CURRENT;
        }
        return match == TokenMatch.PREVIOUS ? WebhookRefusal.PREVIOUS : null;
    }

    private static <T> T lenient(Supplier<T> header) {
        try {
            return header.get();
        } catch (WebhookRejectedException e) {
            return null;
        }
    }
}
