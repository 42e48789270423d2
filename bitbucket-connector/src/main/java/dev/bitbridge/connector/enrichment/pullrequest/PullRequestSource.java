package dev.bitbridge.connector.enrichment.pullrequest;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.connector.bitbucket.IntegrationAccess.Access;
import dev.bitbridge.events.scm.FileChange;

/** The pull-request reads enrichment needs, in one flavor's API. */
public interface PullRequestSource {

    /** @return the pull request's commits, newest first, as raw JSON in the flavor's commit shape */
    Uni<List<JsonNode>> commits(Access access, String repository, long id);

    /**
     * @return the files the pull request changes, every page: an essential call (one per opened or updated event,
     *         never deferred: the budget defers the file lists of commits, of which there are many more)
     */
    Uni<List<FileChange>> files(Access access, String repository, long id);
}
