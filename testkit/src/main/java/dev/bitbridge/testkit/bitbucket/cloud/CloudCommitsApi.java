package dev.bitbridge.testkit.bitbucket.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.bitbridge.testkit.bitbucket.auth.CloudScope;
import dev.bitbridge.testkit.bitbucket.auth.Principal;
import dev.bitbridge.testkit.bitbucket.http.CloudErrors;
import dev.bitbridge.testkit.bitbucket.http.CloudPage;
import dev.bitbridge.testkit.bitbucket.http.Router;
import dev.bitbridge.testkit.bitbucket.http.SimRequest;
import dev.bitbridge.testkit.bitbucket.http.SimResponse;
import dev.bitbridge.testkit.bitbucket.model.Commit;
import dev.bitbridge.testkit.bitbucket.model.CommitGraph;
import dev.bitbridge.testkit.bitbucket.model.FileDiff;
import dev.bitbridge.testkit.bitbucket.model.FileTree;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/**
 * Cloud commits: {@code GET .../commits} and {@code .../commits/{revision}} with repeatable {@code include} and
 * {@code exclude} (also {@code POST .../commits} with them in a form body), {@code GET .../commit/{hash}}, and
 * {@code GET .../diffstat/{spec}}. All need the repository read scope.
 *
 * <p>
 * Semantics from Bitbucket Cloud's OpenAPI description: without {@code include} or a revision, commits of every branch
 * and tag ({@code git log --all}); otherwise {@code git log include... ^exclude...}, newest first. A diffstat spec is
 * one commit (against its first parent) or {@code new..old} — the opposite of {@code git diff}'s order; with
 * {@code topic=true}, or when neither {@code topic} nor {@code merge=false} is given, it is the "three-dot" diff from
 * the merge base of both to {@code new}, else a plain diff from {@code old}. A side may name a fork as
 * {@code workspace/slug:hash}, and {@code new} and {@code old} may be joined by a CR ({@code %0D}) instead of
 * {@code ..}, as in a pull request's diffstat link.
 */
final class CloudCommitsApi {

    private final CloudAccess access;
    private final CloudJson json;

    CloudCommitsApi(CloudAccess access, CloudJson json) {
        this.access = access;
        this.json = json;
    }

    void register(Router<Principal> router) {
        String repo = "/2.0/repositories/{ws}/{slug}";
        router.add("GET", repo + "/commit/{hash}", (r, p, who) -> read(who, p, x -> commit(x, p.get(2))))
                .add("GET", repo + "/commits", (r, p, who) -> read(who, p, x -> commits(r, x, r.queryAll(), null)))
                .add("POST", repo + "/commits", (r, p, who) -> read(who, p, x -> commits(r, x, r.formBody(), null)))
                .add("GET", repo + "/commits/{rev*}", (r, p, who) -> read(who, p, x -> commits(r, x, r.queryAll(),
                        p.get(2))))
                .add("GET", repo + "/diffstat/{spec*}", (r, p, who) -> read(who, p, x -> diffstat(r, who, x,
                        p.get(2))));
    }

    private SimResponse read(Principal who, List<String> p, Function<Repo, SimResponse> then) {
        return access.withRepo(who, p.get(0), p.get(1), CloudScope.REPOSITORY, then);
    }

    private SimResponse commit(Repo repo, String rev) {
        String hash = repo.resolve(rev);
        return hash == null ? notFound() : SimResponse.json(200, json.commitResource(repo, repo.commit(hash)));
    }

    private SimResponse commits(SimRequest r, Repo repo, Map<String, List<String>> params, String rev) {
        List<String> specs = new ArrayList<>();
        if (rev != null) {
            specs.add(rev);
        }
        specs.addAll(params.getOrDefault("include", List.of()));
        if (specs.isEmpty()) {
            specs.addAll(repo.branches().keySet());
            specs.addAll(repo.tags().keySet());
        }
        List<String> include = new ArrayList<>();
        for (String spec : specs) {
            String hash = repo.resolve(spec);
            if (hash == null) {
                return notFound();
            }
            include.add(hash);
        }
        List<String> exclude = params.getOrDefault("exclude", List.of()).stream().map(repo::resolve)
                .filter(java.util.Objects::nonNull).toList();
        List<Commit> log = repo.log(include, exclude);
        return CloudPage.of(r, params, log, CloudPage.COMMITS, c -> json.commitResource(repo, c));
    }

    private SimResponse diffstat(SimRequest r, Principal who, Repo repo, String spec) {
        int cr = spec.indexOf('\r');
        int dots = spec.indexOf("..");
        boolean range = cr >= 0 || dots >= 0;
        Side newer = side(who, repo, range ? spec.substring(0, cr >= 0 ? cr : dots) : spec);
        Side older = !range ? newer : side(who, repo, spec.substring(cr >= 0 ? cr + 1 : dots + 2));
        if (newer == null || older == null) {
            return notFound();
        }
        Function<String, Commit> commits = h -> newer.repo.commit(h) != null ? newer.repo.commit(h)
                : older.repo.commit(h);
        Commit head = commits.apply(newer.hash);
        String base = !range ? head.firstParent()
                : threeDot(r) ? new CommitGraph(commits).mergeBase(newer.hash, older.hash) : older.hash;
        List<FileDiff> diffs = new ArrayList<>(head.tree().diff(base == null ? FileTree.EMPTY
                : commits.apply(base).tree()));
        List<String> paths = r.queryAll().getOrDefault("path", List.of());
        if (!paths.isEmpty()) {
            diffs.removeIf(d -> !paths.contains(d.newPath()) && !paths.contains(d.oldPath()));
        }
        return CloudPage.of(r, r.queryAll(), diffs, CloudPage.DIFFSTAT, d -> json.diffstat(repo, d, base,
                newer.hash));
    }

    /** A commit named in a diff spec, and the repository holding it. */
    private record Side(Repo repo, String hash) {
    }

    /** @return the commit a spec side names ({@code rev} or {@code workspace/slug:rev}), or {@code null} */
    private Side side(Principal who, Repo repo, String text) {
        Repo in = repo;
        String rev = text;
        int colon = text.lastIndexOf(':');
        if (colon > 0 && text.substring(0, colon).contains("/")) {
            String[] name = text.substring(0, colon).split("/", 2);
            in = access.repo(who, name[0], name[1]);
            rev = text.substring(colon + 1);
        }
        String hash = in == null ? null : in.resolve(rev);
        return hash == null ? null : new Side(in, hash);
    }

    private static boolean threeDot(SimRequest r) {
        String topic = r.query("topic");
        if (topic != null) {
            return Boolean.parseBoolean(topic);
        }
        String merge = r.query("merge");
        return merge == null || Boolean.parseBoolean(merge);
    }

    private static SimResponse notFound() {
        return CloudErrors.notFound("Commit not found");
    }
}
