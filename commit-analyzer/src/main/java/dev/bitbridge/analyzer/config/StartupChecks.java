package dev.bitbridge.analyzer.config;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;

import dev.bitbridge.api.AdminTokenCheck;
import dev.bitbridge.platform.config.ConfigProblems;

/**
 * Stops the analyzer at start when its configuration cannot work, naming each key: never a ready service that fails
 * on the first request.
 */
@Singleton
public class StartupChecks {

    static final String PREFIX = "bitbridge.analyzer.";

    void check(@Observes @Priority(1) StartupEvent event, AnalyzerConfig config) {
        check(config).throwIfAny();
    }

    /** @return every problem of the configuration; none when it can work */
    static ConfigProblems check(AnalyzerConfig config) {
        ConfigProblems problems = new ConfigProblems("commit-analyzer");
        AdminTokenCheck.check(PREFIX + "api.admin-token", config.api().adminToken(), false,
                "change task-key settings or branch rules", problems);
        if (config.settings().stallTimeout().compareTo(config.settings().retryInterval().multipliedBy(3)) < 0) {
            problems.add(PREFIX + "settings.stall-timeout", "must be at least three times settings.retry-interval ("
                    + config.settings().retryInterval() + "), or a reader waiting for Kafka would be taken for stalled");
        }
        return problems;
    }
}
