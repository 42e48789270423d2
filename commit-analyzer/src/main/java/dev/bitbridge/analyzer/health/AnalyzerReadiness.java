package dev.bitbridge.analyzer.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.bitbridge.analyzer.kafka.AnalyzerTopics;
import dev.bitbridge.analyzer.settings.SettingsView;

/**
 * Not ready while the topics the analyzer writes are not known to exist, or its settings view has not caught up (then
 * it holds its first batch). The Kafka channels have their own checks from SmallRye.
 */
@Readiness
@ApplicationScoped
public class AnalyzerReadiness implements HealthCheck {

    private final AnalyzerTopics topics;
    private final SettingsView settings;

    AnalyzerReadiness(AnalyzerTopics topics, SettingsView settings) {
        this.topics = topics;
        this.settings = settings;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("commit-analyzer topics and settings");
        if (topics.waitingFor().isPresent()) {
            return response.down().withData("waiting for", topics.waitingFor().get()).build();
        }
        if (!settings.loaded()) {
            return response.down().withData("waiting for", "the settings view to catch up").build();
        }
        return response.up().build();
    }
}
