package dev.bitbridge.testkit.bitbucket.cloud;

import java.util.List;
import java.util.function.BiFunction;

import dev.bitbridge.testkit.bitbucket.auth.CloudScope;
import dev.bitbridge.testkit.bitbucket.auth.Principal;
import dev.bitbridge.testkit.bitbucket.http.CloudErrors;
import dev.bitbridge.testkit.bitbucket.http.CloudPage;
import dev.bitbridge.testkit.bitbucket.http.Router;
import dev.bitbridge.testkit.bitbucket.http.SimResponse;
import dev.bitbridge.testkit.bitbucket.model.Commit;
import dev.bitbridge.testkit.bitbucket.model.CommitGraph;
import dev.bitbridge.testkit.bitbucket.model.PullRequest;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/**
 * Cloud pull requests: the open ones, one by id, its commits, and its diffstat — which Bitbucket answers with a
 * redirect (302) to the repository's diffstat for the pull request's spec ("Redirects to the repository diffstat with
 * the revspec that corresponds to the pull request", Bitbucket Cloud OpenAPI). All need the pull-request read scope.
 */
final class CloudPullRequestsApi {

    private static final int PULL_REQUEST_MAX_PAGELEN = 50;

    private final CloudAccess access;
    private final CloudJson json;
    private final CloudPayloads payloads;

    CloudPullRequestsApi(CloudAccess access, CloudJson json, CloudPayloads payloads) {
        this.access = access;
        this.json = json;
        this.payloads = payloads;
    }

    void register(Router<Principal> router) {
        String base = "/2.0/repositories/{ws}/{slug}/pullrequests";
        router.add("GET", base, (r, p, who) -> access.withRepo(who, p.get(0), p.get(1), CloudScope.PULLREQUEST,
                repo -> CloudPage.of(r, repo.pullRequests().stream().filter(pr -> "OPEN".equals(pr.state)).toList(),
                        PULL_REQUEST_MAX_PAGELEN, payloads::pullRequestJson)))
                .add("GET", base + "/{id}", (r, p, who) -> withPullRequest(who, p,
                        (repo, pr) -> SimResponse.json(200, payloads.pullRequestJson(pr))))
                .add("GET", base + "/{id}/commits", (r, p, who) -> withPullRequest(who, p,
                        (repo, pr) -> CloudPage.of(r, r.queryAll(), commits(pr), CloudPage.COMMITS,
                                c -> json.commitResource(repo(pr, c), c))))
                .add("GET", base + "/{id}/diffstat", (r, p, who) -> withPullRequest(who, p,
                        (repo, pr) -> SimResponse.empty(302).header("Location", payloads.comparison(pr, "diffstat"))));
    }

    private SimResponse withPullRequest(Principal who, List<String> p, BiFunction<Repo, PullRequest, SimResponse> then) {
        return access.withRepo(who, p.get(0), p.get(1), CloudScope.PULLREQUEST, repo -> {
            for (PullRequest pr : repo.pullRequests()) {
                if (Integer.toString(pr.id).equals(p.get(2))) {
                    return then.apply(repo, pr);
                }
            }
            return CloudErrors.notFound("Pull request not found");
        });
    }

    /**
     * @return the commits the source branch has that the destination had not, newest first; for a merged pull
     *         request, measured against the destination before the merge
     */
    private static List<Commit> commits(PullRequest pr) {
        CommitGraph graph = new CommitGraph(h -> pr.source.commit(h) != null ? pr.source.commit(h)
                : pr.destination.commit(h));
        String destination = pr.mergeCommit != null ? pr.destination.commit(pr.mergeCommit).firstParent()
                : pr.destinationHash();
        return graph.log(List.of(pr.sourceHash()), List.of(destination));
    }

    private static Repo repo(PullRequest pr, Commit c) {
        return pr.source.commit(c.hash()) != null ? pr.source : pr.destination;
    }
}
