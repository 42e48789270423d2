package dev.bitbridge.reporter.statuses;

import java.time.Instant;

/**
 * A build state as status-reporter stores it: which status it is for, where it stands among the states of that status,
 * what to post, and the record it came from (for a dead letter).
 *
 * @param integration the integration
 * @param repository the repository's full name
 * @param commit the commit's full hash
 * @param key the status key
 * @param requestId the build's request id
 * @param sequence the record's place among its build's records
 * @param requestedAt when the build was asked for: orders two builds of one status
 * @param buildState the build's state
 * @param wantedState Bitbucket's state to show
 * @param wantedJson the status to post, as JSON ({@link WantedStatus})
 * @param flavor {@code cloud} or {@code datacenter}
 * @param record the record as read
 */
public record IncomingState(String integration, String repository, String commit, String key, String requestId,
        long sequence, Instant requestedAt, String buildState, String wantedState, String wantedJson, String flavor,
        SourceRecord record) {
}
