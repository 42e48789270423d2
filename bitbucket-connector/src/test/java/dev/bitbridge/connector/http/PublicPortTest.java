package dev.bitbridge.connector.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import dev.bitbridge.connector.support.Api;
import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API port as an attacker sees it: a request without a credential is refused before its body is read, and a
 * body over the limit is refused without being stored.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BitbridgeTopics.class)
class PublicPortTest {

    @Test
    void anUnauthenticatedRequestIsRefusedBeforeItsBodyArrives() throws IOException {
        try (RawHttp http = RawHttp.open(RestAssured.port)) {
            // Headers and the first chunk of a body that never ends: answered without waiting for the rest.
            http.send("POST /api/v1/integrations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"na\r\n");
            assertThat(http.statusLine()).startsWith("HTTP/1.1 401");
        }
    }

    @Test
    void aForgedTokenIsRefusedBeforeItsBodyArrives() throws IOException {
        try (RawHttp http = RawHttp.open(RestAssured.port)) {
            http.send("POST /api/v1/integrations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer not-the-admin-token-0123456789abcdef\r\nContent-Length: 900000\r\n\r\n{");
            assertThat(http.statusLine()).startsWith("HTTP/1.1 401");
        }
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedUnread() throws IOException {
        try (RawHttp http = RawHttp.open(RestAssured.port)) {
            http.send("POST /api/v1/integrations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + Api.ADMIN_TOKEN + "\r\nContent-Length: 5000000\r\n\r\n{");
            assertThat(http.statusLine()).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void aChunkedBodyGrowingOverTheLimitIsRefused() throws IOException {
        try (RawHttp http = RawHttp.open(RestAssured.port)) {
            http.send("POST /api/v1/integrations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + Api.ADMIN_TOKEN + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .sendChunks(20); // 1.25 MiB, over the 1 MiB limit
            assertThat(http.statusLine()).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsNotReportedAsAnInternalError() throws IOException {
        java.nio.file.Path log = java.nio.file.Path.of("target/bitbucket-connector-test.log");
        long before = java.nio.file.Files.size(log);
        aChunkedBodyGrowingOverTheLimitIsRefused();
        RestAssured.given().get("/api/v1/integrations").then().statusCode(401); // a later line: the log has caught up
        String written = java.nio.file.Files.readString(log, StandardCharsets.UTF_8).substring((int) before);
        assertThat(written).doesNotContain("failed unexpectedly").doesNotContain("Request too large")
                .doesNotContain(" ERROR ");
    }
}
