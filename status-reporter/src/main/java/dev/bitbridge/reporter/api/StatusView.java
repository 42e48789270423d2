package dev.bitbridge.reporter.api;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One build status of a commit as status-reporter knows it: what should be shown, what was posted, and what is left.
 *
 * @param repository the repository's full name
 * @param key the status key
 * @param requestId the build whose state should be shown
 * @param buildState that build's state
 * @param wanted the status that should be shown
 * @param postedState the state Bitbucket was last sent for it, or null when nothing was posted yet
 * @param postedAs how it was posted: the connector's endpoint and the state sent (e.g. {@code builds CANCELLED})
 * @param postedAt when
 * @param pending whether a post is still to come (a newer state, a retry)
 * @param attempts failed tries of the post to come
 * @param problem why the last try failed, or why the status was set aside
 * @param deadLetteredAt when a state of it last went to the dead letters
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusView(String repository, String key, String requestId, String buildState, JsonNode wanted,
        String postedState, String postedAs, OffsetDateTime postedAt, boolean pending, int attempts, String problem,
        OffsetDateTime deadLetteredAt) {
}
