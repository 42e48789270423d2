package dev.bitbridge.connector.enrichment.pullrequest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.connector.bitbucket.BitbucketCalls;
import dev.bitbridge.connector.bitbucket.IntegrationAccess.Access;
import dev.bitbridge.connector.enrichment.push.DataCenterCommits;
import dev.bitbridge.events.scm.FileChange;

/** Bitbucket Data Center: {@code pull-requests/{id}/commits} and {@code pull-requests/{id}/changes}. */
@ApplicationScoped
public class DataCenterPullRequests implements PullRequestSource {

    static final int MAX_FILES = 20_000;
    static final int MAX_COMMITS = 2000;

    private final BitbucketCalls calls;

    DataCenterPullRequests(BitbucketCalls calls) {
        this.calls = calls;
    }

    @Override
    public Uni<List<JsonNode>> commits(Access access, String repository, long id) {
        return calls.all(access, pr(access, repository, id) + "/commits?limit=100", MAX_COMMITS);
    }

    @Override
    public Uni<List<FileChange>> files(Access access, String repository, long id) {
        return calls.all(access, pr(access, repository, id) + "/changes?limit=1000", MAX_FILES)
                .map(changes -> changes.stream().map(DataCenterCommits::fileChange).toList());
    }

    private static String pr(Access access, String repository, long id) {
        String[] parts = repository.split("/", 2);
        return access.target().apiUrl() + "/rest/api/1.0/projects/" + parts[0] + "/repos/" + parts[1]
                + "/pull-requests/" + id;
    }
}
