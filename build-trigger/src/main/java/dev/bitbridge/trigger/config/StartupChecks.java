package dev.bitbridge.trigger.config;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;

import dev.bitbridge.platform.config.ConfigProblems;

/** Stops build-trigger at start when its configuration cannot work, naming each key. */
@Singleton
public class StartupChecks {

    static final String PREFIX = "bitbridge.trigger.";
    static final int MIN_ADMIN_TOKEN_LENGTH = 32;

    void check(@Observes StartupEvent event, TriggerConfig config) {
        ConfigProblems problems = new ConfigProblems("build-trigger");
        String key = PREFIX + "api.admin-token";
        if (config.api().adminToken().isEmpty()) {
            problems.add(key, "is not set: nobody could configure Jenkins targets or ask for builds; set one of at"
                    + " least " + MIN_ADMIN_TOKEN_LENGTH + " characters (e.g. `openssl rand -base64 32`)");
        }
        config.api().adminToken().filter(t -> t.length() < MIN_ADMIN_TOKEN_LENGTH).ifPresent(t -> problems.add(key,
                "is shorter than " + MIN_ADMIN_TOKEN_LENGTH + " characters; generate one, e.g. `openssl rand -base64 32`"));
        TriggerConfig.Dispatch dispatch = config.dispatch();
        if (dispatch.recoverAfter().compareTo(dispatch.requestTimeout()) <= 0) {
            problems.add(PREFIX + "dispatch.recover-after", "must be longer than dispatch.request-timeout ("
                    + dispatch.requestTimeout() + "), or a dispatch still waiting for its answer would be recovered");
        }
        if (dispatch.batchSize() < 1) {
            problems.add(PREFIX + "dispatch.batch-size", "must be at least 1");
        }
        problems.throwIfAny();
    }
}
