package dev.bitbridge.connector.integration;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.testkit.PostgresTestResource;

import static dev.bitbridge.connector.support.Api.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** Every refused input names its field and what to do, and changes nothing. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BitbridgeTopics.class)
class IntegrationValidationTest {

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("missing name", """
                        {"flavor": "cloud", "workspace": "acme"}""", "name", "is required"),
                Arguments.of("upper-case name", """
                        {"name": "Acme", "flavor": "cloud", "workspace": "acme"}""", "name", "lower-case"),
                Arguments.of("name with a slash", """
                        {"name": "a/b", "flavor": "cloud", "workspace": "acme"}""", "name", "lower-case"),
                Arguments.of("unknown flavor", """
                        {"name": "x1", "flavor": "server", "workspace": "acme"}""", "flavor", "cloud or datacenter"),
                Arguments.of("workspace with a slash", """
                        {"name": "x2", "flavor": "cloud", "workspace": "acme/repo"}""", "workspace", "without a slash"),
                Arguments.of("cloud without workspace", """
                        {"name": "x3", "flavor": "cloud"}""", "workspace", "is required"),
                Arguments.of("cloud with a base URL", """
                        {"name": "x4", "flavor": "cloud", "workspace": "acme", "baseUrl": "https://b.example"}""",
                        "baseUrl", "Data Center only"),
                Arguments.of("http base URL", """
                        {"name": "x5", "flavor": "datacenter", "baseUrl": "http://bitbucket.example.com"}""",
                        "baseUrl", "must use https"),
                Arguments.of("base URL with credentials", """
                        {"name": "x6", "flavor": "datacenter", "baseUrl": "https://me:pw@bitbucket.example.com"}""",
                        "baseUrl", "no user"),
                Arguments.of("datacenter without base URL", """
                        {"name": "x7", "flavor": "datacenter"}""", "baseUrl", "is required"),
                Arguments.of("CA bundle that does not parse", """
                        {"name": "x8", "flavor": "datacenter", "baseUrl": "https://b.example",
                         "caBundle": "-----BEGIN CERTIFICATE-----\\nnot base64\\n-----END CERTIFICATE-----"}""",
                        "caBundle", "does not parse"),
                Arguments.of("credentials of the other flavor", """
                        {"name": "x9", "flavor": "cloud", "workspace": "acme",
                         "credentials": {"kind": "datacenter-access-token", "token": "t"}}""",
                        "credentials.kind", "is for datacenter"),
                Arguments.of("unknown credential kind", """
                        {"name": "x10", "flavor": "cloud", "workspace": "acme",
                         "credentials": {"kind": "password", "token": "t"}}""",
                        "credentials.kind", "cloud-api-token"),
                Arguments.of("API token without email", """
                        {"name": "x11", "flavor": "cloud", "workspace": "acme",
                         "credentials": {"kind": "cloud-api-token", "token": "t"}}""",
                        "credentials.email", "is required"),
                Arguments.of("API token with a username instead of an email", """
                        {"name": "x12", "flavor": "cloud", "workspace": "acme",
                         "credentials": {"kind": "cloud-api-token", "email": "jdoe", "token": "t"}}""",
                        "credentials.email", "email address"),
                Arguments.of("a field the kind does not use", """
                        {"name": "x13", "flavor": "datacenter", "baseUrl": "https://b.example",
                         "credentials": {"kind": "datacenter-access-token", "token": "t", "password": "p"}}""",
                        "credentials.password", "not used"),
                Arguments.of("unknown field", """
                        {"name": "x14", "flavor": "cloud", "workpsace": "acme"}""", "workpsace", "not a known field"),
                Arguments.of("wrong type", """
                        {"name": "x15", "flavor": "datacenter", "baseUrl": "https://b.example", "verifyTls": "no"}""",
                        "verifyTls", "wrong type"),
                Arguments.of("bad label", """
                        {"name": "x16", "flavor": "cloud", "workspace": "acme", "labels": ["Bad Label"]}""",
                        "labels[0]", "lower-case"),
                Arguments.of("bad scope", """
                        {"name": "x17", "flavor": "cloud", "workspace": "acme", "scope": "Team A"}""",
                        "scope", "lower-case"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesNamingTheFieldAndCreatesNothing(String why, String body, String field, String problem) {
        asAdmin().body(body).post("/api/v1/integrations")
                .then().statusCode(400)
                .body("error", equalTo("invalid_request"))
                .body("fields.field", hasItem(field))
                .body("fields.find { it.field == '" + field + "' }.problem", containsString(problem));
        asAdmin().queryParam("limit", 100).get("/api/v1/integrations")
                .then().body("values.name", not(hasItem(matchesPattern("x[0-9]+"))));
    }

    @Test
    void everyProblemOfARequestIsReportedAtOnce() {
        asAdmin().body("""
                {"name": "Bad", "flavor": "cloud", "workspace": "a/b", "credentials": {"kind": "cloud-api-token"}}""")
                .post("/api/v1/integrations")
                .then().statusCode(400)
                .body("fields.field", org.hamcrest.Matchers.containsInAnyOrder("credentials.email",
                        "credentials.token", "name", "workspace"));
    }

    @Test
    void aRefusedSecretIsNeverEchoed() {
        asAdmin().body("""
                {"name": "x20", "flavor": "cloud", "workspace": "acme",
                 "credentials": {"kind": "cloud-api-token", "email": "a@b.c", "token": 12345678901234567890}}""")
                .post("/api/v1/integrations")
                .then().statusCode(400)
                .body(not(containsString("12345678901234567890")));
        asAdmin().body("{\"name\": \"x21\", \"flavor\": \"cloud\", \"credentials\": {\"token\": \"s3cr3t-value\"")
                .post("/api/v1/integrations")
                .then().statusCode(400)
                .body("error", equalTo("malformed_json"))
                .body(not(containsString("s3cr3t-value")));
    }
}
