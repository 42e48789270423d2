package dev.bitbridge.connector.webhooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

import dev.bitbridge.connector.bitbucket.BitbucketException;
import dev.bitbridge.connector.bitbucket.BitbucketHttp;
import dev.bitbridge.connector.bitbucket.BitbucketProblem;
import dev.bitbridge.connector.bitbucket.IntegrationAccess.Access;
import dev.bitbridge.connector.bitbucket.Pages;

/**
 * Bitbucket Data Center's repository webhooks: {@code /rest/api/1.0/projects/{key}/repos/{slug}/webhooks}, numeric
 * ids, the secret in {@code configuration.secret}. Managing them needs REPO_ADMIN.
 */
@ApplicationScoped
public class DataCenterHooks implements HookApi {

    private final BitbucketHttp http;
    private final Pages pages;

    DataCenterHooks(BitbucketHttp http, Pages pages) {
        this.http = http;
        this.pages = pages;
    }

    @Override
    public Uni<List<RemoteHook>> list(Access access, String repository) {
        return pages.all(access, hooks(access, repository) + "?limit=100")
                .map(values -> values.stream().map(DataCenterHooks::hook).toList());
    }

    @Override
    public Uni<String> create(Access access, String repository, HookSpec spec) {
        return http.call(access.target(), access.authorization(), HttpMethod.POST, hooks(access, repository),
                body(spec))
                .map(answer -> answer.json().path("id").asText());
    }

    @Override
    public Uni<Void> update(Access access, String repository, String id, HookSpec spec) {
        return http.call(access.target(), access.authorization(), HttpMethod.PUT,
                hooks(access, repository) + "/" + id, body(spec)).replaceWithVoid();
    }

    @Override
    public Uni<Void> delete(Access access, String repository, String id) {
        return http.call(access.target(), access.authorization(), HttpMethod.DELETE,
                hooks(access, repository) + "/" + id, null)
                .replaceWithVoid()
                .onFailure(e -> e instanceof BitbucketException b && b.problem() == BitbucketProblem.NOT_FOUND)
                .recoverWithNull();
    }

    /** {@code PROJECT/slug} → {@code …/projects/PROJECT/repos/slug/webhooks}. */
    private static String hooks(Access access, String repository) {
        String[] parts = repository.split("/", 2);
        return access.target().apiUrl() + "/rest/api/1.0/projects/" + parts[0] + "/repos/" + parts[1] + "/webhooks";
    }

    private static Map<String, Object> body(HookSpec spec) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", spec.name());
        body.put("url", spec.url());
        body.put("active", true);
        body.put("events", List.copyOf(spec.events()));
        body.put("configuration", Map.of("secret", spec.secret()));
        return body;
    }

    private static RemoteHook hook(JsonNode json) {
        TreeSet<String> events = new TreeSet<>();
        json.path("events").forEach(e -> events.add(e.asText()));
        Optional<String> secret = Optional.ofNullable(json.path("configuration").path("secret").asText(null));
        return new RemoteHook(json.path("id").asText(), json.path("url").asText(), json.path("active").asBoolean(),
                events, secret.isPresent(), secret);
    }
}
