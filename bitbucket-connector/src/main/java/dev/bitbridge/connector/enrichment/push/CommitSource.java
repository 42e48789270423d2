package dev.bitbridge.connector.enrichment.push;

import java.util.List;
import java.util.Optional;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.connector.bitbucket.IntegrationAccess.Access;
import dev.bitbridge.events.scm.FileChange;

/**
 * The Bitbucket reads enrichment needs, in one flavor's API. Every call goes through {@code BitbucketCalls}: counted
 * against the credential's budget, retried when transient.
 */
public interface CommitSource {

    /**
     * @param include the commits whose history to list (a ref's new head)
     * @param exclude commits whose history to leave out (the ref's old head, or every other branch's head)
     * @return the commits reachable from {@code include} and not from {@code exclude}, newest first, as raw JSON
     *         in the flavor's commit shape
     */
    Uni<List<com.fasterxml.jackson.databind.JsonNode>> commitsBetween(Access access, String repository,
            List<String> include, List<String> exclude);

    /** @return one commit, as raw JSON in the flavor's commit shape */
    Uni<com.fasterxml.jackson.databind.JsonNode> commit(Access access, String repository, String hash);

    /** @return every branch of the repository and its head commit (Data Center: the default branch first) */
    Uni<java.util.Map<String, String>> branchHeads(Access access, String repository);

    /**
     * @return the files a commit changed against its first parent; empty when the credential's budget is kept for
     *         essential calls (the files are then completed later)
     */
    Uni<Optional<List<FileChange>>> files(Access access, String repository, String hash);
}
