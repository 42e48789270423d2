package dev.bitbridge.connector.enrichment.payload;

import com.fasterxml.jackson.databind.JsonNode;

import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * Reads one commit in either flavor's shape. Webhooks and REST answers describe commits alike (Cloud's
 * {@code commits} and {@code commit/{hash}}; Data Center's {@code commits} and Data Center 10's push {@code commits[]}),
 * so the commits enrichment fetches are read exactly as the ones a webhook lists.
 */
public final class CommitReader {

    private CommitReader() {
    }

    /**
     * @param flavor the Bitbucket flavor whose shape {@code commit} has
     * @param commit one commit object
     * @return the commit
     * @throws ReadFailure when a part the commit needs is missing or malformed
     */
    public static ListedCommit read(BitbucketFlavor flavor, JsonNode commit) {
        PathNode at = PathNode.root(commit);
        return flavor == BitbucketFlavor.CLOUD ? CloudParts.commit(at) : DataCenterParts.commit(at);
    }
}
