package dev.bitbridge.connector.repository;

import java.time.Instant;

/**
 * A repository connected to an integration, and the hook that delivers its events (table
 * {@code connected_repository}, read and written by {@link ConnectedRepositoryStore}).
 *
 * @param repository the repository's full name: {@code workspace/slug} or {@code PROJECT/slug}
 * @param hookMode {@code automatic} (Bitbridge keeps the hook) or {@code manual} (set up by hand)
 * @param hookId the id of the hook Bitbridge registered, when it did
 * @param hookState {@code registered}, {@code repaired}, {@code manual} or {@code failed}
 * @param hookDetail what the last check found, or why it failed
 * @param checkedAt when the hook was last registered, repaired or checked
 */
public record RepositoryConnection(String integration, String repository, String hookMode, String hookId,
        String hookState, String hookDetail, Instant connectedAt, Instant checkedAt) {

    /** @return whether the user set the hook up by hand, so that Bitbridge does not manage it */
    public boolean manual() {
        return "manual".equals(hookMode);
    }
}
