package dev.bitbridge.trigger.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every {@code bitbridge.trigger.*} key; the README lists them. */
@ConfigMapping(prefix = "bitbridge.trigger")
public interface TriggerConfig {

    /** The management API. */
    Api api();

    /** Dispatching builds to Jenkins (ADR 12). */
    Dispatch dispatch();

    /** Following builds to their result. */
    Tracking tracking();

    /** The connector, which reads branch heads from Bitbucket for manual builds of a branch and for schedules. */
    Connector connector();

    /** Whether to create the topics build-trigger writes when absent. */
    @WithDefault("true")
    boolean createTopics();

    /** Scheduled builds: cron schedules per repository, branch and job (README, ADR 13). */
    Schedules schedules();

    interface Api {

        /** The admin API token, at least 32 characters; required. */
        Optional<String> adminToken();
    }

    interface Connector {

        /**
         * The connector's API ({@code http://localhost:8081}). Unset, manual builds must name a commit and schedules
         * cannot be created.
         */
        Optional<URI> url();

        /** The token the connector's API accepts (its admin token); required with {@code url}. */
        Optional<String> apiToken();

        /** The longest a call to the connector may take (it asks Bitbucket in turn). */
        @WithDefault("PT15S")
        Duration requestTimeout();
    }

    interface Dispatch {

        /**
         * How often due builds are looked for (polls, backoffs, recoveries); new requests are dispatched at once. At
         * least one second (the scheduler's resolution).
         */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** The most builds one pass handles. */
        @WithDefault("50")
        int batchSize();

        /** The longest a Jenkins call may take. */
        @WithDefault("PT10S")
        Duration requestTimeout();

        /**
         * How long a dispatch may go without an answer before recovery looks for it in Jenkins (ADR 12). Longer than
         * {@code request-timeout}.
         */
        @WithDefault("PT30S")
        Duration recoverAfter();

        /** How long recovery waits after a first lookup that found nothing before it looks again, then posts again. */
        @WithDefault("PT10S")
        Duration notFoundGrace();

        /** First pause after Jenkins could not be reached; it doubles up to {@code max-backoff}. */
        @WithDefault("PT2S")
        Duration backoff();

        /** The longest pause between attempts. */
        @WithDefault("PT1M")
        Duration maxBackoff();

        /** How long a build may wait for Jenkins to take it before it is reported FAILED. */
        @WithDefault("PT1H")
        Duration giveUpAfter();

        /**
         * How long a repository's Jenkins target and its decrypted credential are reused before they are read again
         * (every dispatch and every poll of a build needs them). A change through this replica's API applies at once,
         * another replica's within this time, and a call Jenkins refuses (401, 403) with a credential that has changed
         * since is made once more with the new one. {@code PT0S} reads them for every call.
         */
        @WithDefault("PT30S")
        Duration targetCacheTtl();
    }

    interface Tracking {

        /** The first pause between polls of a queued or running build; it grows while nothing changes. */
        @WithDefault("PT2S")
        Duration initialInterval();

        /** The longest pause between polls of one build. */
        @WithDefault("PT1M")
        Duration maxInterval();

        /** How long Jenkins may stay unreachable for one build before it is reported FAILED with the reason. */
        @WithDefault("PT6H")
        Duration giveUpAfter();
    }

    interface Schedules {

        /** How often due schedules are looked for. At least one second (the scheduler's resolution). */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** The most schedules one pass handles. */
        @WithDefault("20")
        int batchSize();

        /**
         * The shortest interval a schedule's cron expression may have between two slots; a schedule that would fire
         * more often is refused, so that a typo cannot send a build to Jenkins every minute (or second).
         */
        @WithDefault("PT5M")
        Duration minInterval();

        /**
         * How late a slot may be reached and still be on time. A slot reached later was missed (build-trigger was not
         * running): the schedule's missed-slot policy decides. Longer than {@code poll-interval}.
         */
        @WithDefault("PT2M")
        Duration lateAfter();

        /**
         * The oldest a slot may be and still be built: the most recent missed slot under the {@code latest} policy,
         * or a slot waiting for the connector. At least {@code late-after}.
         */
        @WithDefault("PT24H")
        Duration catchUpWindow();

        /** The first pause after the connector could not be reached for a slot; it doubles up to max-backoff. */
        @WithDefault("PT5S")
        Duration backoff();

        /** The longest pause between attempts at one slot (never past the schedule's next slot). */
        @WithDefault("PT5M")
        Duration maxBackoff();
    }
}
