package dev.bitbridge.connector.enrichment.pullrequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    public Uni<Optional<List<FileChange>>> files(Access access, String repository, long id) {
        String url = pr(access, repository, id) + "/diffstat?pagelen=500";
        return calls.get(access, url, BitbucketCalls.Purpose.DEFERRABLE).chain(answer -> {
            if (answer.isEmpty()) {
                return Uni.createFrom().item(Optional.empty());
            }
            List<FileChange> files = new ArrayList<>();
            answer.get().json().path("values").forEach(e -> files.add(CloudCommits.fileChange(e)));
            return calls.after(access, url, answer.get().json(), MAX_FILES).map(more -> {
                more.forEach(e -> files.add(CloudCommits.fileChange(e)));
                return Optional.of(files);
            });
        });
    }

    private static String pr(Access access, String repository, long id) {
        return access.target().apiUrl() + "/repositories/" + repository + "/pullrequests/" + id;
    }
}
