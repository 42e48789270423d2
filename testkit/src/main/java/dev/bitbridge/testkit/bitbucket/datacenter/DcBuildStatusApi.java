package dev.bitbridge.testkit.bitbucket.datacenter;

import java.net.URI;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.testkit.bitbucket.DcBuildStatusSupport;
import dev.bitbridge.testkit.bitbucket.auth.Principal;
import dev.bitbridge.testkit.bitbucket.http.DcErrors;
import dev.bitbridge.testkit.bitbucket.http.DcPage;
import dev.bitbridge.testkit.bitbucket.http.Router;
import dev.bitbridge.testkit.bitbucket.http.SimRequest;
import dev.bitbridge.testkit.bitbucket.http.SimResponse;
import dev.bitbridge.testkit.bitbucket.model.BuildStatus;
import dev.bitbridge.testkit.bitbucket.model.Model;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/**
 * Data Center build statuses: the repository-scoped endpoint of 7.4+ ({@code POST
 * /rest/api/latest/projects/{key}/repos/{slug}/commits/{id}/builds}: key, state, url required; CANCELLED and UNKNOWN
 * accepted as from 8.0) and the legacy {@code /rest/build-status/1.0/commits/{id}} (three states, fields at most 255
 * characters, url at most 450). Both answer 204 and need REPO_READ.
 */
final class DcBuildStatusApi {

    static final Set<String> STATES = Set.of("INPROGRESS", "SUCCESSFUL", "FAILED", "CANCELLED", "UNKNOWN");
    static final Set<String> LEGACY_STATES = Set.of("INPROGRESS", "SUCCESSFUL", "FAILED");

    static final Set<String> STATES_7 = Set.of("INPROGRESS", "SUCCESSFUL", "FAILED");

    private final Model model;
    private final DcAccess access;
    private volatile DcBuildStatusSupport support = DcBuildStatusSupport.RICH_CANCELLED;

    DcBuildStatusApi(Model model, DcAccess access) {
        this.model = model;
        this.access = access;
    }

    void register(Router<Principal> router) {
        router.add("POST", "/rest/api/1.0/projects/{key}/repos/{slug}/commits/{id}/builds",
                (r, p, who) -> support == DcBuildStatusSupport.LEGACY
                        ? DcErrors.of(404, null, "Not found: " + r.path(), null)
                        : access.withRepo(p, who, DcAccess.READ, repo -> post(r, who, repo, p.get(2), false)))
                .add("POST", "/rest/build-status/1.0/commits/{id}", (r, p, who) -> legacy(r, who, p.get(0)))
                .add("GET", "/rest/build-status/1.0/commits/{id}", (r, p, who) -> SimResponse.json(200,
                        DcPage.of(r, model.repos().stream().filter(x -> who.dcLevel(x) >= DcAccess.READ)
                                .flatMap(x -> x.statuses().stream()).filter(s -> s.commit().equals(p.get(0)))
                                .toList(), s -> {
                                    ObjectNode node = s.posted().deepCopy();
                                    return node.put("dateAdded", s.updated().toEpochMilli());
                                })));
    }

    void support(DcBuildStatusSupport support) {
        this.support = support;
    }

    private SimResponse legacy(SimRequest r, Principal who, String commit) {
        // The legacy endpoint names no repository: the status belongs to whichever visible repository has the commit.
        Repo repo = model.repos().stream().filter(x -> x.commit(commit) != null && who.dcLevel(x) >= DcAccess.READ)
                .findFirst().orElse(null);
        if (repo == null) {
            return who.anonymous() ? DcErrors.notPermitted()
                    : DcErrors.of(404, null, "Commit '" + commit + "' does not exist.", DcErrors.NO_COMMIT);
        }
        return post(r, who, repo, commit, true);
    }

    private SimResponse post(SimRequest r, Principal who, Repo repo, String commitId, boolean legacy) {
        String hash = repo.resolve(commitId);
        if (hash == null) {
            return DcErrors.of(404, null, "Commit '" + commitId + "' does not exist in repository '" + repo.slug()
                    + "'.", DcErrors.NO_COMMIT);
        }
        JsonNode body = r.json();
        if (body == null || !body.isObject()) {
            return DcErrors.invalid(null, "A JSON object is required.");
        }
        String key = body.path("key").asText("");
        String state = body.path("state").asText("");
        String url = body.path("url").asText("");
        if (key.isEmpty()) {
            return DcErrors.of(400, "key", "key must not be blank", null);
        }
        Set<String> states = legacy ? LEGACY_STATES : support == DcBuildStatusSupport.RICH ? STATES_7 : STATES;
        if (!states.contains(state)) {
            return DcErrors.of(400, "state", "state must be one of " + states, null);
        }
        if (url.isEmpty() || !absolute(url)) {
            return DcErrors.of(400, "url", "url must be a valid URL", null);
        }
        if (legacy) {
            for (String field : List.of("key", "name", "description")) {
                if (body.path(field).asText("").length() > 255) {
                    return DcErrors.of(400, field, field + " must be at most 255 characters", null);
                }
            }
            if (url.length() > 450) {
                return DcErrors.of(400, "url", "url must be at most 450 characters", null);
            }
        }
        String ref = body.path("ref").isTextual() ? body.get("ref").asText() : null;
        List<BuildStatus> statuses = repo.statuses();
        int at = statuses.size() - 1; // newest first: a build's later states follow its first soon
        while (at >= 0 && !same(statuses.get(at), hash, key, ref)) {
            at--;
        }
        BuildStatus existing = at < 0 ? null : statuses.get(at);
        BuildStatus status = new BuildStatus(hash, key, ref, state, ((ObjectNode) body).deepCopy(), who.credentialId(),
                legacy ? "legacy" : "builds", existing == null ? model.clock().now() : existing.created(),
                model.clock().now());
        if (existing == null) {
            statuses.add(status);
        } else {
            statuses.set(at, status);
        }
        return SimResponse.empty(204);
    }

    /** The identity Bitbucket keeps a status under: commit, key and ref (7.4+ keeps one per ref). */
    private static boolean same(BuildStatus status, String commit, String key, String ref) {
        return status.commit().equals(commit) && status.key().equals(key) && java.util.Objects.equals(status.ref(), ref);
    }

    private static boolean absolute(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
