package dev.bitbridge.ingress;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.testkit.KafkaTestResource;

import static dev.bitbridge.ingress.Webhooks.newId;
import static dev.bitbridge.ingress.Webhooks.path;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HealthAndMetricsTest extends ReadyIngress {

    @Test
    void liveAndReadyWithKafkaAndTheIntegrationsView() {
        given().get("/q/health/live").then().statusCode(200);
        // Readiness follows start-up in the background (topics, integrations view), as a probe would see it.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("integrations")));
    }

    @Test
    void theWebhookEndpointIsDescribedInOpenApi() {
        String openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();

        assertThat(openapi).contains("/webhooks/bitbucket/{integration}", "\"202\"", "\"503\"");
    }

    @Test
    void acceptedRejectedDuplicatesAndLatencyAreCounted() {
        double accepted = metric("bitbridge_ingress_webhooks_accepted_total{flavor=\"cloud\",integration=\"cloud-plain\"}");
        double unauthorized = metric("bitbridge_ingress_webhooks_rejected_total{reason=\"unauthorized\"}");
        double duplicates = metric("bitbridge_ingress_webhooks_duplicates_total{integration=\"cloud-plain\"}");

        String id = newId();
        Webhooks.cloud(id, "repo:push").body(Webhooks.CLOUD_PUSH).post(path("cloud-plain")).then().statusCode(202);
        Webhooks.cloud(id, "repo:push").body(Webhooks.CLOUD_PUSH).post(path("cloud-plain")).then().statusCode(202);
        given().body(Webhooks.CLOUD_PUSH).post(path("cloud-plain")).then().statusCode(401);

        assertThat(metric("bitbridge_ingress_webhooks_accepted_total{flavor=\"cloud\",integration=\"cloud-plain\"}"))
                .isEqualTo(accepted + 1);
        assertThat(metric("bitbridge_ingress_webhooks_duplicates_total{integration=\"cloud-plain\"}"))
                .isEqualTo(duplicates + 1);
        assertThat(metric("bitbridge_ingress_webhooks_rejected_total{reason=\"unauthorized\"}")).isEqualTo(unauthorized + 1);
        assertThat(metric("bitbridge_ingress_publish_seconds_count")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void metricsNeverCarryTokensOrUnknownNames() {
        given().queryParam("token", "very-secret-probe-token").body("{}").post(path("probe-name-x")).then().statusCode(401);

        String metrics = given().get("/q/metrics").asString();
        assertThat(metrics).doesNotContain("very-secret-probe-token").doesNotContain("probe-name-x");
    }

    private static double metric(String series) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.Ee+-]+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }
}
