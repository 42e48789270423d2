package dev.bitbridge.ingress;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.bitbridge.testkit.ServiceJar;

import static dev.bitbridge.ingress.Webhooks.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The attack that once took the edge down, against the packaged service with a heap far smaller than the bodies
 * thrown at it: bursts of 24 parallel chunked 15 MiB POSTs without a token, then with a valid one, then more large
 * bodies at once than the body memory holds. The process must stay up (an OutOfMemoryError would end it: the JVM runs
 * with -XX:+ExitOnOutOfMemoryError), healthy, and accept the next valid webhook.
 */
class HostileTrafficIT {

    private static final int PARALLEL = 24;
    private static final long BODY = 15L * 1024 * 1024;
    private static final String HEAP = "-Xmx128m";
    private static ServiceJar ingress;
    private static HttpClient http;
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        ingress = IngressJar.withKafka("hostile-traffic").jvmOption(HEAP)
                .property("bitbridge.ingress.body-memory", "8M")
                .property("bitbridge.ingress.integrations.dc.flavor", "datacenter")
                .property("bitbridge.ingress.integrations.dc.token", "dc-process-token")
                .start()
                .awaitReady(Duration.ofSeconds(60));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
        pool = Executors.newFixedThreadPool(PARALLEL);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        ingress.close();
    }

    @Test
    void chunkedBodiesWithoutATokenAreRefusedWithoutTakingMemory() throws Exception {
        for (int burst = 0; burst < 2; burst++) {
            Map<String, Integer> answers = burst("/webhooks/bitbucket/" + IngressJar.INTEGRATION);
            assertThat(answers.keySet()).as("answers of burst %d", burst).isSubsetOf("401", "connection closed");
            // A client still pushing its 15 MiB when the connection closes may see the reset before the 401 (a race
            // of HTTP/1.1 itself); how many do depends on the machine's load, so the bound leaves room for it (a full
            // CI run once saw 11 of 24).
            assertThat(answers.getOrDefault("401", 0)).as("many see their 401").isGreaterThanOrEqualTo(PARALLEL / 3);
        }
        assertStillServing();
    }

    @Test
    void chunkedBodiesOverTheLimitWithAValidTokenAreRefusedWhileStreaming() throws Exception {
        Map<String, Integer> answers = burst(IngressJar.target());

        // 24 bodies reaching 1 MiB each do not all fit in the 8 MiB body memory: those that do not are answered 503.
        assertThat(answers.keySet()).isSubsetOf("413", "503", "connection closed");
        assertThat(answers.getOrDefault("413", 0)).as("some reach the limit").isPositive();
        assertThat(answers.getOrDefault("413", 0) + answers.getOrDefault("503", 0)).as("most see their answer")
                .isGreaterThan(PARALLEL / 2);
        assertStillServing();
    }

    @Test
    void moreLargeBodiesAtOnceThanTheBodyMemoryHoldsAreAnswered503() throws Exception {
        // 12 deliveries declare 1 MiB each and hold their bodies back: 8 fit in the 8 MiB body memory.
        byte[] body = ("{\"pad\":\"" + "x".repeat(1024 * 1024 - 10) + "\"}").getBytes(StandardCharsets.UTF_8);
        List<RawHttp> held = new ArrayList<>();
        Map<Integer, Integer> early = new TreeMap<>();
        try {
            for (int i = 0; i < 12; i++) {
                RawHttp connection = RawHttp.connect(ingress.port());
                connection.write(RawHttp.head(IngressJar.target(), "Content-Length: " + body.length,
                        "X-Event-Key: repo:push", "X-Request-UUID: " + newId()));
                held.add(connection);
            }
            Thread.sleep(1000);
            List<Integer> statuses = new ArrayList<>();
            for (RawHttp connection : held) {
                connection.write(body);
                statuses.add(connection.read().status());
            }
            statuses.forEach(s -> early.merge(s, 1, Integer::sum));
        } finally {
            for (RawHttp connection : held) {
                connection.close();
            }
        }
        assertThat(early).as("8 accepted, 4 refused as overloaded").containsEntry(202, 8).containsEntry(503, 4);
        assertStillServing();
    }

    /**
     * Data Center's "Test connection" is answered {@code pong} before its body is read, and the connection closed once
     * the answer is out. When the small body has arrived meanwhile, nothing is left to drain: once that threw in
     * Vert.x ("Request has already been read", an ERROR per ping in the log).
     */
    @Test
    void pingsAnsweredBeforeTheirBodyLeaveNoErrorBehind() throws Exception {
        byte[] body = "{\"test\": true}".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 20; i++) {
            try (RawHttp connection = RawHttp.connect(ingress.port())) {
                RawHttp.Answer answer = connection.send(RawHttp.post("/webhooks/bitbucket/dc?token=dc-process-token",
                        body, "X-Event-Key: diagnostics:ping", "X-Request-Id: " + newId()));
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                assertThat(answer.body()).contains("pong");
            }
        }
        Thread.sleep(500); // what the event loop logs after the answer
        assertThat(ingress.output()).doesNotContain("Uncaught exception").doesNotContain("already been read");
        assertStillServing();
    }

    /** @return how the {@value #PARALLEL} chunked 15 MiB POSTs to {@code target} were answered, by status */
    private static Map<String, Integer> burst(String target) throws Exception {
        List<Future<String>> sent = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            HttpRequest request = HttpRequest.newBuilder(ingress.publicUrl().resolve(URI.create(target)))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("X-Event-Key", "repo:push")
                    .header("X-Request-UUID", newId())
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Zeros(BODY)))
                    .build();
            sent.add(pool.submit(() -> {
                try {
                    return String.valueOf(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
                } catch (IOException e) {
                    return "connection closed";
                }
            }));
        }
        Map<String, Integer> answers = new TreeMap<>();
        for (Future<String> answer : sent) {
            answers.merge(answer.get(60, TimeUnit.SECONDS), 1, Integer::sum);
        }
        return answers;
    }

    private static void assertStillServing() throws Exception {
        assertThat(ingress.process().isAlive()).as("the process survived (no OutOfMemoryError)").isTrue();
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(ingress.managementUrl().resolve("/q/health/ready"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        HttpResponse<String> live = http.send(HttpRequest.newBuilder(ingress.managementUrl().resolve("/q/health/live"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        try (RawHttp connection = RawHttp.connect(ingress.port())) {
            RawHttp.Answer answer = connection.send(RawHttp.post(IngressJar.target(),
                    Webhooks.CLOUD_PUSH.getBytes(StandardCharsets.UTF_8), "X-Event-Key: repo:push",
                    "X-Request-UUID: " + newId()));
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        }
        // A delivery's memory is given back once its answer is written out, a moment after the client may have read
        // it (and on another event loop than the management port's): a CI run under load once read it before.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(bodyMemoryLine()).as("all body memory given back")
                        .isEqualTo("bitbridge_ingress_body_memory_bytes 0.0"));
    }

    /** @return the body-memory gauge's line of the metrics page (only it, so that a failure's message stays short) */
    private static String bodyMemoryLine() throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(ingress.managementUrl().resolve("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(l -> l.startsWith("bitbridge_ingress_body_memory_bytes ")).findFirst()
                .orElse("(no bitbridge_ingress_body_memory_bytes on the metrics page)");
    }

    /** A body of zeros produced as it is read, so the test itself holds no 15 MiB arrays. */
    private static final class Zeros extends InputStream {
        private long remaining;

        Zeros(long size) {
            this.remaining = size;
        }

        @Override
        public int read() {
            return remaining-- > 0 ? ' ' : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) ' ');
            remaining -= n;
            return n;
        }
    }
}
