package dev.bitbridge.reporter.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every {@code bitbridge.reporter.*} key; the README lists them. */
@ConfigMapping(prefix = "bitbridge.reporter")
public interface ReporterConfig {

    /** The read-only API that shows what was posted for a commit, and why not. */
    Api api();

    /** The connector, which posts each status to Bitbucket with the integration's credential (ADR 14). */
    Connector connector();

    /** Where a status links when Jenkins has no page for the build. */
    Links links();

    /** Posting. */
    Post post();

    /** Retrying what Bitbucket (or the connector) could not take now. */
    Retry retry();

    /** Whether to create the topic status-reporter writes (its dead letters) when absent. */
    @WithDefault("true")
    boolean createTopics();

    interface Api {

        /** The admin API token, at least 32 characters; required. */
        Optional<String> adminToken();
    }

    interface Connector {

        /** The connector's API, e.g. {@code http://localhost:8081}; required. */
        Optional<URI> url();

        /** The token the connector's API accepts (its admin token); required. */
        Optional<String> apiToken();

        /** The longest one post may take (the connector calls Bitbucket in turn). */
        @WithDefault("PT15S")
        Duration requestTimeout();
    }

    interface Links {

        /**
         * A page about a build, {@code {requestId}} standing for its request id, linked from a status when Jenkins has
         * none — a build that failed before it reached Jenkins (no target, Jenkins refused it). Bitbucket requires a
         * link: without this, such a build's status is not posted (and the log says why).
         */
        Optional<String> buildPage();
    }

    interface Post {

        /** How often statuses that came due (retries, backoffs) are looked for; new states are posted at once. */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** The most statuses one pass posts, concurrently. */
        @WithDefault("50")
        int batchSize();

        /**
         * How long a replica owns a status it took to post; another replica takes it over after that. Longer than
         * {@code connector.request-timeout}.
         */
        @WithDefault("PT1M")
        Duration lease();
    }

    interface Retry {

        /**
         * The first wait after a post failed for a reason that may pass (Bitbucket or the connector unreachable,
         * 5xx); it doubles up to {@code max-backoff}. While an integration waits, its other statuses wait with it, and
         * one post probes before the rest follow: an outage costs a handful of requests, not one per status.
         */
        @WithDefault("PT2S")
        Duration initialBackoff();

        /** The longest wait between two tries. */
        @WithDefault("PT5M")
        Duration maxBackoff();

        /** How long Bitbucket may keep refusing a 429 without {@code Retry-After} before it is asked again. */
        @WithDefault("PT60S")
        Duration rateLimitPause();

        /** After how long of failing a status is given up on and dead-lettered (reason {@code gave_up}). */
        @WithDefault("PT24H")
        Duration giveUpAfter();
    }
}
