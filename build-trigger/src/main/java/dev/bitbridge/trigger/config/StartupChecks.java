package dev.bitbridge.trigger.config;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;

import dev.bitbridge.api.AdminTokenCheck;
import dev.bitbridge.platform.config.ConfigProblems;

/** Stops build-trigger at start when its configuration cannot work, naming each key. */
@Singleton
public class StartupChecks {

    static final String PREFIX = "bitbridge.trigger.";

    void check(@Observes @Priority(1) StartupEvent event, TriggerConfig config) {
        check(config).throwIfAny();
    }

    /** @return every problem of the configuration; none when it can work */
    static ConfigProblems check(TriggerConfig config) {
        ConfigProblems problems = new ConfigProblems("build-trigger");
        AdminTokenCheck.check(PREFIX + "api.admin-token", config.api().adminToken(), false,
                "configure Jenkins targets or ask for builds", problems);
        TriggerConfig.Connector connector = config.connector();
        connector.url().ifPresent(url -> {
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                problems.add(PREFIX + "connector.url", "must be an absolute http(s) URL such as http://localhost:8081");
            }
            if (connector.apiToken().filter(t -> !t.isBlank()).isEmpty()) {
                problems.add(PREFIX + "connector.api-token", "is required with connector.url: set it to the"
                        + " connector's admin token");
            }
        });
        TriggerConfig.Dispatch dispatch = config.dispatch();
        if (dispatch.recoverAfter().compareTo(dispatch.requestTimeout()) <= 0) {
            problems.add(PREFIX + "dispatch.recover-after", "must be longer than dispatch.request-timeout ("
                    + dispatch.requestTimeout() + "), or a dispatch still waiting for its answer would be recovered");
        }
        if (dispatch.batchSize() < 1) {
            problems.add(PREFIX + "dispatch.batch-size", "must be at least 1");
        }
        return problems;
    }
}
