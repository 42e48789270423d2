package dev.bitbridge.testkit.bitbucket.datacenter;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.bitbridge.testkit.bitbucket.auth.Principal;
import dev.bitbridge.testkit.bitbucket.http.DcErrors;
import dev.bitbridge.testkit.bitbucket.http.DcPage;
import dev.bitbridge.testkit.bitbucket.http.Router;
import dev.bitbridge.testkit.bitbucket.http.SimRequest;
import dev.bitbridge.testkit.bitbucket.http.SimResponse;
import dev.bitbridge.testkit.bitbucket.model.Hook;
import dev.bitbridge.testkit.bitbucket.model.Model;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/**
 * Data Center repository webhooks: {@code {name, url, events[], active, sslVerificationRequired, configuration:
 * {secret}}} with a numeric id; every call needs REPO_ADMIN. Unknown event keys are refused, so
 * {@code pr:reviewer:changes_requested} (Cloud's idea) gets a 400: Data Center calls it {@code pr:reviewer:needs_work}.
 */
final class DcHooksApi {

    static final Set<String> EVENTS = Set.of("repo:refs_changed", "repo:modified", "repo:forked",
            "repo:comment:added", "repo:comment:edited", "repo:comment:deleted", "repo:secret_detected",
            "mirror:repo_synchronized", "pr:opened", "pr:from_ref_updated", "pr:to_ref_updated", "pr:modified",
            "pr:reviewer:updated", "pr:reviewer:approved", "pr:reviewer:unapproved", "pr:reviewer:needs_work",
            "pr:merged", "pr:declined", "pr:deleted", "pr:comment:added", "pr:comment:edited", "pr:comment:deleted");

    private final Model model;
    private final DcAccess access;
    private final DcJson json;

    DcHooksApi(Model model, DcAccess access, DcJson json) {
        this.model = model;
        this.access = access;
        this.json = json;
    }

    void register(Router<Principal> router) {
        String hooks = "/rest/api/1.0/projects/{key}/repos/{slug}/webhooks";
        router.add("GET", hooks, (r, p, who) -> access.withRepo(p, who, DcAccess.ADMIN,
                repo -> SimResponse.json(200, DcPage.of(r, repo.hooks(), json::hook))))
                .add("POST", hooks, (r, p, who) -> access.withRepo(p, who, DcAccess.ADMIN, repo -> create(r, repo)))
                .add("GET", hooks + "/{id}", (r, p, who) -> access.withRepo(p, who, DcAccess.ADMIN,
                        repo -> withHook(repo, p.get(2), h -> SimResponse.json(200, json.hook(h)))))
                .add("PUT", hooks + "/{id}", (r, p, who) -> access.withRepo(p, who, DcAccess.ADMIN,
                        repo -> withHook(repo, p.get(2), h -> update(r, h))))
                .add("DELETE", hooks + "/{id}", (r, p, who) -> access.withRepo(p, who, DcAccess.ADMIN,
                        repo -> withHook(repo, p.get(2), h -> {
                            repo.hooks().remove(h);
                            return SimResponse.empty(204);
                        })));
    }

    private SimResponse create(SimRequest r, Repo repo) {
        JsonNode body = r.json();
        if (body == null || !body.isObject()) {
            return DcErrors.invalid(null, "A JSON object is required.");
        }
        SimResponse invalid = validate(body, true);
        if (invalid != null) {
            return invalid;
        }
        Hook hook = new Hook(model.nextHookId(), model.clock().now());
        apply(hook, body, true);
        repo.hooks().add(hook);
        return SimResponse.json(201, json.hook(hook));
    }

    private SimResponse update(SimRequest r, Hook hook) {
        JsonNode body = r.json();
        if (body == null || !body.isObject()) {
            return DcErrors.invalid(null, "A JSON object is required.");
        }
        SimResponse invalid = validate(body, false);
        if (invalid != null) {
            return invalid;
        }
        apply(hook, body, false);
        hook.updatedAt = model.clock().now();
        return SimResponse.json(200, json.hook(hook));
    }

    private static SimResponse validate(JsonNode body, boolean creating) {
        if ((creating || body.has("name")) && body.path("name").asText("").isBlank()) {
            return DcErrors.of(400, "name", "Name is required.", null);
        }
        if (creating || body.has("url")) {
            String url = body.path("url").asText("");
            try {
                URI uri = new URI(url);
                if (uri.getHost() == null || !uri.getScheme().matches("(?i)https?")) {
                    return DcErrors.of(400, "url", "The URL must be a valid http or https URL.", null);
                }
            } catch (java.net.URISyntaxException e) {
                return DcErrors.of(400, "url", "The URL must be a valid http or https URL.", null);
            }
        }
        if (creating || body.has("events")) {
            JsonNode events = body.path("events");
            if (!events.isArray() || events.isEmpty()) {
                return DcErrors.of(400, "events", "At least one event is required.", null);
            }
            for (JsonNode event : events) {
                if (!EVENTS.contains(event.asText())) {
                    return DcErrors.of(400, "events", "Invalid event id: " + event.asText(), null);
                }
            }
        }
        return null;
    }

    private static void apply(Hook hook, JsonNode body, boolean creating) {
        if (body.has("name")) {
            hook.description = body.get("name").asText();
        }
        if (body.has("url")) {
            hook.url = body.get("url").asText();
        }
        if (body.has("events")) {
            Set<String> events = new LinkedHashSet<>();
            body.get("events").forEach(e -> events.add(e.asText()));
            hook.events = List.copyOf(events);
        }
        if (creating || body.has("active")) {
            hook.active = body.path("active").asBoolean(true);
        }
        if (creating || body.has("sslVerificationRequired")) {
            hook.sslVerificationRequired = body.path("sslVerificationRequired").asBoolean(true);
        }
        if (creating || body.has("configuration")) {
            JsonNode secret = body.path("configuration").path("secret");
            hook.secret = secret.isTextual() && !secret.asText().isEmpty() ? secret.asText() : null;
        }
    }

    private static SimResponse withHook(Repo repo, String id, java.util.function.Function<Hook, SimResponse> then) {
        Hook hook = repo.hook(id);
        return hook == null ? DcErrors.of(404, null, "No webhook with id '" + id + "' exists.", DcErrors.NO_WEBHOOK)
                : then.apply(hook);
    }
}
