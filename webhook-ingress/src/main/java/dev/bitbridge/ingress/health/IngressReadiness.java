package dev.bitbridge.ingress.health;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.bitbridge.ingress.integrations.IntegrationTopicReader;
import dev.bitbridge.ingress.kafka.TopicProvisioner;

/**
 * Ready only once the topics exist and the integrations table has been read (before that, publishing would stall and
 * valid tokens would be refused), and while nothing inside is broken. Whether Kafka answers is SmallRye's own
 * readiness check of the outgoing channel.
 */
@Readiness
@ApplicationScoped
public class IngressReadiness implements HealthCheck {

    private final TopicProvisioner provisioner;
    private final IntegrationTopicReader integrations;
    private final InternalProblems problems;

    IngressReadiness(TopicProvisioner provisioner, IntegrationTopicReader integrations, InternalProblems problems) {
        this.provisioner = provisioner;
        this.integrations = integrations;
        this.problems = problems;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, String> broken = problems.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ingress")
                .status(provisioner.provisioned() && integrations.loaded() && broken.isEmpty())
                .withData("topics", provisioner.waitingFor().orElse("provisioned"))
                .withData("integrations-view", integrations.loaded() ? "loaded" : "loading");
        broken.forEach(response::withData);
        return response.build();
    }
}
