package dev.bitbridge.connector.connection;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.BitbucketCloudResource;
import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
import dev.bitbridge.testkit.bitbucket.InjectBitbucket;

import static dev.bitbridge.connector.support.Api.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** Testing a Cloud integration's connection: what was checked, or one distinct problem per cause. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BitbridgeTopics.class)
@QuarkusTestResource(BitbucketCloudResource.class)
class CloudConnectionTest {

    static final String[] ALL = { "read:user:bitbucket", "read:repository:bitbucket", "read:pullrequest:bitbucket",
            "read:webhook:bitbucket", "write:webhook:bitbucket", "delete:webhook:bitbucket" };

    @InjectBitbucket
    BitbucketSimulator bitbucket;

    @Test
    void anApiTokenWithEveryScopePassesEveryCheck() {
        Account jane = account("conn-ok", "jane.ok@example.com");
        bitbucket.credentials().apiToken(jane, "tok-ok", ALL);
        test("conn-ok", "ws-ok", "cloud-api-token", "jane.ok@example.com", "tok-ok")
                .body("ok", equalTo(true))
                .body("checks.name", org.hamcrest.Matchers.contains("identity", "workspace", "webhooks"))
                .body("checks[0].detail", containsString("Jane conn-ok"))
                .body("checks[1].detail", containsString("ws-ok"))
                .body("checks[2].outcome", equalTo("passed"));
    }

    @Test
    void aWrongTokenIsBadCredentials() {
        Account jane = account("conn-bad", "jane.bad@example.com");
        bitbucket.credentials().apiToken(jane, "right-token", ALL);
        test("conn-bad", "ws-bad", "cloud-api-token", "jane.bad@example.com", "wrong-token")
                .body("ok", equalTo(false))
                .body("problem", equalTo("bad_credentials"))
                .body("detail", containsString("email is the Atlassian account's email"));
    }

    @Test
    void anAppPasswordSaysTheyWereRemovedAndWhatToCreate() {
        bitbucket.credentials().appPassword("jdoe", "app-pass");
        bitbucket.createRepository("ws-app", "repo");
        asAdmin().body("""
                {"name": "conn-app", "flavor": "cloud", "workspace": "ws-app",
                 "credentials": {"kind": "cloud-app-password", "username": "jdoe", "appPassword": "app-pass"}}""")
                .post("/api/v1/integrations").then().statusCode(201);
        asAdmin().post("/api/v1/integrations/conn-app/test").then().statusCode(200)
                .body("problem", equalTo("bad_credentials"))
                .body("detail", containsString("removed app passwords on 2026-07-28"))
                .body("detail", containsString("API token"));
    }

    @Test
    void withoutTheWebhookScopeTheTestPassesWithAWarning() {
        Account jane = account("conn-scope", "jane.scope@example.com");
        bitbucket.credentials().apiToken(jane, "tok-scope", "read:user:bitbucket", "read:repository:bitbucket");
        test("conn-scope", "ws-scope", "cloud-api-token", "jane.scope@example.com", "tok-scope")
                .body("ok", equalTo(true))
                .body("checks.outcome", hasItem("warning"))
                .body("checks[2].detail", containsString("webhook"))
                .body("checks[2].detail", containsString("manual webhook"));
    }

    @Test
    void anUnknownWorkspaceIsNotFound() {
        Account jane = account("conn-ws", "jane.ws@example.com");
        bitbucket.credentials().apiToken(jane, "tok-ws", ALL);
        asAdmin().body("""
                {"name": "conn-ws", "flavor": "cloud", "workspace": "no-such-workspace",
                 "credentials": {"kind": "cloud-api-token", "email": "jane.ws@example.com", "token": "tok-ws"}}""")
                .post("/api/v1/integrations").then().statusCode(201);
        asAdmin().post("/api/v1/integrations/conn-ws/test").then().statusCode(200)
                .body("ok", equalTo(false))
                .body("problem", equalTo("not_found"))
                .body("checks[0].outcome", equalTo("passed"));
    }

    @Test
    void overTheRateLimitSaysWhenToRetry() {
        Account jane = account("conn-rate", "jane.rate@example.com");
        bitbucket.credentials().apiToken(jane, "tok-rate", ALL);
        bitbucket.rateLimit(1);
        try {
            test("conn-rate", "ws-rate", "cloud-api-token", "jane.rate@example.com", "tok-rate")
                    .body("problem", equalTo("rate_limited"))
                    .body("retryAfterSeconds", notNullValue())
                    .body("detail", containsString("retry in"));
        } finally {
            bitbucket.rateLimit(0);
        }
    }

    @Test
    void aWorkspaceAccessTokenIsUsedAsBearerAndCheckedThroughTheWorkspace() {
        bitbucket.createRepository("ws-wat", "repo");
        bitbucket.credentials().workspaceAccessToken("ws-wat", "ATCTT-workspace-token", "repository", "pullrequest",
                "webhook");
        accessToken("conn-wat", "ws-wat", "ATCTT-workspace-token")
                .body("ok", equalTo(true))
                .body("checks.name", org.hamcrest.Matchers.contains("identity", "workspace", "webhooks"))
                .body("checks[0].detail", containsString("its own bot user"))
                .body("checks[1].detail", containsString("ws-wat"))
                .body("checks[2].outcome", equalTo("passed"));
    }

    @Test
    void aRepositoryAccessTokenSeesItsRepositoryOnly() {
        var repo = bitbucket.createRepository("ws-rat", "only-this");
        bitbucket.createRepository("ws-rat", "another");
        bitbucket.credentials().repositoryAccessToken(repo, "ATCTT-repo-token", "repository", "webhook");
        accessToken("conn-rat", "ws-rat", "ATCTT-repo-token").body("ok", equalTo(true));
        asAdmin().get("/api/v1/integrations/conn-rat/repositories/available").then().statusCode(200)
                .body("values.repository", org.hamcrest.Matchers.contains("ws-rat/only-this"));
    }

    @Test
    void aRevokedAccessTokenIsBadCredentialsWithoutTheAppPasswordHint() {
        bitbucket.createRepository("ws-gone", "repo");
        accessToken("conn-gone", "ws-gone", "ATCTT-never-issued")
                .body("ok", equalTo(false))
                .body("problem", equalTo("bad_credentials"))
                .body("detail", org.hamcrest.Matchers.not(containsString("app password")));
    }

    private static ValidatableResponse accessToken(String name, String workspace, String token) {
        asAdmin().body("""
                {"name": "%s", "flavor": "cloud", "workspace": "%s",
                 "credentials": {"kind": "cloud-access-token", "token": "%s"}}""".formatted(name, workspace, token))
                .post("/api/v1/integrations").then().statusCode(201);
        return asAdmin().post("/api/v1/integrations/" + name + "/test").then().statusCode(200);
    }

    private Account account(String name, String email) {
        return bitbucket.addAccount("Jane " + name, email);
    }

    private ValidatableResponse test(String name, String workspace, String kind, String email, String token) {
        bitbucket.createRepository(workspace, "repo");
        asAdmin().body("""
                {"name": "%s", "flavor": "cloud", "workspace": "%s",
                 "credentials": {"kind": "%s", "email": "%s", "token": "%s"}}"""
                .formatted(name, workspace, kind, email, token))
                .post("/api/v1/integrations").then().statusCode(201);
        return asAdmin().post("/api/v1/integrations/" + name + "/test").then().statusCode(200);
    }
}
