package dev.bitbridge.testkit.bitbucket.datacenter;

import java.util.ArrayList;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.testkit.bitbucket.DcBuildStatusSupport;
import dev.bitbridge.testkit.bitbucket.auth.Principal;
import dev.bitbridge.testkit.bitbucket.http.DcErrors;
import dev.bitbridge.testkit.bitbucket.http.DcPage;
import dev.bitbridge.testkit.bitbucket.http.Json;
import dev.bitbridge.testkit.bitbucket.http.Router;
import dev.bitbridge.testkit.bitbucket.http.SimRequest;
import dev.bitbridge.testkit.bitbucket.http.SimResponse;
import dev.bitbridge.testkit.bitbucket.model.Model;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/**
 * The Bitbucket Data Center endpoints a client needs to test a connection and read what a webhook announced:
 * repositories and branches here, commits and their changes ({@link DcCommitsApi}), pull requests
 * ({@link DcPullRequestsApi}), plus webhooks ({@link DcHooksApi}) and build statuses ({@link DcBuildStatusApi}).
 * {@code /rest/api/latest} is served as
 * {@code /rest/api/1.0}, as on a real server.
 */
public final class DataCenterApi {

    /** The version {@code application-properties} reports. */
    public static final String VERSION = "9.4.0";

    private final Model model;
    private final DcAccess access;
    private final Router<Principal> router = new Router<>();
    private final DcBuildStatusApi buildStatuses;
    private volatile DcBuildStatusSupport buildStatusSupport = DcBuildStatusSupport.RICH_CANCELLED;

    public DataCenterApi(Model model, String origin) {
        this.model = model;
        this.access = new DcAccess(model);
        DcJson json = new DcJson(origin);
        String repo = "/rest/api/1.0/projects/{key}/repos/{slug}";
        router.add("GET", "/rest/api/1.0/application-properties", (r, p, who) -> applicationProperties())
                .add("GET", "/rest/capabilities", (r, p, who) -> capabilities(origin))
                .add("GET", "/rest/api/1.0/build/capabilities", (r, p, who) -> buildCapabilities())
                .add("GET", "/rest/api/1.0/repos", (r, p, who) -> SimResponse.json(200, DcPage.of(r,
                        model.repos().stream().filter(x -> who.dcLevel(x) >= DcAccess.READ).toList(),
                        json::repository)))
                .add("GET", "/rest/api/1.0/projects/{key}/repos", (r, p, who) -> model.owner(p.get(0)) == null
                        ? DcErrors.noProject(p.get(0))
                        : SimResponse.json(200, DcPage.of(r, model.owner(p.get(0)).repos().stream()
                                .filter(x -> who.dcLevel(x) >= DcAccess.READ).toList(), json::repository)))
                .add("GET", repo, (r, p, who) -> access.withRepo(p, who, DcAccess.READ,
                        x -> SimResponse.json(200, json.repository(x))))
                .add("GET", repo + "/branches", (r, p, who) -> access.withRepo(p, who, DcAccess.READ,
                        x -> SimResponse.json(200, DcPage.of(r, branches(r, x), b -> branch(x, b)))));
        DcCommitsApi commits = new DcCommitsApi(access, json);
        commits.register(router);
        new DcPullRequestsApi(access, json, commits).register(router);
        new DcHooksApi(model, access, json).register(router);
        this.buildStatuses = new DcBuildStatusApi(model, access);
        buildStatuses.register(router);
    }

    /** Plays a server version with this build-status support. */
    public void buildStatusSupport(DcBuildStatusSupport support) {
        this.buildStatusSupport = support;
        buildStatuses.support(support);
    }

    /** @return the answer to an authenticated (or anonymous) request */
    public SimResponse handle(SimRequest request, Principal who) {
        String raw = request.uri().getRawPath();
        String path = raw.replaceFirst("^/rest/api/latest/", "/rest/api/1.0/");
        SimRequest normalized = path.equals(raw) ? request
                : new SimRequest(request.method(), request.uri().resolve(path + (request.uri().getRawQuery() == null
                        ? ""
                        : "?" + request.uri().getRawQuery())), request.headers(), request.body(),
                        request.origin());
        SimResponse answer;
        synchronized (model) {
            answer = router.route(normalized, who, r -> DcErrors.of(404, null, "Not found: " + r.path(), null),
                    r -> DcErrors.of(405, null, "Method " + r.method() + " is not allowed", null));
        }
        if (!who.anonymous()) {
            // Data Center names the authenticated user on every answer; clients read it to learn who they are.
            answer.header("X-AUSERNAME", who.account().name()).header("X-AUSERID",
                    Long.toString(who.account().numericId()));
        }
        return answer;
    }

    private static SimResponse applicationProperties() {
        return SimResponse.json(200, Json.object().put("version", VERSION).put("buildNumber", "9004000")
                .put("buildDate", "1700000000000").put("displayName", "Bitbucket"));
    }

    private SimResponse capabilities(String origin) {
        ObjectNode body = Json.object().put("application", "stash");
        ObjectNode capabilities = body.putObject("capabilities");
        if (buildStatusSupport != DcBuildStatusSupport.LEGACY) {
            capabilities.put("build", origin + "/rest/api/latest/build/capabilities");
        }
        return SimResponse.json(200, body);
    }

    private SimResponse buildCapabilities() {
        if (buildStatusSupport == DcBuildStatusSupport.LEGACY) {
            return DcErrors.of(404, null, "Not found: /rest/api/1.0/build/capabilities", null);
        }
        ObjectNode body = Json.object();
        var list = body.putArray("buildStatus").add("richBuildStatus");
        if (buildStatusSupport == DcBuildStatusSupport.RICH_CANCELLED) {
            list.add("cancelledStatus").add("unknownStatus");
        }
        return SimResponse.json(200, body);
    }

    /**
     * The branches {@code GET …/branches} lists, as Data Center's REST documentation describes its parameters:
     * {@code filterText} keeps the branches whose name contains the text (ignoring case); {@code orderBy=ALPHABETICAL}
     * sorts by name (otherwise creation order stands in for MODIFICATION); {@code boostMatches=true} puts the exact
     * match first, then the names starting with the text.
     */
    private static java.util.List<String> branches(SimRequest r, Repo repo) {
        java.util.List<String> names = new ArrayList<>(repo.branches().keySet());
        String filter = r.query("filterText");
        if (filter != null && !filter.isEmpty()) {
            String lower = filter.toLowerCase(java.util.Locale.ROOT);
            names.removeIf(n -> !n.toLowerCase(java.util.Locale.ROOT).contains(lower));
        }
        if ("ALPHABETICAL".equals(r.query("orderBy"))) {
            names.sort(null);
        }
        if (filter != null && "true".equals(r.query("boostMatches"))) {
            String lower = filter.toLowerCase(java.util.Locale.ROOT);
            names.sort(java.util.Comparator.comparingInt(n -> n.equals(filter) ? 0
                    : n.toLowerCase(java.util.Locale.ROOT).startsWith(lower) ? 1 : 2));
        }
        return names;
    }

    private static ObjectNode branch(Repo repo, String name) {
        return Json.object().put("id", "refs/heads/" + name).put("displayId", name).put("type", "BRANCH")
                .put("latestCommit", repo.branch(name)).put("latestChangeset", repo.branch(name))
                .put("isDefault", name.equals(repo.mainBranch()));
    }

}
