package dev.bitbridge.testkit.bitbucket.datacenter;

import java.util.List;
import java.util.function.Function;

import dev.bitbridge.testkit.bitbucket.auth.Principal;
import dev.bitbridge.testkit.bitbucket.http.DcErrors;
import dev.bitbridge.testkit.bitbucket.http.DcPage;
import dev.bitbridge.testkit.bitbucket.http.Router;
import dev.bitbridge.testkit.bitbucket.http.SimResponse;
import dev.bitbridge.testkit.bitbucket.model.Commit;
import dev.bitbridge.testkit.bitbucket.model.CommitGraph;
import dev.bitbridge.testkit.bitbucket.model.PullRequest;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/**
 * Data Center pull requests, all needing REPO_READ on the destination: {@code GET .../pull-requests/{id}},
 * {@code .../commits} (what the source has that the destination had not, paged) and {@code .../changes} (from the
 * merge base to the source head; "currently not paged" per Data Center's REST documentation: one page at most).
 */
final class DcPullRequestsApi {

    private final DcAccess access;
    private final DcJson json;
    private final DcCommitsApi commits;

    DcPullRequestsApi(DcAccess access, DcJson json, DcCommitsApi commits) {
        this.access = access;
        this.json = json;
        this.commits = commits;
    }

    void register(Router<Principal> router) {
        String base = "/rest/api/1.0/projects/{key}/repos/{slug}/pull-requests/{id}";
        router.add("GET", base, (r, p, who) -> withPullRequest(p, who, pr -> SimResponse.json(200,
                json.pullRequest(pr))))
                .add("GET", base + "/commits", (r, p, who) -> withPullRequest(p, who, pr -> SimResponse.json(200,
                        DcPage.of(r, log(pr), json::commit))))
                .add("GET", base + "/changes", (r, p, who) -> withPullRequest(p, who, pr -> {
                    String mergeBase = graph(pr).mergeBase(pr.sourceHash(), destination(pr));
                    return SimResponse.json(200, commits.changesPage(r, pr.source, pr.sourceHash(), mergeBase, mergeBase,
                            true));
                }));
    }

    private SimResponse withPullRequest(List<String> p, Principal who, Function<PullRequest, SimResponse> then) {
        return access.withRepo(p, who, DcAccess.READ, repo -> {
            for (PullRequest pr : repo.pullRequests()) {
                if (Integer.toString(pr.id).equals(p.get(2))) {
                    return then.apply(pr);
                }
            }
            return DcErrors.of(404, null, "Pull request " + p.get(2) + " does not exist in " + repo.fullName() + ".",
                    "com.atlassian.bitbucket.pull.NoSuchPullRequestException");
        });
    }

    private static List<Commit> log(PullRequest pr) {
        return graph(pr).log(List.of(pr.sourceHash()), List.of(destination(pr)));
    }

    /** @return the destination's commit the pull request is measured against: before the merge, once merged */
    private static String destination(PullRequest pr) {
        return pr.mergeCommit != null ? pr.destination.commit(pr.mergeCommit).firstParent() : pr.destinationHash();
    }

    private static CommitGraph graph(PullRequest pr) {
        Repo source = pr.source;
        Repo destination = pr.destination;
        return new CommitGraph(h -> source.commit(h) != null ? source.commit(h) : destination.commit(h));
    }
}
