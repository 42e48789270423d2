package dev.bitbridge.trigger.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.RawHttp;
import dev.bitbridge.trigger.dispatch.TriggerTopicsResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * The Jenkins-target API as an attacker and an operator see it: refused before the body is read without the token,
 * bodies over 1 MiB refused unread, invalid targets refused naming every field, and the secret never answered nor
 * logged.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TriggerTopicsResource.class)
class PublicPortTest {

    static final String TOKEN = "test-admin-token-0123456789abcdef0123";
    static final String PUT = "PUT /api/v1/integrations/acme/jenkins-target HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\n";

    @Test
    void withoutTheTokenABodyThatNeverEndsIsRefusedAtOnce() throws IOException {
        try (RawHttp http = RawHttp.open(RestAssured.port)) {
            http.send(PUT + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"ba\r\n");
            assertThat(http.statusLine()).startsWith("HTTP/1.1 401");
        }
    }

    @Test
    void bodiesOverTheLimitAreRefusedUnread() throws IOException {
        try (RawHttp http = RawHttp.open(RestAssured.port)) {
            http.send(PUT + "Authorization: Bearer " + TOKEN + "\r\nContent-Length: 5000000\r\n\r\n{");
            assertThat(http.statusLine()).startsWith("HTTP/1.1 413");
        }
        try (RawHttp http = RawHttp.open(RestAssured.port)) {
            http.send(PUT + "Authorization: Bearer " + TOKEN + "\r\nTransfer-Encoding: chunked\r\n\r\n").sendChunks(20);
            assertThat(http.statusLine()).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void anInvalidTargetIsRefusedNamingEveryFieldAndNothingIsStored() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("baseUrl", "ci.example.com",
                "username", " ", "credentialKind", "token", "defaultJob", "job/App", "parameters", Map.of("1x", "v")))
                .put("/api/v1/integrations/bad-target/jenkins-target")
                .then().statusCode(400).body("fields.field", hasItems("baseUrl", "username", "credentialKind",
                        "secret", "defaultJob", "parameters.1x"));
        given().auth().oauth2(TOKEN).get("/api/v1/integrations/bad-target/jenkins-target").then().statusCode(404);
    }

    @Test
    void theSecretIsNeverAnsweredNorLogged() throws IOException {
        Path log = Path.of("target/build-trigger-test.log");
        long before = Files.size(log);
        String secret = "s3cret-jenkins-api-token-" + System.nanoTime();
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("baseUrl", "https://ci.example.com/",
                "username", "bot", "credentialKind", "api-token", "secret", secret))
                .put("/api/v1/integrations/secret-target/jenkins-target")
                .then().statusCode(200).body(not(containsString(secret)));
        given().auth().oauth2(TOKEN).get("/api/v1/integrations/secret-target/jenkins-target")
                .then().statusCode(200).body(not(containsString(secret)));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{\"baseUrl\": 1, \"secret\": \"" + secret
                + "\", \"unknown\": true}").put("/api/v1/integrations/secret-target/jenkins-target")
                .then().statusCode(400).body(not(containsString(secret)));

        String written = Files.readString(log, StandardCharsets.UTF_8).substring((int) before);
        assertThat(written).doesNotContain(secret).doesNotContain(TOKEN).doesNotContain(" ERROR ");
    }
}
