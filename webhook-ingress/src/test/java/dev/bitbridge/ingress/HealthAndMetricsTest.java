package dev.bitbridge.ingress;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.testkit.KafkaTestResource;

import static dev.bitbridge.ingress.Webhooks.newId;
import static dev.bitbridge.ingress.Webhooks.path;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HealthAndMetricsTest extends ReadyIngress {

    @Test
    void liveAndReadyWithKafkaAndTheIntegrationsView() {
        management().get("/q/health/live").then().statusCode(200).body("checks.name", hasItems("ingress-internals"));
        // Readiness follows start-up in the background (topics, integrations view), as a probe would see it.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> management().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.find { it.name == 'ingress' }.data.topics", equalTo("provisioned"))
                .body("checks.find { it.name == 'ingress' }.data.integrations-view", equalTo("loaded")));
    }

    @Test
    void operationsEndpointsAreNotOnThePublicPort() {
        for (String operations : new String[] { "/q/health", "/q/health/ready", "/q/metrics", "/q/openapi" }) {
            given().get(operations).then().statusCode(404).body("error", equalTo("not_found"));
        }
        management().get("/q/metrics").then().statusCode(200);
        management().get("/q/openapi").then().statusCode(200);
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
    void aDeclaredIntegrationsSeriesExistFromStartWithHelpText() {
        // 'switched-off' never accepts anything: its series can only exist because they were created at start.
        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics)
                .contains("# HELP bitbridge_ingress_webhooks_accepted ")
                .contains("# HELP bitbridge_ingress_webhooks_duplicates ")
                .contains("# HELP bitbridge_ingress_webhooks_rejected ")
                .containsPattern(
                        "(?m)^bitbridge_ingress_webhooks_accepted_total\\{flavor=\"cloud\",integration=\"switched-off\"} 0\\.0$")
                .containsPattern("(?m)^bitbridge_ingress_webhooks_duplicates_total\\{integration=\"switched-off\"} 0\\.0$")
                .containsPattern("(?m)^bitbridge_ingress_webhooks_rejected_total\\{reason=\"headers_too_large\"} ");
    }

    @Test
    void metricsNeverCarryTokensOrUnknownNames() {
        given().queryParam("token", "very-secret-probe-token").body("{}").post(path("probe-name-x")).then().statusCode(401);

        String metrics = management().get("/q/metrics").asString();
        assertThat(metrics).doesNotContain("very-secret-probe-token").doesNotContain("probe-name-x");
    }
}
