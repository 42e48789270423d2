package dev.bitbridge.connector.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.bitbridge.connector.kafka.OwnTopics;

/**
 * Not ready while {@code bitbridge.integrations.v1} is not known to exist: integrations could be created, but the
 * ingress would not learn them. (The database and the Kafka channels have their own checks from Quarkus and SmallRye.)
 */
@Readiness
@ApplicationScoped
public class RoutingReadiness implements HealthCheck {

    private final OwnTopics topic;

    RoutingReadiness(OwnTopics topic) {
        this.topic = topic;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("integration routing topic");
        return topic.waitingFor().map(why -> response.down().withData("waiting for", why).build())
                .orElseGet(() -> response.up().build());
    }
}
