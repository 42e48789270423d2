package dev.bitbridge.analyzer.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import dev.bitbridge.analyzer.analysis.InputTopicsResource;
import dev.bitbridge.testkit.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings API as an attacker sees it: refused before the body is read without the token, bodies over 1 MiB
 * refused unread, and none of it logged as an internal error.
 */
@QuarkusTest
@QuarkusTestResource(InputTopicsResource.class)
class PublicPortTest {

    static final String PUT = "PUT /api/v1/integrations/acme/analysis-settings HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\n";

    @Test
    void withoutTheTokenABodyThatNeverEndsIsRefusedAtOnce() throws IOException {
        try (RawHttp http = RawHttp.open(RestAssured.port)) {
            http.send(PUT + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"pr\r\n");
            assertThat(http.statusLine()).startsWith("HTTP/1.1 401");
        }
    }

    @Test
    void aForgedTokenWithAHugeDeclaredBodyIsRefusedAtOnce() throws IOException {
        try (RawHttp http = RawHttp.open(RestAssured.port)) {
            http.send(PUT + "Authorization: Bearer forged-token-0123456789abcdef0123456789\r\n"
                    + "Content-Length: 900000\r\n\r\n{");
            assertThat(http.statusLine()).startsWith("HTTP/1.1 401");
        }
    }

    @Test
    void bodiesOverTheLimitAreRefusedWithoutAnInternalError() throws IOException {
        Path log = Path.of("target/commit-analyzer-test.log");
        long before = Files.size(log);
        try (RawHttp http = RawHttp.open(RestAssured.port)) {
            http.send(PUT + "Authorization: Bearer " + SettingsApiTest.TOKEN + "\r\nContent-Length: 5000000\r\n\r\n{");
            assertThat(http.statusLine()).startsWith("HTTP/1.1 413");
        }
        try (RawHttp http = RawHttp.open(RestAssured.port)) {
            http.send(PUT + "Authorization: Bearer " + SettingsApiTest.TOKEN + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .sendChunks(20);
            assertThat(http.statusLine()).startsWith("HTTP/1.1 413");
        }
        RestAssured.given().get("/api/v1/integrations/acme/analysis-settings").then().statusCode(401);
        String written = Files.readString(log, StandardCharsets.UTF_8).substring((int) before);
        assertThat(written).doesNotContain(" ERROR ").doesNotContain(SettingsApiTest.TOKEN);
    }
}
