package dev.bitbridge.connector.branches;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.connector.support.CloudSetup;
import dev.bitbridge.testkit.FreePorts;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.BitbucketCloudResource;
import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
import dev.bitbridge.testkit.bitbucket.DcPermission;
import dev.bitbridge.testkit.bitbucket.Flavor;
import dev.bitbridge.testkit.bitbucket.InjectBitbucket;
import dev.bitbridge.testkit.bitbucket.NewCommit;
import dev.bitbridge.testkit.bitbucket.RepoRef;

import static dev.bitbridge.connector.support.Api.anonymous;
import static dev.bitbridge.connector.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * {@code …/branch-head?branch=}: against the Cloud simulator (the suite's) and a Data Center simulator (HTTPS, its CA
 * given): branches with slashes, exact names among Data Center's filter matches, unknown integration, repository and
 * branch each named, and Bitbucket away — 503 with {@code Retry-After}, never a 404.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BitbridgeTopics.class)
@QuarkusTestResource(BitbucketCloudResource.class)
class BranchHeadTest {

    static BitbucketSimulator dataCenter;
    static Account dcBot;
    static boolean cloudReady;

    @InjectBitbucket
    BitbucketSimulator cloud;

    @BeforeAll
    static void startDataCenter() {
        dataCenter = BitbucketSimulator.start(Flavor.DATA_CENTER, 0, true);
        dcBot = dataCenter.addAccount("Heads Bot", "heads@example.com");
        dataCenter.createRepository("GAME", "client");
        dataCenter.credentials().dcUser(dcBot, "dc-password");
        dataCenter.credentials().grant(dcBot, DcPermission.REPO_READ, "GAME", "client");
    }

    @AfterAll
    static void stopDataCenter() {
        dataCenter.close();
    }

    @BeforeEach
    void cloudIntegration() {
        if (!cloudReady) {
            cloudReady = true;
            Account bot = cloud.addAccount("Cloud Heads", "cloud-heads@example.com");
            cloud.credentials().apiToken(bot, "tok-heads", CloudSetup.SCOPES);
            asAdmin().body("""
                    {"name": "cloud-heads", "flavor": "cloud", "workspace": "ws-heads",
                     "credentials": {"kind": "cloud-api-token", "email": "cloud-heads@example.com",
                                     "token": "tok-heads"}}""")
                    .post("/api/v1/integrations").then().statusCode(201);
            RepoRef repo = cloud.createRepository("ws-heads", "game");
            cloud.push(repo, "main", NewCommit.by(bot, "first"));
            cloud.push(repo, "feature/GAME-12", NewCommit.by(bot, "particles"));
            cloud.createRepository("ws-heads", "away");
        }
    }

    @Test
    void aCloudBranchWithASlashIsReadWithTheIntegrationsFlavor() {
        String head = cloud.head(new RepoRef("ws-heads", "game"), "feature/GAME-12");
        asAdmin().queryParam("branch", "feature/GAME-12")
                .get("/api/v1/integrations/cloud-heads/repositories/ws-heads/game/branch-head")
                .then().statusCode(200)
                .body("repository", equalTo("ws-heads/game"))
                .body("branch", equalTo("feature/GAME-12"))
                .body("commit", equalTo(head))
                .body("flavor", equalTo("cloud"));
        assertThat(cloud.requestCount("GET", "/2.0/repositories/ws-heads/game/refs/branches/feature/GAME-12"))
                .as("one call, the branch's slash kept in the path").isEqualTo(1);
    }

    @Test
    void unknownBranchRepositoryAndIntegrationAreEachNamed() {
        asAdmin().queryParam("branch", "nope").get("/api/v1/integrations/cloud-heads/repositories/ws-heads/game/branch-head")
                .then().statusCode(404).body("error", equalTo("not_found"))
                .body("detail", containsString("has no branch 'nope'")).body("fields[0].field", equalTo("branch"));
        asAdmin().queryParam("branch", "main")
                .get("/api/v1/integrations/cloud-heads/repositories/ws-heads/missing/branch-head")
                .then().statusCode(404).body("detail", containsString("has no repository ws-heads/missing"))
                .body("fields[0].field", equalTo("repository"));
        asAdmin().queryParam("branch", "main").get("/api/v1/integrations/nobody/repositories/ws-heads/game/branch-head")
                .then().statusCode(404).body("detail", containsString("No integration is named 'nobody'"))
                .body("fields[0].field", equalTo("integration"));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        asAdmin().get("/api/v1/integrations/cloud-heads/repositories/ws-heads/game/branch-head")
                .then().statusCode(400).body("fields[0].field", equalTo("branch"));
        asAdmin().queryParam("branch", "refs/heads/main")
                .get("/api/v1/integrations/cloud-heads/repositories/ws-heads/game/branch-head")
                .then().statusCode(400).body("fields[0].field", equalTo("branch"));
        anonymous().queryParam("branch", "main")
                .get("/api/v1/integrations/cloud-heads/repositories/ws-heads/game/branch-head")
                .then().statusCode(401);
    }

    @Test
    void cloudFailingIsUnavailableWithRetryAfterNotNotFound() {
        cloud.failNext(20, 503, "/2.0/repositories/ws-heads/away/**");
        asAdmin().queryParam("branch", "main")
                .get("/api/v1/integrations/cloud-heads/repositories/ws-heads/away/branch-head")
                .then().statusCode(503).header("Retry-After", notNullValue())
                .body("error", equalTo("bitbucket_error"))
                .body("detail", containsString("Bitbucket could not answer"));
    }

    @Test
    void aDataCenterBranchIsTheExactNameAmongTheFilterMatches() throws Exception {
        RepoRef repo = new RepoRef("GAME", "client");
        dataCenter.push(repo, "main", NewCommit.by(dcBot, "first"));
        dataCenter.push(repo, "feature/x-2", NewCommit.by(dcBot, "two"));
        dataCenter.push(repo, "release/feature/x", NewCommit.by(dcBot, "release"));
        String head = dataCenter.push(repo, "feature/x", NewCommit.by(dcBot, "x"));
        dataCenterIntegration("dc-heads", dataCenter.serverUrl());

        asAdmin().queryParam("branch", "feature/x").get("/api/v1/integrations/dc-heads/repositories/GAME/client/branch-head")
                .then().statusCode(200)
                .body("repository", equalTo("GAME/client"))
                .body("commit", equalTo(head))
                .body("flavor", equalTo("datacenter"));
        assertThat(dataCenter.requests()).anySatisfy(r -> {
            assertThat(r.path()).isEqualTo("/rest/api/latest/projects/GAME/repos/client/branches");
            assertThat(r.query()).contains("filterText=feature%2Fx");
        });

        asAdmin().queryParam("branch", "feature").get("/api/v1/integrations/dc-heads/repositories/GAME/client/branch-head")
                .then().statusCode(404).body("detail", containsString("has no branch 'feature'"));
        asAdmin().queryParam("branch", "main").get("/api/v1/integrations/dc-heads/repositories/GAME/server/branch-head")
                .then().statusCode(404).body("detail", containsString("has no repository GAME/server"));
    }

    @Test
    void dataCenterAwayIsUnavailableWithRetryAfter() throws Exception {
        dataCenterIntegration("dc-away", "https://127.0.0.1:" + FreePorts.next());
        asAdmin().queryParam("branch", "main").get("/api/v1/integrations/dc-away/repositories/GAME/client/branch-head")
                .then().statusCode(503).header("Retry-After", notNullValue())
                .body("error", equalTo("unreachable"));
    }

    private static void dataCenterIntegration(String name, String baseUrl) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "flavor", "datacenter", "baseUrl", baseUrl,
                "caBundle", dataCenter.certificatePem(), "credentials",
                Map.of("kind", "datacenter-basic", "username", dcBot.name(), "password", "dc-password")));
        asAdmin().body(new ObjectMapper().writeValueAsString(body)).post("/api/v1/integrations").then()
                .statusCode(201);
    }
}
