package dev.bitbridge.trigger.branches;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * The connector's {@code branch-head} answer, for build-trigger's tests: build-trigger cannot run the connector (nor
 * reach Bitbucket), so this serves what the connector serves, by the contract in {@link BranchHeads} and the
 * connector's {@code BranchHeadResource}: 200 with the head, 404 with an {@code ApiError} for an unknown branch, 401
 * without the token. Tests move branches with {@link #point}. It also answers {@code GET /api/v1/integrations/{name}}
 * with the flavor of the integrations made known with {@link #integration}, which schedules ask for.
 */
public final class ConnectorStub implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final String token;
    private final Map<String, String> heads = new ConcurrentHashMap<>();
    private final Map<String, String> flavors = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile int failWith;

    public ConnectorStub(String token) throws Exception {
        this.token = token;
        this.server = vertx.createHttpServer().requestHandler(request -> {
            String path = request.path();
            String prefix = "/api/v1/integrations/";
            if (!("Bearer " + token).equals(request.getHeader("Authorization"))) {
                request.response().setStatusCode(401).end(error("unauthorized", "a valid admin token is required"));
                return;
            }
            if (path.startsWith(prefix) && path.indexOf('/', prefix.length()) < 0) {
                integration(request, decode(path.substring(prefix.length())));
                return;
            }
            if (!path.startsWith(prefix) || !path.endsWith("/branch-head")) {
                request.response().setStatusCode(404).end(error("not_found", "no such resource"));
                return;
            }
            String[] parts = path.substring(prefix.length()).split("/");
            // {integration}/repositories/{owner}/{slug}/branch-head, each part URL-decoded
            String integration = decode(parts[0]);
            String repository = decode(parts[2]) + "/" + decode(parts[3]);
            String branch = request.getParam("branch");
            asked.add(integration + ":" + repository + ":" + branch);
            if (failWith != 0) {
                request.response().setStatusCode(failWith).end(error("bitbucket_unavailable", "Bitbucket is away"));
                return;
            }
            String commit = heads.get(integration + ":" + repository + ":" + branch);
            if (commit == null) {
                request.response().setStatusCode(404).end(error("not_found", "Bitbucket has no branch " + branch));
                return;
            }
            request.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("repository", repository).put("branch", branch).put("commit", commit)
                            .encode());
        });
        server.listen(0, "localhost").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** @return the base URL, for {@code bitbridge.trigger.connector.url} */
    public String url() {
        return "http://localhost:" + server.actualPort();
    }

    public String token() {
        return token;
    }

    /** Makes an integration known, for {@code GET /api/v1/integrations/{name}}: its flavor. */
    public void integration(String name, String flavor) {
        flavors.put(name, flavor);
    }

    /** Points a branch at a commit. */
    public void point(String integration, String repository, String branch, String commit) {
        heads.put(integration + ":" + repository + ":" + branch, commit);
    }

    /** Deletes a branch: asked for, it is not found. */
    public void remove(String integration, String repository, String branch) {
        heads.remove(integration + ":" + repository + ":" + branch);
    }

    /** Answers every request with this status from now on (0: answer normally). */
    public void failWith(int status) {
        this.failWith = status;
    }

    /** @return every question asked, as {@code integration:repository:branch} */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private void integration(io.vertx.core.http.HttpServerRequest request, String name) {
        String flavor = flavors.get(name);
        if (failWith != 0) {
            request.response().setStatusCode(failWith).end(error("unavailable", "the connector is away"));
        } else if (flavor == null) {
            request.response().setStatusCode(404).end(error("not_found", "No integration '" + name + "'"));
        } else {
            request.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("name", name).put("flavor", flavor).put("enabled", true).encode());
        }
    }

    private static String decode(String part) {
        return java.net.URLDecoder.decode(part, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String error(String code, String detail) {
        return new JsonObject().put("error", code).put("detail", detail).encode();
    }
}
