package dev.bitbridge.connector.webhooks;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

import dev.bitbridge.connector.bitbucket.BitbucketException;
import dev.bitbridge.connector.bitbucket.BitbucketHttp;
import dev.bitbridge.connector.bitbucket.BitbucketProblem;
import dev.bitbridge.connector.bitbucket.IntegrationAccess.Access;
import dev.bitbridge.connector.bitbucket.Pages;

/**
 * A repository's hooks on one flavor of Bitbucket (subclasses are {@code @Singleton}: a client proxy would need a
 * no-argument constructor). The calls are the same REST shape on both; where the hooks live,
 * how they are written and read, and what identifies one differ by flavor.
 */
public abstract class HookApi {

    private final BitbucketHttp http;
    private final Pages pages;

    HookApi(BitbucketHttp http, Pages pages) {
        this.http = http;
        this.pages = pages;
    }

    /** @return the URL of the repository's hook collection */
    abstract String hooksUrl(Access access, String repository);

    /** @return the URL of one hook */
    abstract String hookUrl(Access access, String repository, String id);

    /** @return the query asking for the largest page this flavor allows */
    abstract String largestPage();

    /** @return the answer field that holds a new hook's id */
    abstract String idField();

    abstract Map<String, Object> body(HookSpec spec);

    abstract RemoteHook hook(JsonNode json);

    public Uni<List<RemoteHook>> list(Access access, String repository) {
        return pages.all(access, hooksUrl(access, repository) + largestPage())
                .map(values -> values.stream().map(this::hook).toList());
    }

    /** @return the new hook's id */
    public Uni<String> create(Access access, String repository, HookSpec spec) {
        return http.call(access.target(), access.authorization(), HttpMethod.POST, hooksUrl(access, repository),
                body(spec))
                .map(answer -> answer.json().path(idField()).asText());
    }

    public Uni<Void> update(Access access, String repository, String id, HookSpec spec) {
        return http.call(access.target(), access.authorization(), HttpMethod.PUT, hookUrl(access, repository, id),
                body(spec)).replaceWithVoid();
    }

    /** Deleting a hook that is already gone succeeds. */
    public Uni<Void> delete(Access access, String repository, String id) {
        return http.call(access.target(), access.authorization(), HttpMethod.DELETE, hookUrl(access, repository, id),
                null)
                .replaceWithVoid()
                .onFailure(e -> e instanceof BitbucketException b && b.problem() == BitbucketProblem.NOT_FOUND)
                .recoverWithNull();
    }
}
