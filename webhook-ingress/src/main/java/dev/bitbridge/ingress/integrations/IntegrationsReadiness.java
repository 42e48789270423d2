package dev.bitbridge.ingress.integrations;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the topics exist and the integrations table has been read: before that, valid tokens would fail. */
@Readiness
@ApplicationScoped
public class IntegrationsReadiness implements HealthCheck {

    private final IntegrationTopicReader reader;

    IntegrationsReadiness(IntegrationTopicReader reader) {
        this.reader = reader;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("integrations")
                .status(reader.loaded())
                .build();
    }
}
