package dev.bitbridge.trigger.config;

import java.time.Duration;

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
        if (dispatch.targetCacheTtl().isNegative()) {
            problems.add(PREFIX + "dispatch.target-cache-ttl", "must not be negative (is " + dispatch.targetCacheTtl()
                    + "); PT0S reads the Jenkins target for every call");
        }
        checkSchedules(config.schedules(), problems);
        return problems;
    }

    private static void checkSchedules(TriggerConfig.Schedules schedules, ConfigProblems problems) {
        Duration second = Duration.ofSeconds(1);
        if (schedules.pollInterval().compareTo(second) < 0) {
            problems.add(PREFIX + "schedules.poll-interval", "must be at least PT1S (the scheduler's resolution)");
        }
        if (schedules.batchSize() < 1) {
            problems.add(PREFIX + "schedules.batch-size", "must be at least 1");
        }
        if (schedules.minInterval().compareTo(second) < 0) {
            problems.add(PREFIX + "schedules.min-interval", "must be at least PT1S: slots are whole seconds");
        }
        if (schedules.lateAfter().compareTo(schedules.pollInterval()) <= 0) {
            problems.add(PREFIX + "schedules.late-after", "must be longer than schedules.poll-interval ("
                    + schedules.pollInterval() + "), or slots would count as missed before they are looked for");
        }
        if (schedules.catchUpWindow().compareTo(schedules.lateAfter()) < 0) {
            problems.add(PREFIX + "schedules.catch-up-window", "must be at least schedules.late-after ("
                    + schedules.lateAfter() + "): a slot that is on time is never too old to build");
        }
        if (schedules.backoff().isNegative() || schedules.backoff().isZero()) {
            problems.add(PREFIX + "schedules.backoff", "must be positive, e.g. PT5S");
        } else if (schedules.maxBackoff().compareTo(schedules.backoff()) < 0) {
            problems.add(PREFIX + "schedules.max-backoff", "must be at least schedules.backoff ("
                    + schedules.backoff() + ")");
        }
    }
}
