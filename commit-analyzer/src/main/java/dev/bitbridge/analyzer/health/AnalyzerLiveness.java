package dev.bitbridge.analyzer.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import dev.bitbridge.analyzer.settings.SettingsView;

/** Down when the settings reader has ended or stalled: rule changes would no longer reach this replica. */
@Liveness
@ApplicationScoped
public class AnalyzerLiveness implements HealthCheck {

    private final SettingsView settings;

    AnalyzerLiveness(SettingsView settings) {
        this.settings = settings;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("settings reader");
        return settings.problem().map(problem -> response.down().withData("problem", problem).build())
                .orElseGet(() -> response.up().build());
    }
}
