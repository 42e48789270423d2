package dev.bitbridge.reporter.health;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import dev.bitbridge.reporter.config.ReporterConfig;
import dev.bitbridge.reporter.post.StatusPoster;

/**
 * Down when the poster is stuck: a pass running for longer than two leases (its posts time out long before), or no
 * pass ended for twenty poll intervals (the scheduler stopped). A restart is then the remedy; statuses are in
 * PostgreSQL and are taken again.
 */
@Liveness
@ApplicationScoped
public class PosterLiveness implements HealthCheck {

    private final StatusPoster poster;
    private final ReporterConfig config;

    PosterLiveness(StatusPoster poster, ReporterConfig config) {
        this.poster = poster;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("status-reporter poster");
        Instant now = Instant.now();
        var running = poster.passRunningSince();
        Duration stuck = config.post().lease().multipliedBy(2);
        if (running.isPresent() && running.get().plus(stuck).isBefore(now)) {
            return response.down().withData("problem", "a status pass has run since " + running.get()).build();
        }
        Duration silent = config.post().pollInterval().multipliedBy(20).plus(Duration.ofSeconds(30));
        if (running.isEmpty() && poster.lastPassEnded().plus(silent).isBefore(now)) {
            return response.down().withData("problem", "no status pass since " + poster.lastPassEnded()).build();
        }
        return response.up().build();
    }
}
