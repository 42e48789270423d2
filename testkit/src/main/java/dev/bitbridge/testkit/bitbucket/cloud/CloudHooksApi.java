package dev.bitbridge.testkit.bitbucket.cloud;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.testkit.bitbucket.auth.CloudScope;
import dev.bitbridge.testkit.bitbucket.auth.Principal;
import dev.bitbridge.testkit.bitbucket.http.CloudErrors;
import dev.bitbridge.testkit.bitbucket.http.CloudPage;
import dev.bitbridge.testkit.bitbucket.http.Json;
import dev.bitbridge.testkit.bitbucket.http.Router;
import dev.bitbridge.testkit.bitbucket.http.SimRequest;
import dev.bitbridge.testkit.bitbucket.http.SimResponse;
import dev.bitbridge.testkit.bitbucket.model.Hook;
import dev.bitbridge.testkit.bitbucket.model.Model;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/**
 * Cloud repository webhooks ({@code webhook_subscription}): list, create, read, update, delete. The secret is never
 * returned ({@code secret_set} instead); on update, leaving {@code secret} out keeps it and {@code null} or {@code ""}
 * removes it. Creating or changing a hook needs the {@code webhook} scope plus the scopes of its events.
 */
final class CloudHooksApi {

    static final Set<String> EVENTS = Set.of("repo:push", "repo:fork", "repo:updated", "repo:transfer",
            "repo:imported", "repo:commit_comment_created", "repo:commit_status_created", "repo:commit_status_updated",
            "issue:created", "issue:updated", "issue:comment_created", "pullrequest:created", "pullrequest:updated",
            "pullrequest:approved", "pullrequest:unapproved", "pullrequest:changes_request_created",
            "pullrequest:changes_request_removed", "pullrequest:fulfilled", "pullrequest:rejected",
            "pullrequest:comment_created", "pullrequest:comment_updated", "pullrequest:comment_deleted",
            "pullrequest:comment_resolved", "pullrequest:comment_reopened");
    static final int MAX_SECRET = 128;

    private final Model model;
    private final CloudAccess access;
    private final CloudJson json;
    private final CloudHookPolicy policy;

    CloudHooksApi(Model model, CloudAccess access, CloudJson json, CloudHookPolicy policy) {
        this.model = model;
        this.access = access;
        this.json = json;
        this.policy = policy;
    }

    void register(Router<Principal> router) {
        String hooks = "/2.0/repositories/{ws}/{slug}/hooks";
        router.add("GET", hooks, (r, p, who) -> list(r, p, who))
                .add("POST", hooks, (r, p, who) -> create(r, p, who))
                .add("GET", hooks + "/{uid}", (r, p, who) -> withHook(p, who, CloudScope.WEBHOOK_READ,
                        (repo, hook) -> SimResponse.json(200, hookJson(repo, hook))))
                .add("PUT", hooks + "/{uid}", (r, p, who) -> update(r, p, who))
                .add("DELETE", hooks + "/{uid}", (r, p, who) -> withHook(p, who, CloudScope.WEBHOOK_DELETE,
                        (repo, hook) -> {
                            repo.hooks().remove(hook);
                            // Bitbucket Cloud's empty answers still carry a content type (Django's default). The
                            // client generated from its OpenAPI description reads it on every answer and fails on a
                            // 204 without one (NpmClientFidelityTest found this).
                            return SimResponse.empty(204).header("Content-Type", "text/html; charset=utf-8");
                        }));
    }

    private SimResponse list(SimRequest r, List<String> p, Principal who) {
        SimResponse refused = access.scopes(who, CloudScope.WEBHOOK_READ);
        if (refused != null) {
            return refused;
        }
        Repo repo = access.repo(who, p.get(0), p.get(1));
        return repo == null ? CloudAccess.noRepository()
                : CloudPage.of(r, repo.hooks(), CloudPage.MAX_PAGELEN, h -> hookJson(repo, h));
    }

    private SimResponse create(SimRequest r, List<String> p, Principal who) {
        JsonNode body = r.json();
        if (body == null || !body.isObject()) {
            return CloudErrors.badRequest("Bad request", Map.of("body", "A JSON object is required."));
        }
        Repo repo = access.repo(who, p.get(0), p.get(1));
        SimResponse invalid = validate(body, true, who);
        if (invalid != null) {
            return invalid;
        }
        if (repo == null) {
            return CloudAccess.noRepository();
        }
        Hook hook = new Hook(model.nextHookId(), model.clock().now());
        apply(hook, body, true);
        repo.hooks().add(hook);
        return SimResponse.json(201, hookJson(repo, hook)).header("Location",
                json.apiBase() + "/repositories/" + repo.fullName() + "/hooks/" + hook.id);
    }

    private SimResponse update(SimRequest r, List<String> p, Principal who) {
        JsonNode body = r.json();
        if (body == null || !body.isObject()) {
            return CloudErrors.badRequest("Bad request", Map.of("body", "A JSON object is required."));
        }
        return withHook(p, who, CloudScope.WEBHOOK_WRITE, (repo, hook) -> {
            SimResponse invalid = validate(body, false, who);
            if (invalid != null) {
                return invalid;
            }
            apply(hook, body, false);
            hook.updatedAt = model.clock().now();
            return SimResponse.json(200, hookJson(repo, hook));
        });
    }

    /** Checks fields and the scopes the subscribed events need; {@code null} when fine. */
    private SimResponse validate(JsonNode body, boolean creating, Principal who) {
        List<CloudScope> needed = new ArrayList<>(List.of(CloudScope.WEBHOOK_WRITE));
        if (creating || body.has("url")) {
            String url = body.path("url").asText("");
            URI uri = url.isEmpty() ? null : parse(url);
            if (uri == null) {
                return CloudErrors.badRequest("Bad request", Map.of("url", url.isEmpty() ? "This field is required."
                        : "Enter a valid URL."));
            }
            if (policy.refuses(uri)) {
                return CloudErrors.badRequest("Bad request", Map.of("url", "The URL must not resolve to an internal "
                        + "address."));
            }
        }
        if (creating || body.has("events")) {
            JsonNode events = body.path("events");
            if (!events.isArray() || events.isEmpty()) {
                return CloudErrors.badRequest("Bad request", Map.of("events", "This field is required."));
            }
            for (JsonNode event : events) {
                if (!EVENTS.contains(event.asText())) {
                    return CloudErrors.badRequest("Bad request", Map.of("events", "Invalid event: " + event.asText()));
                }
                needed.add(event.asText().startsWith("pullrequest:") ? CloudScope.PULLREQUEST
                        : event.asText().startsWith("issue:") ? CloudScope.ISSUE : CloudScope.REPOSITORY);
            }
        }
        if (body.path("secret").isTextual() && body.get("secret").asText().length() > MAX_SECRET) {
            return CloudErrors.badRequest("Bad request", Map.of("secret", "Ensure this value has at most "
                    + MAX_SECRET + " characters."));
        }
        return access.scopes(who, needed.toArray(CloudScope[]::new));
    }

    private static void apply(Hook hook, JsonNode body, boolean creating) {
        if (body.has("url")) {
            hook.url = body.get("url").asText();
        }
        if (creating || body.has("description")) {
            hook.description = body.path("description").asText("");
        }
        if (body.has("events")) {
            Set<String> events = new LinkedHashSet<>();
            body.get("events").forEach(e -> events.add(e.asText()));
            hook.events = List.copyOf(events);
        }
        if (creating || body.has("active")) {
            hook.active = body.path("active").asBoolean(true);
        }
        if (body.has("secret")) {
            JsonNode secret = body.get("secret");
            hook.secret = secret.isNull() || secret.asText().isEmpty() ? null : secret.asText();
        }
    }

    private SimResponse withHook(List<String> p, Principal who, CloudScope scope,
            java.util.function.BiFunction<Repo, Hook, SimResponse> then) {
        SimResponse refused = access.scopes(who, scope);
        if (refused != null) {
            return refused;
        }
        Repo repo = access.repo(who, p.get(0), p.get(1));
        if (repo == null) {
            return CloudAccess.noRepository();
        }
        String uid = java.net.URLDecoder.decode(p.get(2), java.nio.charset.StandardCharsets.UTF_8);
        Hook hook = repo.hook(uid.startsWith("{") ? uid : "{" + uid + "}");
        return hook == null ? CloudErrors.notFound("Resource not found") : then.apply(repo, hook);
    }

    ObjectNode hookJson(Repo repo, Hook hook) {
        ObjectNode node = Json.object().put("type", "webhook_subscription").put("uuid", hook.id).put("url", hook.url)
                .put("description", hook.description).put("subject_type", "repository");
        node.set("subject", json.repositoryMini(repo));
        node.put("active", hook.active).put("created_at", CloudJson.timestamp(hook.createdAt));
        node.putArray("events").addAll(hook.events.stream().sorted().map(Json.MAPPER.getNodeFactory()::textNode)
                .toList());
        node.put("secret_set", hook.secret != null);
        node.putObject("links").set("self", Json.href(json.apiBase() + "/repositories/" + repo.fullName()
                + "/hooks/" + hook.id));
        return node;
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? uri : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
