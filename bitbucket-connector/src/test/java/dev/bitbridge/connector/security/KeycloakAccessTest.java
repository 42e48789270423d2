package dev.bitbridge.connector.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.oidc.InjectKeycloak;
import dev.bitbridge.testkit.oidc.KeycloakResource;
import dev.bitbridge.testkit.oidc.KeycloakServer;

import static dev.bitbridge.connector.support.Api.anonymous;
import static dev.bitbridge.connector.support.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

/**
 * The API against a real OIDC provider: a Keycloak server (testkit's {@link KeycloakResource}) issues the tokens
 * with its password grant, and quarkus-oidc verifies them with the keys it discovers there. alice is an admin, bob a
 * reader of space team-a, carol has no role of the API.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BitbridgeTopics.class)
@QuarkusTestResource(value = KeycloakResource.class, restrictToAnnotatedClass = true, parallel = true)
class KeycloakAccessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectKeycloak
    KeycloakServer keycloak;

    @BeforeEach
    void integrationsInThreeSpaces() {
        String alice = tokenOf("alice");
        for (String space : new String[] { "default", "team-a", "team-b" }) {
            as(alice).body("{\"name\": \"kc-" + space + "\", \"flavor\": \"cloud\", \"workspace\": \"acme\","
                    + " \"scope\": \"" + space + "\"}").post("/api/v1/integrations")
                    .then().statusCode(oneOf(201, 409));
        }
    }

    @Test
    void anAdminCreatesReadsAndListsEverything() {
        String alice = tokenOf("alice");
        as(alice).body("{\"name\": \"kc-by-alice\", \"flavor\": \"cloud\", \"workspace\": \"acme\", \"scope\":"
                + " \"team-b\", \"description\": \"made with a Keycloak token\"}").post("/api/v1/integrations")
                .then().statusCode(201).body("name", equalTo("kc-by-alice"));
        as(alice).get("/api/v1/integrations/kc-by-alice").then().statusCode(200)
                .body("scope", equalTo("team-b")).body("description", equalTo("made with a Keycloak token"));
        as(alice).queryParam("after", "kc-").get("/api/v1/integrations").then().statusCode(200)
                .body("values.name", hasItems("kc-by-alice", "kc-default", "kc-team-a", "kc-team-b"));
    }

    @Test
    void aReaderListsTheIntegrationsOfItsSpacesOnly() {
        as(tokenOf("bob")).queryParam("after", "kc-").queryParam("limit", 100).get("/api/v1/integrations")
                .then().statusCode(200)
                .body("values.name", hasItems("kc-default", "kc-team-a"))
                .body("values.name", not(hasItem("kc-team-b")))
                .body("values.scope", everyItem(oneOf("default", "team-a")));
    }

    @Test
    void aReaderSeesNoDetailsAndChangesNothing() {
        String bob = tokenOf("bob");
        as(bob).get("/api/v1/integrations/kc-team-a").then().statusCode(403).body("error", equalTo("forbidden"));
        as(bob).body("{\"description\": \"mine now\"}").patch("/api/v1/integrations/kc-team-a")
                .then().statusCode(403).body("error", equalTo("forbidden"));
        as(bob).delete("/api/v1/integrations/kc-team-a").then().statusCode(403).body("error", equalTo("forbidden"));
        as(bob).body("{\"name\": \"kc-by-bob\", \"flavor\": \"cloud\", \"workspace\": \"acme\", \"scope\":"
                + " \"team-a\"}").post("/api/v1/integrations").then().statusCode(403)
                .body("error", equalTo("forbidden"));

        asAdmin().get("/api/v1/integrations/kc-team-a").then().statusCode(200)
                .body("description", not(equalTo("mine now")));
        asAdmin().get("/api/v1/integrations/kc-by-bob").then().statusCode(404);
    }

    @Test
    void aValidTokenWithoutAnApiRoleIsForbidden() {
        as(tokenOf("carol")).get("/api/v1/integrations").then().statusCode(403).body("error", equalTo("forbidden"));
    }

    @Test
    void noTokenIsUnauthorized() {
        anonymous().get("/api/v1/integrations").then().statusCode(401).body("error", equalTo("unauthorized"));
        anonymous().get("/api/v1/integrations/kc-default").then().statusCode(401)
                .body("error", equalTo("unauthorized"));
    }

    @Test
    void aTokenOfAnotherRealmIsUnauthorized() {
        // Signed by the same Keycloak, but by the master realm's key and with the master realm as issuer.
        as(keycloak.masterRealmToken()).get("/api/v1/integrations").then().statusCode(401)
                .body("error", equalTo("unauthorized"));
    }

    @Test
    void aTamperedTokenIsUnauthorized() throws Exception {
        String[] parts = tokenOf("bob").split("\\.");
        ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        claims.putObject("realm_access").putArray("roles").add("admin");
        String promoted = encode(JSON.writeValueAsBytes(claims));

        String forged = parts[0] + "." + promoted + "." + parts[2];
        String unsigned = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + promoted + ".";
        for (String token : new String[] { forged, unsigned }) {
            as(token).get("/api/v1/integrations/kc-team-a").then().statusCode(401)
                    .body("error", equalTo("unauthorized"));
        }
        // The untouched token still works: what was refused is the change.
        as(tokenOf("bob")).get("/api/v1/integrations").then().statusCode(200);
    }

    @Test
    void theAdminTokenStillWorksBesideKeycloak() {
        asAdmin().get("/api/v1/integrations/kc-team-b").then().statusCode(200).body("scope", equalTo("team-b"));
    }

    private String tokenOf(String user) {
        return keycloak.passwordGrant(KeycloakResource.REALM, KeycloakResource.CLIENT_ID, KeycloakResource.CLIENT_SECRET,
                user, user + "-password");
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }
}
