package dev.bitbridge.ingress.health;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Down when something inside the process is broken beyond repair ({@link InternalProblems}): Kubernetes then restarts
 * the pod. An unreachable Kafka does not fail liveness — a restart would not bring it back — only readiness.
 */
@Liveness
@ApplicationScoped
public class IngressLiveness implements HealthCheck {

    private final InternalProblems problems;

    IngressLiveness(InternalProblems problems) {
        this.problems = problems;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, String> current = problems.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ingress-internals").status(current.isEmpty());
        current.forEach(response::withData);
        return response.build();
    }
}
