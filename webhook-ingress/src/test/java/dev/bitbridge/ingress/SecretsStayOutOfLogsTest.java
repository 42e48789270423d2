package dev.bitbridge.ingress;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.testkit.KafkaTestResource;

import static dev.bitbridge.ingress.Webhooks.newId;
import static dev.bitbridge.ingress.Webhooks.path;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Tokens and secrets — right or wrong — never reach the log, whatever a caller sends. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SecretsStayOutOfLogsTest extends ReadyIngress {

    private static final Path LOG = Path.of("target/webhook-ingress-test.log");

    @Test
    void noTokenOrSecretIsLogged() throws Exception {
        byte[] body = Webhooks.CLOUD_PUSH.getBytes(StandardCharsets.UTF_8);
        given().queryParam("token", "wrong-token-in-query").contentType("application/json").header("X-Event-Key", "repo:push")
                .header("X-Request-UUID", newId()).body(body).post(path("cloud-plain")).then().statusCode(401);
        given().header("Authorization", "Basic " + Base64.getEncoder().encodeToString("u:wrong-basic-pass".getBytes()))
                .contentType("application/json").header("X-Event-Key", "repo:push").header("X-Request-Id", newId())
                .body(body).post(path("dc-plain")).then().statusCode(401);
        given().queryParam("token", "cloud-token-2").contentType("application/json").header("X-Event-Key", "repo:push")
                .header("X-Request-UUID", newId()).header("X-Hub-Signature", Webhooks.signature("guessed-secret", body))
                .body(body).post(path("cloud-signed")).then().statusCode(403);
        given().queryParam("token", "cloud-token-2").contentType("application/json").header("X-Event-Key", "repo:push")
                .header("X-Request-UUID", newId()).header("X-Hub-Signature", Webhooks.signature("cloud-secret", body))
                .body(body).post(path("cloud-signed")).then().statusCode(202);

        assertThat(LOG).exists();
        String log = Files.readString(LOG);
        assertThat(log).as("the log has content, so the check below means something")
                .contains("Declared Integration[name=cloud-signed");
        assertThat(log).doesNotContain("wrong-token-in-query", "wrong-basic-pass", "guessed-secret", "cloud-secret",
                "cloud-token-1", "cloud-token-2", "dc-token-1", "dc-secret", "off-token", "hashed-token",
                "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }
}
