package dev.bitbridge.reporter.config;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;

import dev.bitbridge.api.AdminTokenCheck;
import dev.bitbridge.platform.config.ConfigProblems;

/** Stops status-reporter at start when its configuration cannot work, naming each key. */
@Singleton
public class StartupChecks {

    static final String PREFIX = "bitbridge.reporter.";

    void check(@Observes @Priority(1) StartupEvent event, ReporterConfig config) {
        check(config).throwIfAny();
    }

    /** @return every problem of the configuration; none when it can work */
    static ConfigProblems check(ReporterConfig config) {
        ConfigProblems problems = new ConfigProblems("status-reporter");
        AdminTokenCheck.check(PREFIX + "api.admin-token", config.api().adminToken(), false,
                "read what was posted for a commit", problems);
        ReporterConfig.Connector connector = config.connector();
        if (connector.url().isEmpty()) {
            problems.add(PREFIX + "connector.url", "is required: status-reporter posts through the connector, which"
                    + " holds the Bitbucket credentials (e.g. http://localhost:8081)");
        }
        connector.url().ifPresent(url -> {
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                problems.add(PREFIX + "connector.url", "must be an absolute http(s) URL such as http://localhost:8081");
            }
        });
        if (connector.apiToken().filter(t -> !t.isBlank()).isEmpty()) {
            problems.add(PREFIX + "connector.api-token", "is required: set it to the connector's admin token");
        }
        config.links().buildPage().ifPresent(page -> {
            if (!page.startsWith("http://") && !page.startsWith("https://")) {
                problems.add(PREFIX + "links.build-page", "must be an absolute http(s) URL, {requestId} standing for"
                        + " the build's request id");
            }
        });
        ReporterConfig.Post post = config.post();
        if (post.batchSize() < 1) {
            problems.add(PREFIX + "post.batch-size", "must be at least 1");
        }
        if (post.pollInterval().compareTo(java.time.Duration.ofSeconds(1)) < 0) {
            problems.add(PREFIX + "post.poll-interval", "must be at least PT1S (the scheduler's resolution)");
        }
        if (post.lease().compareTo(connector.requestTimeout()) <= 0) {
            problems.add(PREFIX + "post.lease", "must be longer than connector.request-timeout ("
                    + connector.requestTimeout() + "), or a post still waiting for its answer would be taken over");
        }
        ReporterConfig.Retry retry = config.retry();
        if (retry.initialBackoff().isNegative() || retry.initialBackoff().isZero()) {
            problems.add(PREFIX + "retry.initial-backoff", "must be positive, e.g. PT2S");
        } else if (retry.maxBackoff().compareTo(retry.initialBackoff()) < 0) {
            problems.add(PREFIX + "retry.max-backoff", "must be at least retry.initial-backoff ("
                    + retry.initialBackoff() + ")");
        }
        if (retry.rateLimitPause().isNegative() || retry.rateLimitPause().isZero()) {
            problems.add(PREFIX + "retry.rate-limit-pause", "must be positive, e.g. PT60S");
        }
        if (retry.giveUpAfter().compareTo(retry.maxBackoff()) < 0) {
            problems.add(PREFIX + "retry.give-up-after", "must be at least retry.max-backoff ("
                    + retry.maxBackoff() + ")");
        }
        return problems;
    }
}
