package dev.bitbridge.reporter.statuses;

import java.time.Instant;

/**
 * A status a replica took to post: what to post, the state it stands for, and the lease that makes it this replica's.
 *
 * @param integration the integration
 * @param repository the repository's full name
 * @param commit the commit
 * @param key the status key
 * @param requestId the build whose state is to be shown
 * @param sequence that state's place among the build's records
 * @param wantedState Bitbucket's state to show
 * @param wantedJson the status to post, as JSON
 * @param record the record the state came from
 * @param attempts failed tries so far
 * @param failingSince when the first of them failed, or null
 * @param leasedUntil this replica's lease
 */
public record TrackedStatus(String integration, String repository, String commit, String key, String requestId,
        long sequence, String wantedState, String wantedJson, SourceRecord record, int attempts,
        Instant failingSince, Instant leasedUntil) {

    /** @return the status, for log lines: never a secret */
    public String describe() {
        return "status '" + key + "' of " + commit.substring(0, Math.min(12, commit.length())) + " in " + repository
                + " (integration " + integration + ")";
    }
}
