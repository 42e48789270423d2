package dev.bitbridge.reporter.post;

import java.time.Duration;
import java.util.Optional;

/** What came of asking the connector to post a status. */
public sealed interface PostOutcome {

    /**
     * Bitbucket shows it.
     *
     * @param postedAs how: the endpoint and the state Bitbucket was sent, e.g. {@code builds CANCELLED}
     */
    record Posted(String postedAs) implements PostOutcome {
    }

    /**
     * Not now: Bitbucket or the connector is unreachable, failing, or rate limiting. The integration's statuses wait.
     *
     * @param rateLimited whether Bitbucket said 429
     * @param retryAfter how long they asked to wait, when they said
     * @param problem what happened, for the log and the status's row
     */
    record NotNow(boolean rateLimited, Optional<Duration> retryAfter, String problem) implements PostOutcome {
    }

    /**
     * Never as it is: Bitbucket refused it (4xx) or the connector cannot post it (no such integration, no credentials).
     * A person must act; the state goes to the dead letters.
     *
     * @param reason a stable code, e.g. {@code refused}, {@code bad_credentials}, {@code integration_unknown}
     * @param problem what Bitbucket or the connector said, and what to do
     */
    record Refused(String reason, String problem) implements PostOutcome {
    }
}
