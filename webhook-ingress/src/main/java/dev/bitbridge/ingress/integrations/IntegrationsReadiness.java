package dev.bitbridge.ingress.integrations;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.bitbridge.ingress.kafka.TopicProvisioner;

/**
 * Ready only once the topics exist and the integrations table has been read: before that, publishing would stall and
 * valid tokens would be refused. (Whether Kafka answers is SmallRye's own readiness check of the outgoing channel.)
 */
@Readiness
@ApplicationScoped
public class IntegrationsReadiness implements HealthCheck {

    private final IntegrationTopicReader reader;
    private final TopicProvisioner provisioner;

    IntegrationsReadiness(IntegrationTopicReader reader, TopicProvisioner provisioner) {
        this.reader = reader;
        this.provisioner = provisioner;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("integrations")
                .status(provisioner.provisioned() && reader.loaded())
                .withData("topics", provisioner.provisioned())
                .withData("integrations-view", reader.loaded())
                .build();
    }
}
