package dev.bitbridge.connector.integration;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.credentials.CredentialStore;
import dev.bitbridge.credentials.SecretFields;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.integration.IntegrationRoute;
import dev.bitbridge.events.integration.SecretSealer;
import dev.bitbridge.events.integration.TokenHash;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.TopicScanner;

import static dev.bitbridge.connector.support.Api.anonymous;
import static dev.bitbridge.connector.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BitbridgeTopics.class)
class IntegrationApiTest {

    static final String SEALING_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @Inject
    CredentialStore store;
    @Inject
    ObjectMapper json;

    @Test
    void createsACloudIntegrationWithWriteOnlyCredentialsAndPublishesItsRoute() throws Exception {
        asAdmin().body("""
                {"name": "acme-cloud", "flavor": "cloud", "workspace": "acme", "labels": ["team:games"],
                 "description": "# Games\\nBuilds of the games team",
                 "credentials": {"kind": "cloud-api-token", "email": "ci@acme.example", "token": "ATATT-secret-1"}}
                """)
                .post("/api/v1/integrations")
                .then().statusCode(201)
                .header("Location", "/api/v1/integrations/acme-cloud")
                .body("name", equalTo("acme-cloud"))
                .body("flavor", equalTo("cloud"))
                .body("scope", equalTo("default"))
                .body("labels", contains("team:games"))
                .body("credentials.set", equalTo(true))
                .body("credentials.kind", equalTo("cloud-api-token"))
                .body("credentials.token", nullValue())
                .body("credentials.email", nullValue())
                .body("webhookUrl", org.hamcrest.Matchers.endsWith("/webhooks/bitbucket/acme-cloud"))
                .body("routing", equalTo("published"))
                .body(not(org.hamcrest.Matchers.containsString("ATATT-secret-1")));

        SecretFields stored = store.get(IntegrationSecrets.bitbucketPath("acme-cloud")).await().indefinitely()
                .orElseThrow();
        assertThat(stored.require("email")).isEqualTo("ci@acme.example");
        assertThat(stored.require("token")).isEqualTo("ATATT-secret-1");
        SecretFields webhook = store.get(IntegrationSecrets.webhookPath("acme-cloud")).await().indefinitely()
                .orElseThrow();

        IntegrationRoute route = latestRoute("acme-cloud").orElseThrow();
        assertThat(route.enabled()).isTrue();
        assertThat(TokenHash.matches(webhook.require("token"), route.tokenHash())).isTrue();
        assertThat(new SecretSealer(Map.of("test", SEALING_KEY)).open("acme-cloud", route.webhookSecret()))
                .isEqualTo(webhook.require("secret"));

        asAdmin().get("/api/v1/integrations/acme-cloud").then().statusCode(200)
                .body("workspace", equalTo("acme"))
                .body("description", equalTo("# Games\nBuilds of the games team"));
    }

    @Test
    void createsADataCenterIntegration() {
        asAdmin().body("""
                {"name": "dc-main", "flavor": "datacenter", "baseUrl": "https://bitbucket.example.com/",
                 "verifyTls": false, "credentials": {"kind": "datacenter-access-token", "token": "BBDC-secret"}}
                """)
                .post("/api/v1/integrations")
                .then().statusCode(201)
                .body("baseUrl", equalTo("https://bitbucket.example.com"))
                .body("verifyTls", equalTo(false))
                .body("caBundleSet", equalTo(false))
                .body("credentials.kind", equalTo("datacenter-access-token"));
    }

    @Test
    void updatesFieldsAndReplacesCredentialsButNotTheName() {
        asAdmin().body("""
                {"name": "to-update", "flavor": "cloud", "workspace": "acme"}
                """).post("/api/v1/integrations").then().statusCode(201).body("credentials.set", equalTo(false));

        asAdmin().body("""
                {"description": "now described", "labels": ["b", "a"],
                 "credentials": {"kind": "cloud-access-token", "token": "ATCTT-secret"}}
                """).patch("/api/v1/integrations/to-update").then().statusCode(200)
                .body("description", equalTo("now described"))
                .body("labels", contains("a", "b"))
                .body("credentials.kind", equalTo("cloud-access-token"));

        asAdmin().body("""
                {"name": "renamed", "flavor": "datacenter"}
                """).patch("/api/v1/integrations/to-update").then().statusCode(400)
                .body("fields.field", contains("flavor", "name"));
    }

    @Test
    void disablingAnIntegrationPublishesADisabledRoute() {
        asAdmin().body("""
                {"name": "switch-off", "flavor": "cloud", "workspace": "acme"}
                """).post("/api/v1/integrations").then().statusCode(201);
        asAdmin().body("""
                {"enabled": false}
                """).patch("/api/v1/integrations/switch-off").then().statusCode(200).body("enabled", equalTo(false));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(latestRoute("switch-off").orElseThrow().enabled()).isFalse());
    }

    @Test
    void deletingRemovesCredentialsAndTombstonesTheRoute() {
        asAdmin().body("""
                {"name": "short-lived", "flavor": "cloud", "workspace": "acme",
                 "credentials": {"kind": "cloud-access-token", "token": "ATCTT-gone"}}
                """).post("/api/v1/integrations").then().statusCode(201);

        asAdmin().delete("/api/v1/integrations/short-lived").then().statusCode(200)
                .body("deleted", equalTo("short-lived"))
                .body("routing", equalTo("removed"))
                .body("notCleanedUp.size()", equalTo(0));

        assertThat(store.get(IntegrationSecrets.bitbucketPath("short-lived")).await().indefinitely()).isEmpty();
        assertThat(store.get(IntegrationSecrets.webhookPath("short-lived")).await().indefinitely()).isEmpty();
        List<ConsumerRecord<String, byte[]>> records = routeRecords("short-lived");
        assertThat(records.get(records.size() - 1).value()).isNull();
        asAdmin().get("/api/v1/integrations/short-lived").then().statusCode(404).body("error", equalTo("not_found"));
        // The name is free again.
        asAdmin().body("""
                {"name": "short-lived", "flavor": "cloud", "workspace": "acme"}
                """).post("/api/v1/integrations").then().statusCode(201);
    }

    @Test
    void aTakenNameIsAConflictAndChangesNothing() {
        asAdmin().body("""
                {"name": "taken", "flavor": "cloud", "workspace": "first"}
                """).post("/api/v1/integrations").then().statusCode(201);
        asAdmin().body("""
                {"name": "taken", "flavor": "cloud", "workspace": "second",
                 "credentials": {"kind": "cloud-access-token", "token": "must-not-be-stored"}}
                """).post("/api/v1/integrations").then().statusCode(409).body("fields.field", contains("name"));

        asAdmin().get("/api/v1/integrations/taken").then().body("workspace", equalTo("first"))
                .body("credentials.set", equalTo(false));
        assertThat(store.get(IntegrationSecrets.bitbucketPath("taken")).await().indefinitely()).isEmpty();
    }

    @Test
    void listsByNameInPages() {
        for (String name : List.of("page-a", "page-b", "page-c")) {
            asAdmin().body("{\"name\": \"" + name + "\", \"flavor\": \"cloud\", \"workspace\": \"acme\"}")
                    .post("/api/v1/integrations").then().statusCode(201);
        }
        String next = asAdmin().queryParam("after", "page-").queryParam("limit", 2).get("/api/v1/integrations")
                .then().statusCode(200)
                .body("values.name", contains("page-a", "page-b"))
                .extract().path("nextAfter");
        asAdmin().queryParam("after", next).queryParam("limit", 1).get("/api/v1/integrations")
                .then().body("values.name", contains("page-c"));
        asAdmin().queryParam("limit", 0).get("/api/v1/integrations").then().statusCode(400)
                .body("fields.field", contains("limit"));
        asAdmin().queryParam("limit", "abc").get("/api/v1/integrations").then().statusCode(400)
                .body("fields.field", contains("limit"))
                .body("fields.problem", contains("must be a whole number (was 'abc')"));
        asAdmin().queryParam("limit", "abc").get("/api/v1/integrations/page-a/deliveries").then().statusCode(400)
                .body("fields.field", contains("limit"));
    }

    @Test
    void withoutTheAdminTokenNothingIsShownOrChanged() {
        anonymous().get("/api/v1/integrations").then().statusCode(401).body("error", equalTo("unauthorized"))
                .header("WWW-Authenticate", "Bearer");
        anonymous().header("Authorization", "Bearer wrong-token").body("""
                {"name": "intruder", "flavor": "cloud", "workspace": "acme"}
                """).post("/api/v1/integrations").then().statusCode(401);
        asAdmin().get("/api/v1/integrations/intruder").then().statusCode(404);
        asAdmin().get("/api/v1/integrations").then().body("values.name", not(hasItem("intruder")));
    }

    private Optional<IntegrationRoute> latestRoute(String name) {
        List<ConsumerRecord<String, byte[]>> records = routeRecords(name);
        if (records.isEmpty() || records.get(records.size() - 1).value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(records.get(records.size() - 1).value(), IntegrationRoute.class));
        } catch (java.io.IOException e) {
            throw new AssertionError(new String(records.get(records.size() - 1).value(), StandardCharsets.UTF_8), e);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> routeRecords(String name) {
        return TopicScanner.ofSharedKafka().readAll(Topics.INTEGRATIONS_V1).stream()
                .filter(r -> name.equals(r.key())).toList();
    }
}
