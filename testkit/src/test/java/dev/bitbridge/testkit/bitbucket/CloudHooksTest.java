package dev.bitbridge.testkit.bitbucket;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class CloudHooksTest {

    static final String[] ALL = { "read:webhook:bitbucket", "write:webhook:bitbucket", "delete:webhook:bitbucket",
            "read:repository:bitbucket", "read:pullrequest:bitbucket" };

    BitbucketSimulator bb;
    Receiver receiver;
    Account jane;
    RepoRef repo;
    String auth = Http.basic("jane@example.com", "tok");
    String hooks;

    @BeforeEach
    void start() {
        bb = BitbucketSimulator.cloud();
        receiver = new Receiver();
        jane = bb.addAccount("Jane Doe", "jane@example.com");
        repo = bb.createRepository("acme", "api");
        hooks = bb.baseUrl() + "/repositories/acme/api/hooks";
    }

    @AfterEach
    void stop() {
        bb.close();
        receiver.close();
    }

    @Test
    void hookCrudNeverReturnsTheSecret() {
        bb.credentials().apiToken(jane, "tok", ALL);

        Http.Answer created = post("{\"description\":\"ci\",\"url\":\"" + receiver.url()
                + "\",\"active\":true,\"events\":[\"repo:push\"],\"secret\":\"s3cret\"}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode hook = created.json();
        String uuid = hook.get("uuid").asText();
        assertThat(uuid).startsWith("{").endsWith("}");
        assertThat(hook.get("secret_set").asBoolean()).isTrue();
        assertThat(hook.has("secret")).isFalse();
        assertThat(hook.get("type").asText()).isEqualTo("webhook_subscription");
        assertThat(created.header("Location")).endsWith("/hooks/" + uuid);

        String one = hooks + "/" + uuid.replace("{", "%7B").replace("}", "%7D");
        assertThat(put(one, "{\"description\":\"renamed\"}").json().get("secret_set").asBoolean())
                .as("secret left out is kept").isTrue();
        assertThat(bb.hooks(repo).get(0).secret()).isEqualTo("s3cret");
        assertThat(put(one, "{\"secret\":null}").json().get("secret_set").asBoolean()).isFalse();
        assertThat(put(one, "{\"secret\":\"again\"}").json().get("secret_set").asBoolean()).isTrue();
        assertThat(put(one, "{\"secret\":\"\"}").json().get("secret_set").asBoolean()).isFalse();
        assertThat(Http.get(hooks, auth).json().get("values").get(0).get("description").asText())
                .isEqualTo("renamed");

        assertThat(Http.send("DELETE", one, auth, null, null).status()).isEqualTo(204);
        assertThat(Http.get(one, auth).status()).isEqualTo(404);
    }

    @Test
    void invalidHooksAreRefused() {
        bb.credentials().apiToken(jane, "tok", ALL);

        assertThat(post("{\"url\":\"" + receiver.url() + "\",\"events\":[\"repo:push\"],\"secret\":\""
                + "x".repeat(129) + "\"}").status()).isEqualTo(400);
        assertThat(post("{\"events\":[\"repo:push\"]}").status()).isEqualTo(400);
        assertThat(post("{\"url\":\"" + receiver.url() + "\",\"events\":[\"pr:opened\"]}").status())
                .isEqualTo(400);
        bb.refuseInternalHookUrls(true);
        assertThat(post("{\"url\":\"" + receiver.url() + "\",\"events\":[\"repo:push\"]}").json()
                .at("/error/fields/url/0").asText()).contains("internal");
    }

    @Test
    void pullRequestEventsNeedThePullRequestScopeToo() {
        bb.credentials().apiToken(jane, "tok", "write:webhook:bitbucket", "read:repository:bitbucket");

        assertThat(post("{\"url\":\"" + receiver.url() + "\",\"events\":[\"repo:push\"]}").status()).isEqualTo(201);
        Http.Answer refused = post("{\"url\":\"" + receiver.url() + "\",\"events\":[\"pullrequest:created\"]}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().at("/error/detail/required/0").asText()).isEqualTo("read:pullrequest:bitbucket");
    }

    @Test
    void deliveriesCarryCloudHeadersAndAnIndependentlyVerifiableSignature() throws Exception {
        bb.credentials().apiToken(jane, "tok", ALL);
        post("{\"url\":\"" + receiver.url() + "\",\"events\":[\"repo:push\"],\"secret\":\"s3cret\"}");

        bb.push(repo, "main", NewCommit.by(jane, "first"));
        assertThat(bb.awaitDeliveries(Duration.ofSeconds(10))).isTrue();

        Delivery d = bb.deliveries().get(0);
        assertThat(d.statusCode()).isEqualTo(200);
        assertThat(d.header("X-Event-Key")).isEqualTo("repo:push");
        assertThat(d.header("X-Hook-UUID")).isEqualTo(bb.hooks(repo).get(0).id().replaceAll("[{}]", ""));
        assertThat(d.header("X-Request-UUID")).isEqualTo(d.requestId());
        assertThat(d.header("X-Attempt-Number")).isEqualTo("1");
        assertThat(d.header("X-Event-Time")).isNotBlank();
        assertThat(d.header("User-Agent")).isEqualTo("Bitbucket-Webhooks/2.0");
        assertThat(d.header("Content-Type")).isEqualTo("application/json");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(d.header("X-Hub-Signature")).isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(d.body())));
        assertThat(receiver.received.get()).isEqualTo(1);
    }

    @Test
    void eachAttemptIsTimedInThisJvmsNanoTime() throws Exception {
        bb.credentials().apiToken(jane, "tok", ALL);
        post("{\"url\":\"" + receiver.url() + "\",\"events\":[\"repo:push\"]}");
        receiver.status = 503;

        long before = System.nanoTime();
        bb.push(repo, "main", NewCommit.by(jane, "first"));
        assertThat(bb.awaitDeliveries(Duration.ofSeconds(10))).isTrue();
        long after = System.nanoTime();

        List<Delivery> all = bb.deliveries();
        assertThat(all).hasSize(3).allSatisfy(d -> {
            assertThat(d.sentNanos()).isBetween(before, after);
            assertThat(d.answeredNanos()).isBetween(d.sentNanos(), after);
        });
        assertThat(all.get(1).sentNanos()).as("a retry is sent after the answer it retries")
                .isGreaterThanOrEqualTo(all.get(0).answeredNanos());
    }

    @Test
    void withSeveralDeliveryThreadsAReceiverSeesDeliveriesAtOnce() throws Exception {
        bb.credentials().apiToken(jane, "tok", ALL);
        java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(3);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        com.sun.net.httpserver.HttpServer slow = com.sun.net.httpserver.HttpServer
                .create(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        slow.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        slow.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            arrived.countDown();
            try {
                release.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        slow.start();
        try {
            post("{\"url\":\"http://127.0.0.1:" + slow.getAddress().getPort()
                    + "/hook\",\"events\":[\"repo:push\"]}");
            bb.deliveryConcurrency(3);
            for (int i = 0; i < 3; i++) {
                bb.push(repo, "main", NewCommit.by(jane, "commit " + i));
            }
            assertThat(arrived.await(10, java.util.concurrent.TimeUnit.SECONDS))
                    .as("three deliveries under way before any was answered").isTrue();
            release.countDown();
            assertThat(bb.awaitDeliveries(Duration.ofSeconds(10))).isTrue();
            assertThat(bb.deliveries()).hasSize(3).allSatisfy(d -> assertThat(d.statusCode()).isEqualTo(200));
        } finally {
            release.countDown();
            slow.stop(0);
        }
    }

    @Test
    void unsignedWithoutSecretAndInactiveHooksGetNothing() throws Exception {
        bb.credentials().apiToken(jane, "tok", ALL);
        post("{\"url\":\"" + receiver.url() + "\",\"events\":[\"repo:push\"]}");
        post("{\"url\":\"" + receiver.url() + "\",\"events\":[\"repo:push\"],\"active\":false}");

        bb.push(repo, "main", NewCommit.by(jane, "first"));
        bb.awaitDeliveries(Duration.ofSeconds(10));

        assertThat(bb.deliveries()).hasSize(1);
        assertThat(bb.deliveries().get(0).header("X-Hub-Signature")).isNull();
    }

    @Test
    void a5xxIsRetriedTwiceMoreAnd4xxNot() throws Exception {
        bb.credentials().apiToken(jane, "tok", ALL);
        post("{\"url\":\"" + receiver.url() + "\",\"events\":[\"repo:push\"]}");
        receiver.status = 503;

        bb.push(repo, "main", NewCommit.by(jane, "first"));
        bb.awaitDeliveries(Duration.ofSeconds(10));
        receiver.status = 400;
        bb.push(repo, "main", NewCommit.by(jane, "second"));
        bb.awaitDeliveries(Duration.ofSeconds(10));

        List<Delivery> all = bb.deliveries();
        assertThat(all).extracting(Delivery::attempt).containsExactly(1, 2, 3, 1);
        assertThat(all).extracting(Delivery::statusCode).containsExactly(503, 503, 503, 400);
        assertThat(all.get(2).header("X-Attempt-Number")).isEqualTo("3");
    }

    @Test
    void rateLimitAnswers429WithRetryAfterPerBudget() {
        String id = bb.credentials().apiToken(jane, "tok", ALL);
        bb.credentials().apiToken(jane, "tok2", ALL);
        bb.rateLimit(2);

        assertThat(Http.get(hooks, auth).status()).isEqualTo(200);
        assertThat(Http.get(hooks, Http.basic("jane@example.com", "tok2")).status()).isEqualTo(200);
        Http.Answer limited = Http.get(hooks, auth);
        assertThat(limited.status()).as("API tokens of one account share a budget").isEqualTo(429);
        assertThat(limited.body()).isEqualTo("Rate limit for this resource has been exceeded");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(3500L, 3600L);
        assertThat(bb.requestCount(id)).isEqualTo(2);

        bb.advanceClock(Duration.ofHours(1));
        assertThat(Http.get(hooks, auth).status()).isEqualTo(200);
    }

    @Test
    void buildStatusKeyOver40CharactersOrMissingUrlIs400() {
        bb.credentials().apiToken(jane, "tok", ALL);
        String head = bb.push(repo, "main", NewCommit.by(jane, "first"));
        String statuses = bb.baseUrl() + "/repositories/acme/api/commit/" + head + "/statuses/build";

        assertThat(Http.send("POST", statuses, auth, "{\"key\":\"" + "k".repeat(41)
                + "\",\"state\":\"SUCCESSFUL\",\"url\":\"https://ci/1\"}", null).status()).isEqualTo(400);
        assertThat(Http.send("POST", statuses, auth, "{\"key\":\"k\",\"state\":\"SUCCESSFUL\"}", null).status())
                .isEqualTo(400);
        Http.Answer ok = Http.send("POST", statuses, auth, "{\"key\":\"" + "k".repeat(40)
                + "\",\"state\":\"INPROGRESS\",\"url\":\"https://ci/1\",\"refname\":\"main\"}", null);
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().get("refname").asText()).isEqualTo("main");
        assertThat(bb.buildStatuses(repo)).singleElement().satisfies(s -> assertThat(s.posted().get("url")
                .asText()).isEqualTo("https://ci/1"));
    }

    private Http.Answer post(String body) {
        return Http.send("POST", hooks, auth, body, null);
    }

    private Http.Answer put(String url, String body) {
        return Http.send("PUT", url, auth, body, null);
    }
}
