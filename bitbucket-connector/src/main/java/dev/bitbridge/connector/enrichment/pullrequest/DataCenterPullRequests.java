package dev.bitbridge.connector.enrichment.pullrequest;

import java.util.List;
import java.util.Optional;

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
    public Uni<Optional<List<FileChange>>> files(Access access, String repository, long id) {
        return calls.get(access, pr(access, repository, id) + "/changes?limit=1000",
                BitbucketCalls.Purpose.DEFERRABLE)
                .map(answer -> answer.map(a -> {
                    List<FileChange> files = new java.util.ArrayList<>();
                    a.json().path("values").forEach(change -> files.add(DataCenterCommits.fileChange(change)));
                    return files;
                }));
    }

    private static String pr(Access access, String repository, long id) {
        String[] parts = repository.split("/", 2);
        return access.target().apiUrl() + "/rest/api/1.0/projects/" + parts[0] + "/repos/" + parts[1]
                + "/pull-requests/" + id;
    }
}
