package dev.bitbridge.connector.oauth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import dev.bitbridge.connector.integration.IntegrationSecrets;
import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.BitbucketCloudResource;
import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
import dev.bitbridge.testkit.bitbucket.InjectBitbucket;

import static dev.bitbridge.connector.support.Api.anonymous;
import static dev.bitbridge.connector.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * OAuth 2.0 consumers against the simulator's token endpoint: the client-credentials grant, and "Connect Bitbucket"
 * (authorization code) with rotating refresh tokens, renewal after a 401, and a clear "connect again" once the
 * refresh token expired.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BitbridgeTopics.class)
@QuarkusTestResource(BitbucketCloudResource.class)
class CloudOAuthTest {

    static final String[] SCOPES = { "account", "repository", "pullrequest", "webhook" };

    @InjectBitbucket
    BitbucketSimulator bitbucket;
    @Inject
    IntegrationSecrets secrets;

    @Test
    void aClientCredentialsConsumerGetsATokenAndANewOneAfterA401() {
        Account app = bitbucket.addAccount("CI App", "ci-app@example.com");
        bitbucket.createRepository("ws-cc", "widgets");
        bitbucket.credentials().oauthConsumer("cc-key", "cc-secret", "https://unused.example/callback", app, "ws-cc",
                SCOPES);
        create("oauth-cc", "ws-cc", "cloud-oauth-client-credentials", "cc-key", "cc-secret");

        test("oauth-cc").body("ok", equalTo(true));
        // Bitbucket considers the access token expired while the connector's cache still holds it: 401, then a new one.
        bitbucket.advanceClock(Duration.ofHours(3));
        test("oauth-cc").body("ok", equalTo(true));
    }

    @Test
    void aWrongConsumerSecretSaysSo() {
        Account app = bitbucket.addAccount("Other App", "other-app@example.com");
        bitbucket.createRepository("ws-badcc", "widgets");
        bitbucket.credentials().oauthConsumer("bad-key", "right-secret", "https://unused.example/callback", app,
                "ws-badcc", SCOPES);
        create("oauth-badcc", "ws-badcc", "cloud-oauth-client-credentials", "bad-key", "wrong-secret");
        test("oauth-badcc").body("problem", equalTo("bad_credentials"))
                .body("detail", containsString("consumer's key or secret"));
    }

    @Test
    void connectBitbucketStoresARotatingRefreshTokenAndAnExpiredOneAsksToConnectAgain() throws Exception {
        Account jane = bitbucket.addAccount("Jane OAuth", "jane-oauth@example.com");
        bitbucket.createRepository("ws-code", "widgets");
        bitbucket.credentials().oauthConsumer("code-key", "code-secret", "http://localhost:" + RestAssured.port
                + "/api/v1/oauth/callback", jane, "ws-code", SCOPES);
        create("oauth-code", "ws-code", "cloud-oauth-authorization-code", "code-key", "code-secret");

        test("oauth-code").body("problem", equalTo("reconnect_needed"))
                .body("detail", containsString("/oauth/connect"));

        String authorize = asAdmin().redirects().follow(false).get("/api/v1/integrations/oauth-code/oauth/connect")
                .then().statusCode(302).extract().header("Location");
        assertThat(authorize).startsWith(bitbucket.authorizeUrl()).contains("client_id=code-key").contains("state=");
        String callback = redirectOf(authorize);
        assertThat(callback).contains("/api/v1/oauth/callback?").contains("code=");
        anonymous().get(URI.create(callback).getRawPath() + "?" + URI.create(callback).getRawQuery()).then()
                .statusCode(200).body("connected", equalTo("oauth-code"));
        // The state is spent: the same callback again stores nothing.
        anonymous().get(URI.create(callback).getRawPath() + "?" + URI.create(callback).getRawQuery()).then()
                .statusCode(400).body("fields.field", org.hamcrest.Matchers.contains("state"));

        test("oauth-code").body("ok", equalTo(true)).body("checks[0].detail", containsString("Jane OAuth"));
        String firstRefresh = refreshToken("oauth-code");

        bitbucket.advanceClock(Duration.ofHours(3));
        test("oauth-code").body("ok", equalTo(true));
        assertThat(refreshToken("oauth-code")).as("the refresh token rotated and the new one was stored")
                .isNotEqualTo(firstRefresh);

        bitbucket.advanceClock(Duration.ofDays(91));
        test("oauth-code").body("ok", equalTo(false))
                .body("problem", equalTo("reconnect_needed"))
                .body("detail", containsString("connect Bitbucket again"));
    }

    @Test
    void anAccessTokenIsRenewedBeforeItExpiresNotAfterBitbucketRefusesIt() throws Exception {
        Account joe = bitbucket.addAccount("Joe Renew", "joe-renew@example.com");
        bitbucket.createRepository("ws-renew", "widgets");
        bitbucket.credentials().oauthConsumer("renew-key", "renew-secret", "http://localhost:" + RestAssured.port
                + "/api/v1/oauth/callback", joe, "ws-renew", SCOPES);
        create("oauth-renew", "ws-renew", "cloud-oauth-authorization-code", "renew-key", "renew-secret");
        String authorize = asAdmin().redirects().follow(false).get("/api/v1/integrations/oauth-renew/oauth/connect")
                .then().statusCode(302).extract().header("Location");
        URI callback = URI.create(redirectOf(authorize));
        anonymous().get(callback.getRawPath() + "?" + callback.getRawQuery()).then().statusCode(200);

        // Tokens that live an hour are used as long as they are fresh: no clock moves, so the same token serves.
        test("oauth-renew").body("ok", equalTo(true));
        String kept = refreshToken("oauth-renew");
        test("oauth-renew").body("ok", equalTo(true));
        assertThat(refreshToken("oauth-renew")).as("a fresh access token is reused, not renewed").isEqualTo(kept);

        // Tokens that live 4 minutes are inside the 5-minute renewal margin from the start: each use renews first,
        // while Bitbucket would still accept the old token (its clock does not move), so no 401 is involved.
        bitbucket.oauthAccessTokenLifetime(Duration.ofMinutes(4));
        try {
            // Bitbucket expires the hour-long token (its clock moves, ours does not): one renewal after the 401,
            // which brings a 4-minute token.
            bitbucket.advanceClock(Duration.ofHours(3));
            test("oauth-renew").body("ok", equalTo(true));
            String before = refreshToken("oauth-renew");
            test("oauth-renew").body("ok", equalTo(true));
            assertThat(refreshToken("oauth-renew")).as("renewed ahead of expiry, spending the refresh token")
                    .isNotEqualTo(before);
        } finally {
            bitbucket.oauthAccessTokenLifetime(Duration.ofHours(2));
        }
    }

    @Test
    void aCallbackWithoutAKnownStateStoresNothing() {
        anonymous().get("/api/v1/oauth/callback?state=forged&code=whatever").then().statusCode(400)
                .body("fields.field", org.hamcrest.Matchers.contains("state"));
        anonymous().get("/api/v1/oauth/callback?code=whatever").then().statusCode(400);
    }

    private String refreshToken(String integration) {
        return secrets.bitbucket(integration).await().indefinitely().orElseThrow().require("refreshToken");
    }

    private static String redirectOf(String url) throws Exception {
        HttpResponse<Void> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static void create(String name, String workspace, String kind, String key, String secret) {
        asAdmin().body("""
                {"name": "%s", "flavor": "cloud", "workspace": "%s",
                 "credentials": {"kind": "%s", "clientId": "%s", "clientSecret": "%s"}}"""
                .formatted(name, workspace, kind, key, secret))
                .post("/api/v1/integrations").then().statusCode(201);
    }

    private static io.restassured.response.ValidatableResponse test(String name) {
        return asAdmin().post("/api/v1/integrations/" + name + "/test").then().statusCode(200);
    }
}
