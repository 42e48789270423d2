package dev.bitbridge.ingress;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.testkit.KafkaTestResource;

import static dev.bitbridge.ingress.Webhooks.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The edge decides about a request from its headers and never waits for, or keeps, a body it will refuse: shown on
 * the wire, by sending only part of a body and reading the answer before the rest.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class EdgeUnderAbuseTest extends ReadyIngress {

    private static final String TARGET = "/webhooks/bitbucket/cloud-plain";
    private static final String AUTHENTICATED = TARGET + "?token=cloud-token-1";
    private static final byte[] KIB_64 = new byte[64 * 1024];

    static {
        Arrays.fill(KIB_64, (byte) ' ');
    }

    @TestHTTPResource("/")
    URL publicUrl;

    @Test
    void anUnauthenticatedChunkedBodyIsAnswered401BeforeItIsSentAndTheConnectionClosed() throws Exception {
        double before = metric("bitbridge_ingress_webhooks_rejected_total{reason=\"unauthorized\"}");
        try (RawHttp http = RawHttp.connect(publicUrl.getPort())) {
            http.write(RawHttp.head(TARGET, "Transfer-Encoding: chunked", "X-Event-Key: repo:push"));
            http.write(RawHttp.chunk(KIB_64));

            // The body has not ended (no last chunk was sent): the answer cannot have waited for it.
            RawHttp.Answer answer = http.read();
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.body()).contains("\"error\":\"unauthorized\"");
            assertThat(answer.header("connection")).isEqualToIgnoringCase("close");
            assertThat(http.closedByServerWithin(Duration.ofSeconds(5))).as("connection closed").isTrue();
        }
        assertThat(metric("bitbridge_ingress_webhooks_rejected_total{reason=\"unauthorized\"}")).isEqualTo(before + 1);
    }

    @Test
    void anUnauthenticatedRequestDeclaringAHugeBodyIsAnswered401FromItsHeadersAlone() throws Exception {
        try (RawHttp http = RawHttp.connect(publicUrl.getPort())) {
            http.write(RawHttp.head(TARGET + "?token=wrong", "Content-Length: 15728640", "X-Event-Key: repo:push"));

            RawHttp.Answer answer = http.read();
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.header("content-type")).startsWith("application/json");
        }
    }

    @Test
    void anAuthenticatedChunkedBodyOverTheLimitIsRefusedWhileItStreamsIn() throws Exception {
        try (RawHttp http = RawHttp.connect(publicUrl.getPort())) {
            http.write(RawHttp.head(AUTHENTICATED, "Transfer-Encoding: chunked", "X-Event-Key: repo:push",
                    "X-Request-UUID: " + newId()));
            // 1.25 MiB of a body that would be much larger: over the 1 MiB limit, and never ended.
            for (int i = 0; i < 20; i++) {
                http.write(RawHttp.chunk(KIB_64));
            }

            RawHttp.Answer answer = http.read();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.body()).contains("\"error\":\"body_too_large\"");
            assertThat(answer.header("connection")).isEqualToIgnoringCase("close");
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(metric("bitbridge_ingress_body_memory_bytes"))
                .as("the refused body's memory is given back").isZero());
    }

    @Test
    void aBodyThatDoesNotArriveInTimeIsAnswered408() throws Exception {
        double before = metric("bitbridge_ingress_webhooks_rejected_total{reason=\"request_timeout\"}");
        try (RawHttp http = RawHttp.connect(publicUrl.getPort())) {
            http.write(RawHttp.head(AUTHENTICATED, "Content-Length: 1000", "X-Event-Key: repo:push",
                    "X-Request-UUID: " + newId()));
            http.write("{\"repository\":".getBytes(StandardCharsets.UTF_8));
            long began = System.nanoTime();

            RawHttp.Answer answer = http.read();
            long waited = Duration.ofNanos(System.nanoTime() - began).toMillis();
            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.body()).contains("bitbridge.ingress.body-timeout");
            assertThat(waited).as("answered at the body timeout (5 s), not at the idle timeout").isBetween(3_000L, 8_000L);
        }
        assertThat(metric("bitbridge_ingress_webhooks_rejected_total{reason=\"request_timeout\"}")).isEqualTo(before + 1);
        assertThat(metric("bitbridge_ingress_body_memory_bytes")).isZero();
    }

    @Test
    void expectContinueIsOnlyGrantedToAnAuthenticatedRequest() throws Exception {
        byte[] body = Webhooks.CLOUD_PUSH.getBytes(StandardCharsets.UTF_8);
        try (RawHttp http = RawHttp.connect(publicUrl.getPort())) {
            http.write(RawHttp.head(TARGET, "Content-Length: " + body.length, "X-Event-Key: repo:push",
                    "Expect: 100-continue"));
            assertThat(http.read().status()).as("refused without inviting the body").isEqualTo(401);
        }
        try (RawHttp http = RawHttp.connect(publicUrl.getPort())) {
            http.write(RawHttp.head(AUTHENTICATED, "Content-Length: " + body.length, "X-Event-Key: repo:push",
                    "X-Request-UUID: " + newId(), "Expect: 100-continue"));
            assertThat(http.read().status()).isEqualTo(100);
            http.write(body);
            assertThat(http.read().status()).isEqualTo(202);
        }
    }
}
