package dev.bitbridge.testkit.bitbucket.datacenter;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.testkit.bitbucket.auth.Principal;
import dev.bitbridge.testkit.bitbucket.http.DcErrors;
import dev.bitbridge.testkit.bitbucket.http.DcPage;
import dev.bitbridge.testkit.bitbucket.http.Json;
import dev.bitbridge.testkit.bitbucket.http.Router;
import dev.bitbridge.testkit.bitbucket.http.SimRequest;
import dev.bitbridge.testkit.bitbucket.http.SimResponse;
import dev.bitbridge.testkit.bitbucket.model.Commit;
import dev.bitbridge.testkit.bitbucket.model.FileDiff;
import dev.bitbridge.testkit.bitbucket.model.FileTree;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/**
 * Data Center commits, all needing REPO_READ: {@code GET .../commits?since=&until=} ({@code git log until ^since},
 * {@code until} defaulting to the default branch; shaped like
 * {@code jenkins-bbs/server/1.0-...-commits_since_..._until_....json}), {@code .../commits/{id}}, and
 * {@code .../commits/{id}/changes?since=} (against {@code since}, else the first parent; shaped like
 * {@code go-scm/server/changes.json}).
 */
final class DcCommitsApi {

    private final DcAccess access;
    private final DcJson json;

    DcCommitsApi(DcAccess access, DcJson json) {
        this.access = access;
        this.json = json;
    }

    void register(Router<Principal> router) {
        String repo = "/rest/api/1.0/projects/{key}/repos/{slug}";
        router.add("GET", repo + "/commits", (r, p, who) -> access.withRepo(p, who, DcAccess.READ,
                x -> commits(r, x)))
                .add("GET", repo + "/commits/{id}", (r, p, who) -> access.withRepo(p, who, DcAccess.READ,
                        x -> x.resolve(p.get(2)) == null ? noCommit(x, p.get(2))
                                : SimResponse.json(200, json.commit(x.commit(x.resolve(p.get(2)))))))
                .add("GET", repo + "/commits/{id}/changes", (r, p, who) -> access.withRepo(p, who, DcAccess.READ,
                        x -> changes(r, x, p.get(2))));
    }

    private SimResponse commits(SimRequest r, Repo repo) {
        String untilSpec = r.query("until") == null ? repo.mainBranch() : r.query("until");
        String until = repo.resolve(untilSpec);
        if (until == null) {
            return noCommit(repo, untilSpec);
        }
        String since = r.query("since");
        if (since != null && repo.resolve(since) == null) {
            return noCommit(repo, since);
        }
        List<String> exclude = since == null ? List.of() : List.of(repo.resolve(since));
        return SimResponse.json(200, DcPage.of(r, repo.log(List.of(until), exclude), json::commit));
    }

    private SimResponse changes(SimRequest r, Repo repo, String id) {
        String hash = repo.resolve(id);
        if (hash == null) {
            return noCommit(repo, id);
        }
        String sinceSpec = r.query("since");
        String since = sinceSpec == null ? repo.commit(hash).firstParent() : repo.resolve(sinceSpec);
        if (sinceSpec != null && since == null) {
            return noCommit(repo, sinceSpec);
        }
        return SimResponse.json(200, changesPage(r, repo, hash, since, sinceSpec == null ? null : since, false));
    }

    /**
     * @param from the commit compared against ({@code null}: nothing, all files added)
     * @param fromHash what the answer's {@code fromHash} shows ({@code null} unless {@code since} was given, as in
     *        the capture)
     */
    ObjectNode changesPage(SimRequest r, Repo repo, String to, String from, String fromHash, boolean firstOnly) {
        Commit until = repo.commit(to);
        FileTree before = from == null ? FileTree.EMPTY : repo.commit(from).tree();
        List<FileDiff> diffs = until.tree().diff(before);
        ObjectNode page = firstOnly ? DcPage.firstOnly(r, diffs, d -> json.change(repo, to, d))
                : DcPage.of(r, diffs, d -> json.change(repo, to, d));
        ObjectNode body = Json.object();
        if (fromHash == null) {
            body.putNull("fromHash");
        } else {
            body.put("fromHash", fromHash);
        }
        body.put("toHash", to).putObject("properties");
        body.setAll(page);
        return body;
    }

    static SimResponse noCommit(Repo repo, String id) {
        return DcErrors.of(404, null, "Commit '" + id + "' does not exist in repository '" + repo.slug() + "'.",
                DcErrors.NO_COMMIT);
    }
}
