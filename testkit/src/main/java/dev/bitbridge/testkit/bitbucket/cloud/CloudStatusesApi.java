package dev.bitbridge.testkit.bitbucket.cloud;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.testkit.bitbucket.auth.CloudScope;
import dev.bitbridge.testkit.bitbucket.auth.Principal;
import dev.bitbridge.testkit.bitbucket.delivery.EventSink;
import dev.bitbridge.testkit.bitbucket.http.CloudErrors;
import dev.bitbridge.testkit.bitbucket.http.CloudPage;
import dev.bitbridge.testkit.bitbucket.http.Json;
import dev.bitbridge.testkit.bitbucket.http.Router;
import dev.bitbridge.testkit.bitbucket.http.SimRequest;
import dev.bitbridge.testkit.bitbucket.http.SimResponse;
import dev.bitbridge.testkit.bitbucket.model.BuildStatus;
import dev.bitbridge.testkit.bitbucket.model.Model;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/**
 * Cloud commit build statuses: {@code POST .../commit/{hash}/statuses/build}, {@code GET}/{@code PUT
 * .../statuses/build/{key}}, {@code GET .../statuses}. {@code key} is required and at most 40 characters, {@code url}
 * is required and must be a URL, {@code state} one of four; the same key and {@code refname} overwrite. Each post
 * echoes {@code repo:commit_status_created} or {@code _updated} to hooks, as Bitbucket does.
 */
final class CloudStatusesApi {

    static final int MAX_KEY = 40;
    static final Set<String> STATES = Set.of("INPROGRESS", "SUCCESSFUL", "FAILED", "STOPPED");

    private final Model model;
    private final CloudAccess access;
    private final CloudJson json;
    private final EventSink events;

    CloudStatusesApi(Model model, CloudAccess access, CloudJson json, EventSink events) {
        this.model = model;
        this.access = access;
        this.json = json;
        this.events = events;
    }

    void register(Router<Principal> router) {
        String base = "/2.0/repositories/{ws}/{slug}/commit/{hash}/statuses";
        router.add("POST", base + "/build", (r, p, who) -> post(r, p, who, null))
                .add("PUT", base + "/build/{key}", (r, p, who) -> post(r, p, who, p.get(3)))
                .add("GET", base + "/build/{key}", (r, p, who) -> read(p, who))
                .add("GET", base, (r, p, who) -> list(r, p, who));
    }

    private SimResponse post(SimRequest r, List<String> p, Principal who, String pathKey) {
        SimResponse refused = access.scopes(who, CloudScope.REPOSITORY);
        if (refused != null) {
            return refused;
        }
        Repo repo = access.repo(who, p.get(0), p.get(1));
        if (repo == null) {
            return CloudAccess.noRepository();
        }
        String hash = repo.resolve(p.get(2));
        if (hash == null) {
            return CloudErrors.notFound("Commit not found");
        }
        JsonNode body = r.json();
        if (body == null || !body.isObject()) {
            return CloudErrors.badRequest("Bad request", Map.of("body", "A JSON object is required."));
        }
        String key = pathKey != null ? pathKey : body.path("key").asText("");
        String refname = body.path("refname").isTextual() ? body.get("refname").asText() : null;
        BuildStatus existing = find(repo, hash, key, pathKey != null ? null : refname, pathKey != null);
        if (pathKey != null && existing == null) {
            return CloudErrors.notFound("Build status not found");
        }
        String state = body.path("state").asText(existing == null ? "" : existing.state());
        String url = body.has("url") ? body.path("url").asText("")
                : existing == null ? ""
                        : existing.posted()
                                .path("url").asText("");
        SimResponse invalid = validate(key, state, url);
        if (invalid != null) {
            return invalid;
        }
        if (existing != null && existing.ref() != null && refname == null) {
            refname = existing.ref(); // a refname cannot be cleared once set
        }
        ObjectNode posted = ((ObjectNode) body).deepCopy();
        BuildStatus status = new BuildStatus(hash, key, refname, state, posted, who.credentialId(), "cloud",
                existing == null ? model.clock().now() : existing.created(), model.clock().now());
        if (existing != null) {
            repo.statuses().set(repo.statuses().indexOf(existing), status);
        } else {
            repo.statuses().add(status);
        }
        ObjectNode rendered = statusJson(repo, status);
        ObjectNode event = Json.object();
        event.set("commit_status", rendered);
        event.set("repository", json.repository(repo, null));
        event.set("actor", who.account() == null ? null : json.account(who.account()));
        events.emit(repo, existing == null ? "repo:commit_status_created" : "repo:commit_status_updated", event);
        return SimResponse.json(pathKey != null ? 200 : 201, rendered);
    }

    private static SimResponse validate(String key, String state, String url) {
        if (key.isEmpty()) {
            return CloudErrors.badRequest("key: This field is required.", Map.of("key", "This field is required."));
        }
        if (key.length() > MAX_KEY) {
            return CloudErrors.badRequest("key: Ensure this value has at most " + MAX_KEY + " characters.",
                    Map.of("key", "Ensure this value has at most " + MAX_KEY + " characters."));
        }
        if (!STATES.contains(state)) {
            return CloudErrors.badRequest("state: Invalid state.", Map.of("state", "Invalid state."));
        }
        if (url.isEmpty()) {
            return CloudErrors.badRequest("url: This field is required.", Map.of("url", "This field is required."));
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new java.net.URISyntaxException(url, "not absolute");
            }
        } catch (java.net.URISyntaxException e) {
            return CloudErrors.badRequest("url: Enter a valid URL.", Map.of("url", "Enter a valid URL."));
        }
        return null;
    }

    private SimResponse read(List<String> p, Principal who) {
        SimResponse refused = access.scopes(who, CloudScope.REPOSITORY);
        if (refused != null) {
            return refused;
        }
        Repo repo = access.repo(who, p.get(0), p.get(1));
        if (repo == null) {
            return CloudAccess.noRepository();
        }
        BuildStatus status = find(repo, repo.resolve(p.get(2)), p.get(3), null, true);
        return status == null ? CloudErrors.notFound("Build status not found")
                : SimResponse.json(200, statusJson(repo, status));
    }

    private SimResponse list(SimRequest r, List<String> p, Principal who) {
        SimResponse refused = access.scopes(who, CloudScope.REPOSITORY);
        if (refused != null) {
            return refused;
        }
        Repo repo = access.repo(who, p.get(0), p.get(1));
        if (repo == null) {
            return CloudAccess.noRepository();
        }
        String hash = repo.resolve(p.get(2));
        return CloudPage.of(r, repo.statuses().stream().filter(s -> s.commit().equals(hash)).toList(),
                CloudPage.MAX_PAGELEN, s -> statusJson(repo, s));
    }

    private static BuildStatus find(Repo repo, String hash, String key, String refname, boolean anyRef) {
        return repo.statuses().stream()
                .filter(s -> s.commit().equals(hash) && s.key().equals(key))
                .filter(s -> anyRef || java.util.Objects.equals(s.ref(), refname))
                .findFirst().orElse(null);
    }

    private ObjectNode statusJson(Repo repo, BuildStatus s) {
        ObjectNode posted = s.posted();
        ObjectNode node = Json.object().put("key", s.key()).put("type", "build").put("state", s.state())
                .put("name", posted.path("name").asText(null)).put("refname", s.ref());
        node.putObject("commit").put("hash", s.commit()).put("type", "commit")
                .set("links", json.commitLinks(repo, s.commit()));
        node.put("url", posted.path("url").asText());
        node.set("repository", json.repositoryMini(repo));
        node.put("description", posted.path("description").asText(""))
                .put("created_on", CloudJson.timestamp(s.created())).put("updated_on", CloudJson.timestamp(s.updated()));
        String self = json.apiBase() + "/repositories/" + repo.fullName() + "/commit/" + s.commit();
        node.putObject("links").<ObjectNode> set("self", Json.href(self + "/statuses/build/" + s.key()))
                .set("commit", Json.href(self));
        return node;
    }
}
