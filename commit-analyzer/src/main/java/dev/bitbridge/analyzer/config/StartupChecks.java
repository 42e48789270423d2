package dev.bitbridge.analyzer.config;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;

import dev.bitbridge.platform.config.ConfigProblems;

/**
 * Stops the analyzer at start when its configuration cannot work, naming each key: never a ready service that fails
 * on the first request.
 */
@Singleton
public class StartupChecks {

    static final String PREFIX = "bitbridge.analyzer.";
    static final int MIN_ADMIN_TOKEN_LENGTH = 32;

    void check(@Observes StartupEvent event, AnalyzerConfig config) {
        ConfigProblems problems = new ConfigProblems("commit-analyzer");
        String key = PREFIX + "api.admin-token";
        if (config.api().adminToken().isEmpty()) {
            problems.add(key, "is not set: nobody could change task-key settings or branch rules; set one of at least "
                    + MIN_ADMIN_TOKEN_LENGTH + " characters (e.g. `openssl rand -base64 32`)");
        }
        config.api().adminToken().filter(t -> t.length() < MIN_ADMIN_TOKEN_LENGTH).ifPresent(t -> problems.add(key,
                "is shorter than " + MIN_ADMIN_TOKEN_LENGTH + " characters; generate one, e.g. `openssl rand -base64 32`"));
        if (config.settings().stallTimeout().compareTo(config.settings().retryInterval().multipliedBy(3)) < 0) {
            problems.add(PREFIX + "settings.stall-timeout", "must be at least three times settings.retry-interval ("
                    + config.settings().retryInterval() + "), or a reader waiting for Kafka would be taken for stalled");
        }
        problems.throwIfAny();
    }
}
