package dev.bitbridge.connector.endtoend;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.bitbridge.connector.integration.IntegrationSecrets;
import dev.bitbridge.connector.integration.IntegrationSecrets.WebhookSecrets;
import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.ServiceJar;

import static dev.bitbridge.connector.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

/**
 * The connector and the real, packaged webhook ingress on one broker: an integration created through the API is
 * accepted by the ingress; a rotation keeps the old token and secret working for the grace period and not after;
 * refused deliveries show up among the integration's recent deliveries with their reason.
 */
@QuarkusTest
@TestProfile(ShortGraceProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BitbridgeTopics.class)
class WithRealIngressTest {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(WithRealIngressTest.class);
    private static ServiceJar ingress;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    IntegrationSecrets secrets;

    @BeforeAll
    static void startIngress() {
        ingress = IngressProcess.start("with-real-ingress");
    }

    @AfterAll
    static void stopIngress() {
        if (ingress != null) {
            ingress.close();
        }
    }

    @Test
    void aNewIntegrationIsAcceptedByTheIngress() throws Exception {
        Instant created = Instant.now();
        asAdmin().body("""
                {"name": "e2e-new", "flavor": "cloud", "workspace": "acme"}""")
                .post("/api/v1/integrations").then().statusCode(201);
        WebhookSecrets webhook = webhook("e2e-new");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> deliver("e2e-new", webhook.token(), webhook.secret()) == 202);
        LOG.infof("Integration accepted by the ingress %d ms after its creation was requested",
                Duration.between(created, Instant.now()).toMillis());
    }

    @Test
    void duringTheGraceBothTokensWorkAndAfterItOnlyTheNewOne() throws Exception {
        asAdmin().body("""
                {"name": "e2e-rotate", "flavor": "cloud", "workspace": "acme"}""")
                .post("/api/v1/integrations").then().statusCode(201);
        WebhookSecrets old = webhook("e2e-rotate");
        await().atMost(Duration.ofSeconds(10)).until(() -> deliver("e2e-rotate", old.token(), old.secret()) == 202);

        asAdmin().post("/api/v1/integrations/e2e-rotate/webhook/rotate").then().statusCode(200);
        WebhookSecrets fresh = webhook("e2e-rotate");
        assertThat(fresh.token()).isNotEqualTo(old.token());

        await().atMost(Duration.ofSeconds(10)).until(() -> deliver("e2e-rotate", fresh.token(),
                fresh.secret()) == 202);
        assertThat(deliver("e2e-rotate", old.token(), old.secret())).as("old token, old secret, in the grace")
                .isEqualTo(202);
        assertThat(deliver("e2e-rotate", old.token(), fresh.secret())).as("old token, new secret, in the grace")
                .isEqualTo(202);
        assertThat(deliver("e2e-rotate", fresh.token(), old.secret())).as("new token with the old secret")
                .isEqualTo(403);

        Thread.sleep(Duration.ofSeconds(ShortGraceProfile.GRACE_SECONDS + 1).toMillis());
        assertThat(deliver("e2e-rotate", old.token(), old.secret())).as("old token after the grace").isEqualTo(401);
        assertThat(deliver("e2e-rotate", fresh.token(), fresh.secret())).as("new token after the grace")
                .isEqualTo(202);
    }

    @Test
    void aDeliveryWithAWrongSecretIsListedAsRefusedWithItsReason() throws Exception {
        asAdmin().body("""
                {"name": "e2e-refused", "flavor": "cloud", "workspace": "acme"}""")
                .post("/api/v1/integrations").then().statusCode(201);
        WebhookSecrets webhook = webhook("e2e-refused");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> deliver("e2e-refused", webhook.token(), webhook.secret()) == 202);

        assertThat(deliver("e2e-refused", webhook.token(), "not-the-secret")).isEqualTo(403);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asAdmin()
                .get("/api/v1/integrations/e2e-refused/deliveries").then().statusCode(200)
                .body("values.outcome", hasItem("refused"))
                .body("values.reason", hasItem("signature_mismatch"))
                .body("values.repository", hasItem("acme/widgets")));
    }

    private WebhookSecrets webhook(String integration) {
        return secrets.webhook(integration).await().indefinitely().orElseThrow();
    }

    /** Delivers a signed Cloud push as Bitbucket would; returns the ingress's status. */
    private static int deliver(String integration, String token, String secret) throws Exception {
        byte[] body = "{\"repository\": {\"full_name\": \"acme/widgets\"}, \"push\": {\"changes\": []}}"
                .getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingress.publicUrl() + "/webhooks/bitbucket/"
                + integration + "?token=" + token))
                .header("Content-Type", "application/json")
                .header("X-Event-Key", "repo:push")
                .header("X-Request-UUID", UUID.randomUUID().toString())
                .header("X-Hub-Signature", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
