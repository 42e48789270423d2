package dev.bitbridge.connector.enrichment.pullrequest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.connector.bitbucket.BitbucketCalls;
import dev.bitbridge.connector.bitbucket.IntegrationAccess.Access;
import dev.bitbridge.connector.enrichment.push.CloudCommits;
import dev.bitbridge.events.scm.FileChange;

/**
 * Bitbucket Cloud: {@code pullrequests/{id}/commits} and {@code pullrequests/{id}/diffstat}, which Bitbucket answers
 * with a redirect to the repository's diffstat (followed on the API's own host only).
 */
@ApplicationScoped
public class CloudPullRequests implements PullRequestSource {

    static final int MAX_COMMITS = 2000;
    static final int MAX_FILES = 20_000;

    private final BitbucketCalls calls;

    CloudPullRequests(BitbucketCalls calls) {
        this.calls = calls;
    }

    @Override
    public Uni<List<JsonNode>> commits(Access access, String repository, long id) {
        return calls.all(access, pr(access, repository, id) + "/commits?pagelen=50", MAX_COMMITS);
    }

    @Override
    public Uni<List<FileChange>> files(Access access, String repository, long id) {
        return calls.all(access, pr(access, repository, id) + "/diffstat?pagelen=500", MAX_FILES)
                .map(entries -> entries.stream().map(CloudCommits::fileChange).toList());
    }

    private static String pr(Access access, String repository, long id) {
        return access.target().apiUrl() + "/repositories/" + repository + "/pullrequests/" + id;
    }
}
