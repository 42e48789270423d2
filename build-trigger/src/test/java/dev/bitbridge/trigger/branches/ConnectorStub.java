package dev.bitbridge.trigger.branches;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The connector's answers build-trigger relies on, for build-trigger's tests: build-trigger cannot run the connector
 * (nor reach Bitbucket), so this serves what the connector serves, by the contract in {@link BranchHeads} and the
 * connector's {@code BranchHeadResource}: {@code …/branch-head} 200 with the head and the integration's flavor, 404
 * with an {@code ApiError} naming the unknown field; {@code GET /api/v1/integrations/{name}} with the integration's
 * flavor; 401 without the token. Tests declare integrations with {@link #integration}, move branches with
 * {@link #point} and take it away with {@link #failWith}.
 */
public final class ConnectorStub implements AutoCloseable {

    private static final String PREFIX = "/api/v1/integrations/";

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final String token;
    private final Map<String, String> flavors = new ConcurrentHashMap<>();
    private final Map<String, String> heads = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile int failWith;

    public ConnectorStub(String token) throws Exception {
        this.token = token;
        this.server = vertx.createHttpServer().requestHandler(this::answer);
        server.listen(0, "localhost").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void answer(HttpServerRequest request) {
        String path = request.path();
        if (!("Bearer " + token).equals(request.getHeader("Authorization"))) {
            request.response().setStatusCode(401).end(error("unauthorized", "a valid admin token is required", null));
            return;
        }
        if (!path.startsWith(PREFIX)) {
            request.response().setStatusCode(404).end(error("not_found", "no such resource", null));
            return;
        }
        // {integration}[/repositories/{owner}/{slug}/branch-head], each part URL-decoded
        String[] parts = path.substring(PREFIX.length()).split("/");
        String integration = decode(parts[0]);
        String branch = request.getParam("branch");
        asked.add(parts.length == 1 ? integration
                : integration + ":" + decode(parts[2]) + "/" + decode(parts[3]) + ":"
                        + branch);
        if (failWith != 0) {
            request.response().setStatusCode(failWith).putHeader("Retry-After", "7")
                    .end(error("unreachable", "Bitbucket is away", null));
            return;
        }
        String flavor = flavors.get(integration);
        if (flavor == null) {
            request.response().setStatusCode(404).end(error("not_found", "No integration is named '" + integration
                    + "'", "integration"));
            return;
        }
        if (parts.length == 1) {
            request.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("name", integration).put("flavor", flavor).encode());
            return;
        }
        String repository = decode(parts[2]) + "/" + decode(parts[3]);
        String commit = heads.get(integration + ":" + repository + ":" + branch);
        if (commit == null) {
            request.response().setStatusCode(404).end(error("not_found", "Repository " + repository
                    + " has no branch '" + branch + "'", "branch"));
            return;
        }
        request.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("repository", repository).put("branch", branch).put("commit", commit)
                        .put("flavor", flavor).encode());
    }

    /** @return the base URL, for {@code bitbridge.trigger.connector.url} */
    public String url() {
        return "http://localhost:" + server.actualPort();
    }

    public String token() {
        return token;
    }

    /** Declares an integration of this flavor ({@code cloud} or {@code datacenter}). */
    public void integration(String integration, String flavor) {
        flavors.put(integration, flavor);
    }

    /** Points a branch at a commit (declaring its integration as Cloud's when unknown). */
    public void point(String integration, String repository, String branch, String commit) {
        flavors.putIfAbsent(integration, "cloud");
        heads.put(integration + ":" + repository + ":" + branch, commit);
    }

    /** Deletes a branch: asked for, it is not found. */
    public void remove(String integration, String repository, String branch) {
        heads.remove(integration + ":" + repository + ":" + branch);
    }

    /** Answers every request with this status (and {@code Retry-After: 7}) from now on (0: answer normally). */
    public void failWith(int status) {
        this.failWith = status;
    }

    /** @return every question asked, as {@code integration:repository:branch}, or {@code integration} alone */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static String decode(String part) {
        return java.net.URLDecoder.decode(part, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String error(String code, String detail, String field) {
        JsonObject error = new JsonObject().put("error", code).put("detail", detail);
        if (field != null) {
            error.put("fields", new JsonArray().add(new JsonObject().put("field", field).put("problem", "is unknown")));
        }
        return error.encode();
    }
}
