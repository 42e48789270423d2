package dev.bitbridge.ingress;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.bitbridge.testkit.KafkaTestResource;

import static dev.bitbridge.ingress.Webhooks.newId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that stops sending cannot hold a connection: idle connections, half-sent headers and idle keep-alives are
 * closed after the idle timeout (65 s by default; 2 s here, so that the test is short).
 */
@QuarkusTest
@TestProfile(IdleConnectionsTest.ShortIdleTimeout.class)
@QuarkusTestResource(KafkaTestResource.class)
class IdleConnectionsTest extends ReadyIngress {

    /** The idle timeout shortened to 2 s. */
    public static class ShortIdleTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "2S");
        }
    }

    private static final Duration WITHIN = Duration.ofSeconds(6);

    @TestHTTPResource("/")
    URL publicUrl;

    @Test
    void aConnectionThatSendsNothingIsClosed() throws Exception {
        try (RawHttp http = RawHttp.connect(publicUrl.getPort())) {
            assertThat(http.closedByServerWithin(WITHIN)).isTrue();
        }
    }

    @Test
    void aConnectionThatStopsInTheMiddleOfItsHeadersIsClosed() throws Exception {
        try (RawHttp http = RawHttp.connect(publicUrl.getPort())) {
            http.write("POST /webhooks/bitbucket/cloud-plain HTTP/1.1\r\nHost: localhost\r\nX-Event-K"
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(http.closedByServerWithin(WITHIN)).isTrue();
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterItsDelivery() throws Exception {
        try (RawHttp http = RawHttp.connect(publicUrl.getPort())) {
            RawHttp.Answer answer = http.send(RawHttp.post("/webhooks/bitbucket/cloud-plain?token=cloud-token-1",
                    Webhooks.CLOUD_PUSH.getBytes(StandardCharsets.UTF_8), "X-Event-Key: repo:push",
                    "X-Request-UUID: " + newId()));
            assertThat(answer.status()).isEqualTo(202);
            assertThat(http.closedByServerWithin(WITHIN)).isTrue();
        }
    }
}
