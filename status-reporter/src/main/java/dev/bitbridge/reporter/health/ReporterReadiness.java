package dev.bitbridge.reporter.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.bitbridge.reporter.config.ReporterTopics;
import dev.bitbridge.reporter.post.StatusPoster;

/**
 * Not ready while the dead-letter topic is not known to exist. Integrations whose statuses wait (Bitbucket away, a
 * rate limit) are named, but keep it ready: waiting is how status-reporter rides out an outage. The Kafka channels and
 * PostgreSQL have their own checks.
 */
@Readiness
@ApplicationScoped
public class ReporterReadiness implements HealthCheck {

    private final ReporterTopics topics;
    private final StatusPoster poster;

    ReporterReadiness(ReporterTopics topics, StatusPoster poster) {
        this.topics = topics;
        this.poster = poster;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("status-reporter topics");
        if (topics.waitingFor().isPresent()) {
            return response.down().withData("waiting for", topics.waitingFor().get()).build();
        }
        var waiting = poster.waiting();
        return waiting.isEmpty() ? response.up().build()
                : response.up().withData("integrations waiting", String.join(", ", new java.util.TreeSet<>(waiting)))
                        .build();
    }
}
