package dev.bitbridge.connector.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.testkit.PostgresTestResource;

import static dev.bitbridge.connector.support.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/**
 * With an OIDC issuer configured, bearer tokens it signed carry the roles: readers list the integrations of their
 * spaces, only admins see details and change anything. Tokens are signed here with the test issuer's key; a token
 * signed by another key, expired, or from another issuer is refused.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BitbridgeTopics.class)
class OidcAccessTest {

    @BeforeEach
    void integrationsInThreeSpaces() {
        for (String[] i : new String[][] { { "oidc-default", "default" }, { "oidc-games", "games" },
                { "oidc-web", "web" } }) {
            asAdmin().body("{\"name\": \"" + i[0] + "\", \"flavor\": \"cloud\", \"workspace\": \"acme\", \"scope\": \""
                    + i[1] + "\"}").post("/api/v1/integrations").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
        }
    }

    @Test
    void aReaderListsTheIntegrationsOfItsSpacesOnly() {
        as(token(Set.of("reader"), List.of("games"))).queryParam("after", "oidc-").get("/api/v1/integrations")
                .then().statusCode(200)
                .body("values.name", containsInAnyOrder("oidc-default", "oidc-games"));
    }

    @Test
    void aReaderSeesNoDetailsAndChangesNothing() {
        String reader = token(Set.of("reader"), List.of("games"));
        as(reader).get("/api/v1/integrations/oidc-games").then().statusCode(403).body("error", equalTo("forbidden"));
        as(reader).body("{\"description\": \"mine now\"}").patch("/api/v1/integrations/oidc-games")
                .then().statusCode(403);
        as(reader).delete("/api/v1/integrations/oidc-games").then().statusCode(403);
    }

    @Test
    void anOidcAdminSeesEverything() {
        String admin = token(Set.of("admin"), List.of());
        as(admin).queryParam("after", "oidc-").get("/api/v1/integrations").then().statusCode(200)
                .body("values.name", containsInAnyOrder("oidc-default", "oidc-games", "oidc-web"));
        as(admin).get("/api/v1/integrations/oidc-web").then().statusCode(200).body("scope", equalTo("web"));
    }

    @Test
    void theAdminTokenStillWorksBesideOidc() {
        asAdmin().get("/api/v1/integrations/oidc-web").then().statusCode(200);
    }

    @Test
    void forgedExpiredOrForeignTokensAreRefused() throws Exception {
        var otherKey = java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        String forged = Jwt.issuer(OidcProfile.ISSUER).subject("mallory").groups(Set.of("admin"))
                .expiresIn(300).sign(otherKey);
        String expired = Jwt.issuer(OidcProfile.ISSUER).subject("alice").groups(Set.of("admin"))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))
                .sign(signingKey());
        String foreign = Jwt.issuer("https://elsewhere.test").subject("alice").groups(Set.of("admin"))
                .expiresIn(300).sign(signingKey());
        String noRole = token(Set.of(), List.of());
        for (String token : List.of(forged, expired, foreign)) {
            as(token).get("/api/v1/integrations").then().statusCode(401).body("error", equalTo("unauthorized"));
        }
        as(noRole).get("/api/v1/integrations").then().statusCode(403);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static String token(Set<String> roles, List<String> spaces) {
        return Jwt.issuer(OidcProfile.ISSUER).subject("alice").groups(roles).claim("bitbridge_spaces", spaces)
                .expiresIn(300).sign(signingKey());
    }

    private static java.security.PrivateKey signingKey() {
        try (var in = OidcAccessTest.class.getResourceAsStream("/oidc/test-issuer-private.pem")) {
            return io.smallrye.jwt.util.KeyUtils.decodePrivateKey(new String(in.readAllBytes(),
                    java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
