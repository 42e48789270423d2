package dev.bitbridge.reporter.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import dev.bitbridge.reporter.support.BuildsTopicResource;
import dev.bitbridge.reporter.support.ConnectorStatusStubResource;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.RawHttp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read API as an attacker sees it: refused before any body is read without the token, bodies refused unread (it
 * takes none), and neither token ever in an answer or the log.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BuildsTopicResource.class)
@QuarkusTestResource(ConnectorStatusStubResource.class)
class PublicPortTest {

    static final String TOKEN = "test-admin-token-0123456789abcdef0123";
    static final String GET = "GET /api/v1/statuses?integration=acme&commit=" + "a".repeat(40) + " HTTP/1.1\r\n"
            + "Host: localhost\r\n";

    @Test
    void withoutTheTokenABodyThatNeverEndsIsRefusedAtOnce() throws IOException {
        try (RawHttp http = RawHttp.open(RestAssured.port)) {
            http.send(GET + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
            assertThat(http.statusLine()).startsWith("HTTP/1.1 401");
        }
    }

    @Test
    void bodiesOverTheLimitAreRefusedUnread() throws IOException {
        try (RawHttp http = RawHttp.open(RestAssured.port)) {
            http.send(GET + "Authorization: Bearer " + TOKEN + "\r\nContent-Length: 5000000\r\n\r\n{");
            assertThat(http.statusLine()).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void aForgedTokenIsRefusedAndNoTokenIsLogged() throws IOException {
        Path log = Path.of("target/status-reporter-test.log");
        long before = Files.exists(log) ? Files.size(log) : 0;
        given().auth().oauth2("forged-token-0123456789abcdef0123456789").queryParam("integration", "acme")
                .queryParam("commit", "a".repeat(40)).get("/api/v1/statuses").then().statusCode(401);
        given().auth().oauth2(TOKEN).queryParam("integration", "acme").queryParam("commit", "a".repeat(40))
                .get("/api/v1/statuses").then().statusCode(200);

        String written = Files.readString(log, StandardCharsets.UTF_8).substring((int) before);
        assertThat(written).doesNotContain(TOKEN).doesNotContain(ConnectorStatusStubResource.TOKEN)
                .doesNotContain("forged-token");
    }
}
