package dev.bitbridge.reporter.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * The connector's build-status endpoint as status-reporter's tests need it: {@code PUT
 * /api/v1/integrations/{i}/repositories/{owner}/{slug}/commits/{commit}/build-statuses/{key}} answered 200 {@code
 * {flavor, endpoint, state}} by default, and with whatever a test lines up for an integration ({@link #answer}): the
 * connector's 422 refusals, 429 and 503 with {@code Retry-After}, its 404 and 409 {@code ApiError}s, or no answer at
 * all. status-reporter cannot run the connector and Bitbucket in its own tests; the end-to-end test runs the real
 * chain. Every request is recorded.
 */
public final class ConnectorStatusStub implements AutoCloseable {

    private static final String PREFIX = "/api/v1/integrations/";

    /** One recorded post. */
    public record Put(String integration, String repository, String commit, String key, JsonObject body) {
    }

    /** A lined-up answer: a status, an optional Retry-After, an optional body. */
    public record Answer(int status, String retryAfter, JsonObject body) {

        public static Answer refused(String code, String detail) {
            return new Answer(422, null, new JsonObject().put("error", code).put("detail", detail));
        }

        public static Answer unavailable(String retryAfter) {
            return new Answer(503, retryAfter, new JsonObject().put("error", "unreachable").put("detail",
                    "Bitbucket did not answer"));
        }

        public static Answer rateLimited(String retryAfter) {
            return new Answer(429, retryAfter, new JsonObject().put("error", "rate_limited").put("detail",
                    "Rate limit for this resource has been exceeded"));
        }

        public static Answer of(int status, JsonObject body) {
            return new Answer(status, null, body);
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final String token;
    private final List<Put> puts = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> lined = new ConcurrentHashMap<>();
    private final Map<String, Answer> always = new ConcurrentHashMap<>();

    public ConnectorStatusStub(String token) throws Exception {
        this.token = token;
        this.server = vertx.createHttpServer().requestHandler(this::handle);
        server.listen(0, "localhost").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            if (!("Bearer " + token).equals(request.getHeader("Authorization"))) {
                request.response().setStatusCode(401).end(new JsonObject().put("error", "unauthorized")
                        .put("detail", "a valid admin token is required").encode());
                return;
            }
            String[] parts = request.path().startsWith(PREFIX) ? request.path().substring(PREFIX.length()).split("/")
                    : new String[0];
            // {i}/repositories/{owner}/{slug}/commits/{commit}/build-statuses/{key}
            if (!"PUT".equals(request.method().name()) || parts.length != 8 || !"build-statuses".equals(parts[6])) {
                request.response().setStatusCode(404).end();
                return;
            }
            String integration = decode(parts[0]);
            JsonObject json = new JsonObject(body.toString());
            puts.add(new Put(integration, decode(parts[2]) + "/" + decode(parts[3]), decode(parts[5]),
                    decode(parts[7]), json));
            Deque<Answer> queue = lined.get(integration);
            Answer answer = queue == null ? null : queue.pollFirst();
            if (answer == null) {
                answer = always.get(integration);
            }
            if (answer == null) {
                answer = new Answer(200, null, new JsonObject().put("flavor", "cloud").put("endpoint", "cloud")
                        .put("state", json.getString("state")));
            }
            if (answer.status() == 0) {
                request.connection().close(); // no answer at all
                return;
            }
            var response = request.response().setStatusCode(answer.status()).putHeader("Content-Type",
                    "application/json");
            if (answer.retryAfter() != null) {
                response.putHeader("Retry-After", answer.retryAfter());
            }
            response.end(answer.body() == null ? "" : answer.body().encode());
        });
    }

    /** Lines up answers for the next posts of an integration, in order; then it answers as before. */
    public synchronized void answer(String integration, Answer... answers) {
        lined.computeIfAbsent(integration, k -> new ArrayDeque<>()).addAll(List.of(answers));
    }

    /** Answers every post of an integration so from now on (null: normally again). */
    public void answerAlways(String integration, Answer answer) {
        if (answer == null) {
            always.remove(integration);
        } else {
            always.put(integration, answer);
        }
    }

    /** @return the posts for an integration, in order */
    public List<Put> puts(String integration) {
        return puts.stream().filter(p -> p.integration().equals(integration)).toList();
    }

    public String url() {
        return "http://localhost:" + server.actualPort();
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        vertx.close();
    }
}
