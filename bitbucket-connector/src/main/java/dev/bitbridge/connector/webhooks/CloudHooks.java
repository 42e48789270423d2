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
 * Bitbucket Cloud's repository hooks: {@code /2.0/repositories/{workspace}/{slug}/hooks}, identified by
 * {@code uuid}. Cloud never returns a secret, only {@code secret_set}.
 */
@ApplicationScoped
public class CloudHooks implements HookApi {

    private final BitbucketHttp http;
    private final Pages pages;

    CloudHooks(BitbucketHttp http, Pages pages) {
        this.http = http;
        this.pages = pages;
    }

    @Override
    public Uni<List<RemoteHook>> list(Access access, String repository) {
        return pages.all(access, hooks(access, repository) + "?pagelen=100")
                .map(values -> values.stream().map(CloudHooks::hook).toList());
    }

    @Override
    public Uni<String> create(Access access, String repository, HookSpec spec) {
        return http.call(access.target(), access.authorization(), HttpMethod.POST, hooks(access, repository),
                body(spec))
                .map(answer -> answer.json().path("uuid").asText());
    }

    @Override
    public Uni<Void> update(Access access, String repository, String id, HookSpec spec) {
        return http.call(access.target(), access.authorization(), HttpMethod.PUT, hook(access, repository, id),
                body(spec)).replaceWithVoid();
    }

    @Override
    public Uni<Void> delete(Access access, String repository, String id) {
        return http.call(access.target(), access.authorization(), HttpMethod.DELETE, hook(access, repository, id),
                null)
                .replaceWithVoid()
                .onFailure(e -> e instanceof BitbucketException b && b.problem() == BitbucketProblem.NOT_FOUND)
                .recoverWithNull();
    }

    private static String hooks(Access access, String repository) {
        return access.target().apiUrl() + "/repositories/" + repository + "/hooks";
    }

    private static String hook(Access access, String repository, String id) {
        return hooks(access, repository) + "/" + id.replace("{", "%7B").replace("}", "%7D");
    }

    private static Map<String, Object> body(HookSpec spec) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("description", spec.name());
        body.put("url", spec.url());
        body.put("active", true);
        body.put("events", List.copyOf(spec.events()));
        body.put("secret", spec.secret());
        return body;
    }

    private static RemoteHook hook(JsonNode json) {
        TreeSet<String> events = new TreeSet<>();
        json.path("events").forEach(e -> events.add(e.asText()));
        return new RemoteHook(json.path("uuid").asText(), json.path("url").asText(), json.path("active").asBoolean(),
                events, json.path("secret_set").asBoolean(false), Optional.empty());
    }
}
