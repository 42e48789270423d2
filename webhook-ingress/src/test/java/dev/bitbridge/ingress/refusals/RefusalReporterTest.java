package dev.bitbridge.ingress.refusals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

import dev.bitbridge.events.integration.TokenHash;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.events.webhook.WebhookRefusal;
import dev.bitbridge.ingress.auth.TokenMatch;
import dev.bitbridge.ingress.config.IngressConfig;
import dev.bitbridge.ingress.config.TestConfigs;
import dev.bitbridge.ingress.http.Rejection;
import dev.bitbridge.ingress.integrations.Integration;
import dev.bitbridge.ingress.integrations.IntegrationRegistry;
import dev.bitbridge.ingress.metrics.TestMetrics;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalReporterTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final IntegrationRegistry registry = IntegrationRegistry.empty();
    private final List<WebhookRefusal> sent = new ArrayList<>();
    private Uni<Void> outcome = Uni.createFrom().voidItem();
    private RuntimeException thrown;

    private final RefusalPublisher publisher = new RefusalPublisher(null, null) {
        @Override
        public Uni<Void> publish(WebhookRefusal refusal) {
            if (thrown != null) {
                throw thrown;
            }
            sent.add(refusal);
            return outcome;
        }
    };

    RefusalReporterTest() {
        registry.put(new Integration("acme", BitbucketFlavor.CLOUD, true, TokenHash.of("t"), null, Integration.Origin.TOPIC));
    }

    @Test
    void wellFormedHeadersAreReportedAndMalformedOnesLeftOut() {
        reporter(Map.of()).report("acme", Rejection.SIGNATURE_MISMATCH, TokenMatch.PREVIOUS, headers(Map.of(
                "X-Event-Key", "repo:push", "X-Request-UUID", "not a uuid!", "X-Hook-UUID", "{h-1}",
                "X-Attempt-Number", "2")));

        assertThat(sent).containsExactly(new WebhookRefusal("acme", BitbucketFlavor.CLOUD, NOW, "signature_mismatch", 403,
                "previous", "repo:push", null, "{h-1}", 2));
        assertThat(counter("bitbridge.ingress.refusal.reports.published")).isEqualTo(1);
    }

    @Test
    void unknownNamesAndADisabledReporterReportNothing() {
        reporter(Map.of()).report("nobody", Rejection.UNAUTHORIZED, TokenMatch.NONE, headers(Map.of()));
        reporter(Map.of()).report(null, Rejection.NOT_FOUND, null, headers(Map.of()));
        reporter(Map.of("bitbridge.ingress.refusals.enabled", "false"))
                .report("acme", Rejection.UNAUTHORIZED, TokenMatch.NONE, headers(Map.of()));

        assertThat(sent).isEmpty();
    }

    @Test
    void beyondTheBurstReportsAreDroppedAndCounted() {
        RefusalReporter reporter = reporter(Map.of("bitbridge.ingress.refusals.burst", "3"));
        for (int i = 0; i < 10; i++) {
            reporter.report("acme", Rejection.UNAUTHORIZED, TokenMatch.NONE, headers(Map.of()));
        }

        assertThat(sent).hasSize(3);
        assertThat(dropped(Drop.RATE_LIMITED)).isEqualTo(7);
    }

    @Test
    void reportsKafkaHasNotAcknowledgedAreBoundedAndAFailureFreesTheirPlace() {
        outcome = Uni.createFrom().nothing();
        RefusalReporter reporter = reporter(Map.of("bitbridge.ingress.refusals.max-in-flight", "2"));
        for (int i = 0; i < 5; i++) {
            reporter.report("acme", Rejection.UNAUTHORIZED, TokenMatch.NONE, headers(Map.of()));
        }
        assertThat(sent).hasSize(2);
        assertThat(dropped(Drop.TOO_MANY_IN_FLIGHT)).isEqualTo(3);
    }

    @Test
    void aFailingOrThrowingPublisherIsCountedAndNeverReachesTheCaller() {
        outcome = Uni.createFrom().failure(new IllegalStateException("broker away"));
        RefusalReporter reporter = reporter(Map.of("bitbridge.ingress.refusals.max-in-flight", "1"));
        reporter.report("acme", Rejection.UNAUTHORIZED, TokenMatch.NONE, headers(Map.of()));
        reporter.report("acme", Rejection.UNAUTHORIZED, TokenMatch.NONE, headers(Map.of()));
        thrown = new IllegalStateException("emitter cancelled");
        reporter.report("acme", Rejection.UNAUTHORIZED, TokenMatch.NONE, headers(Map.of()));

        assertThat(dropped(Drop.KAFKA_UNAVAILABLE)).as("each failure frees its place for the next").isEqualTo(3);
        assertThat(dropped(Drop.TOO_MANY_IN_FLIGHT)).isZero();
    }

    private RefusalReporter reporter(Map<String, String> properties) {
        IngressConfig config = TestConfigs.ingress(properties);
        IngressConfig.Refusals refusals = config.refusals();
        return new RefusalReporter(refusals, registry, publisher, TestMetrics.on(meters), Clock.fixed(NOW, ZoneOffset.UTC),
                new RefusalRateLimiter(refusals.rate(), refusals.burst(), refusals.trackedIntegrations(), System::nanoTime));
    }

    private double counter(String name) {
        return meters.get(name).counter().count();
    }

    private double dropped(Drop why) {
        return meters.get("bitbridge.ingress.refusal.reports.dropped").tag("reason", why.code()).counter().count();
    }

    private static Function<String, String> headers(Map<String, String> values) {
        return values::get;
    }
}
