package dev.bitbridge.connector.statuses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.connector.integration.IntegrationSecrets;
import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.connector.support.CloudSetup;
import dev.bitbridge.credentials.CredentialStore;
import dev.bitbridge.credentials.SecretFields;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.BitbucketCloudResource;
import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
import dev.bitbridge.testkit.bitbucket.DcBuildStatusSupport;
import dev.bitbridge.testkit.bitbucket.DcPermission;
import dev.bitbridge.testkit.bitbucket.Flavor;
import dev.bitbridge.testkit.bitbucket.InjectBitbucket;
import dev.bitbridge.testkit.bitbucket.NewCommit;
import dev.bitbridge.testkit.bitbucket.RepoRef;
import dev.bitbridge.testkit.bitbucket.model.BuildStatus;

import static dev.bitbridge.connector.support.Api.anonymous;
import static dev.bitbridge.connector.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * {@code PUT …/commits/{commit}/build-statuses/{key}}: against the Cloud simulator and a Data Center simulator playing
 * 8.x, 7.x and a server older than 7.4 — what each is sent, what is refused before anything is sent, and Bitbucket's
 * refusals, rate limits and outages as 422, 429 and 503, never retried here.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BitbridgeTopics.class)
@QuarkusTestResource(BitbucketCloudResource.class)
class BuildStatusTest {

    static final String URL = "https://ci.example.com/job/Games/job/Client/42/";
    static BitbucketSimulator dataCenter;
    static Account dcBot;
    static String dcCommit;
    static boolean cloudReady;
    static String cloudCommit;

    @InjectBitbucket
    BitbucketSimulator cloud;
    @Inject
    CredentialStore credentials;

    @BeforeAll
    static void startDataCenter() {
        dataCenter = BitbucketSimulator.start(Flavor.DATA_CENTER, 0, true);
        dcBot = dataCenter.addAccount("Status Bot", "status@example.com");
        RepoRef repo = dataCenter.createRepository("GAME", "client");
        dataCenter.credentials().dcUser(dcBot, "dc-password");
        dataCenter.credentials().grant(dcBot, DcPermission.REPO_READ, "GAME", "client");
        dcCommit = dataCenter.push(repo, "feature/GAME-12", NewCommit.by(dcBot, "particles"));
    }

    @AfterAll
    static void stopDataCenter() {
        dataCenter.close();
    }

    @BeforeEach
    void cloudIntegration() {
        if (!cloudReady) {
            cloudReady = true;
            Account bot = cloud.addAccount("Cloud Statuses", "cloud-statuses@example.com");
            cloud.credentials().apiToken(bot, "tok-statuses", CloudSetup.SCOPES);
            asAdmin().body("""
                    {"name": "cloud-statuses", "flavor": "cloud", "workspace": "ws-statuses",
                     "credentials": {"kind": "cloud-api-token", "email": "cloud-statuses@example.com",
                                     "token": "tok-statuses"}}""")
                    .post("/api/v1/integrations").then().statusCode(201);
            RepoRef repo = cloud.createRepository("ws-statuses", "game");
            cloudCommit = cloud.push(repo, "feature/GAME-12", NewCommit.by(bot, "particles"));
        }
    }

    @Test
    void cloudGetsTheBranchAsRefnameSoTheStatusShowsOnThePullRequest() {
        put("cloud-statuses", "ws-statuses/game", cloudCommit, "Games-Client", Map.of("state", "INPROGRESS", "url",
                URL, "name", "Games/Client #42", "description", "Building #42", "branch", "feature/GAME-12"))
                .then().statusCode(200).body("flavor", equalTo("cloud")).body("endpoint", equalTo("cloud"))
                .body("state", equalTo("INPROGRESS"));
        put("cloud-statuses", "ws-statuses/game", cloudCommit, "Games-Client", Map.of("state", "STOPPED", "url", URL,
                "branch", "feature/GAME-12")).then().statusCode(200).body("state", equalTo("STOPPED"));

        List<BuildStatus> statuses = cloud.buildStatuses(new RepoRef("ws-statuses", "game"));
        assertThat(statuses).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo("Games-Client");
            assertThat(s.ref()).isEqualTo("feature/GAME-12");
            assertThat(s.state()).as("the same key and refname overwrite").isEqualTo("STOPPED");
            assertThat(s.posted().path("url").asText()).isEqualTo(URL);
        });
    }

    @Test
    void dataCenter8GetsTheBuildsEndpointWithRefAndCancelled() throws Exception {
        integration("dc-eight");
        put("dc-eight", "GAME/client", dcCommit, "Games-Client", Map.of("state", "STOPPED", "url", URL,
                "branch", "feature/GAME-12", "buildNumber", 42, "durationMillis", 93000, "parent", "Games/Client"))
                .then().statusCode(200).body("endpoint", equalTo("builds")).body("state", equalTo("CANCELLED"));
        put("dc-eight", "GAME/client", dcCommit, "Games-Client", Map.of("state", "SUCCESSFUL", "url", URL))
                .then().statusCode(200).body("endpoint", equalTo("builds"));

        BuildStatus status = statusOf("Games-Client", "refs/heads/feature/GAME-12");
        assertThat(status.state()).isEqualTo("CANCELLED");
        assertThat(status.posted().path("buildNumber").asText()).isEqualTo("42");
        assertThat(status.posted().path("duration").asLong()).isEqualTo(93000);
        assertThat(status.posted().path("parent").asText()).isEqualTo("Games/Client");
        assertThat(dataCenter.requestCount("GET", "/rest/capabilities")).as("asked once, then remembered")
                .isEqualTo(1);
    }

    @Test
    void dataCenter7GetsFailedForStoppedAndOlderServersTheLegacyEndpoint() throws Exception {
        dataCenter.dataCenterBuildStatuses(DcBuildStatusSupport.RICH);
        try {
            integration("dc-seven");
            put("dc-seven", "GAME/client", dcCommit, "seven", Map.of("state", "STOPPED", "url", URL, "branch",
                    "main")).then().statusCode(200).body("endpoint", equalTo("builds")).body("state", equalTo("FAILED"));
            dataCenter.dataCenterBuildStatuses(DcBuildStatusSupport.LEGACY);
            integration("dc-six");
            put("dc-six", "GAME/client", dcCommit, "six", Map.of("state", "STOPPED", "url", URL, "branch", "main",
                    "buildNumber", 3)).then().statusCode(200).body("endpoint", equalTo("legacy"))
                    .body("state", equalTo("FAILED"));
        } finally {
            dataCenter.dataCenterBuildStatuses(DcBuildStatusSupport.RICH_CANCELLED);
        }
        assertThat(statusOf("seven", "refs/heads/main").state()).isEqualTo("FAILED");
        BuildStatus legacy = statusOf("six", null);
        assertThat(legacy.state()).isEqualTo("FAILED");
        assertThat(legacy.posted().has("buildNumber")).as("the legacy endpoint knows no build number").isFalse();
    }

    @Test
    void whatBitbucketWouldRefuseIsRefusedHereNamingEachFieldAndNothingIsSent() {
        long before = cloud.requestCount("POST", "/2.0/repositories/ws-statuses/game/commit/**");
        put("cloud-statuses", "ws-statuses/game", "abc123", "k".repeat(41), Map.of("state", "DONE", "url",
                "/job/x/1/", "name", "n".repeat(256), "branch", "refs/heads/main", "tag", "v1")).then()
                .statusCode(400).body("error", equalTo("invalid_request"))
                .body("fields.field", hasItems("commit", "key", "state", "url", "name", "tag", "branch"));
        put("cloud-statuses", "ws-statuses/game", cloudCommit, "ok", Map.of("state", "FAILED", "url", "https://x.example/"
                + "a".repeat(450))).then().statusCode(400).body("fields[0].field", equalTo("url"));
        put("cloud-statuses", "ws-statuses/game", cloudCommit, "ok", Map.of("state", "FAILED", "url",
                "https://bot:s3cret@ci.example.com/job/x/1/")).then().statusCode(400)
                .body("fields[0].field", equalTo("url")).body(not(containsString("s3cret")));
        assertThat(cloud.requestCount("POST", "/2.0/repositories/ws-statuses/game/commit/**")).isEqualTo(before);
        put("nobody", "ws-statuses/game", cloudCommit, "ok", Map.of("state", "FAILED", "url", URL)).then()
                .statusCode(404).body("error", equalTo("not_found"));
        anonymous().body("{}").put(path("cloud-statuses", "ws-statuses/game", cloudCommit, "ok")).then()
                .statusCode(401);
    }

    @Test
    void bitbucketsRefusalIs422ItsRateLimit429AndItsOutage503NeverRetriedHere() {
        RepoRef repo = new RepoRef("ws-statuses", "game");
        String glob = "/2.0/repositories/ws-statuses/game/commit/*/statuses/build";
        put("cloud-statuses", "ws-statuses/game", "0".repeat(40), "ok", Map.of("state", "FAILED", "url", URL))
                .then().statusCode(422).body("error", equalTo("not_found"))
                .body("detail", containsString("Bitbucket refused the status"));

        long before = cloud.requestCount("POST", glob);
        cloud.failNext(1, 503, glob);
        put("cloud-statuses", "ws-statuses/game", cloudCommit, "ok", Map.of("state", "FAILED", "url", URL))
                .then().statusCode(503).header("Retry-After", notNullValue()).body("error", equalTo("bitbucket_error"));
        assertThat(cloud.requestCount("POST", glob)).as("one try; status-reporter retries").isEqualTo(before + 1);

        cloud.failNext(1, 429, glob);
        put("cloud-statuses", "ws-statuses/game", cloudCommit, "ok", Map.of("state", "FAILED", "url", URL))
                .then().statusCode(429).header("Retry-After", notNullValue()).body("error", equalTo("rate_limited"))
                .body("detail", not(containsString("tok-statuses")));
        assertThat(cloud.buildStatuses(repo)).noneMatch(s -> s.key().equals("ok"));
    }

    @Test
    void aCredentialChangedByAnotherReplicaIsUsedOnceBitbucketRefusesTheRememberedOne() {
        Account bot = cloud.addAccount("Rotating Statuses", "rotating-statuses@example.com");
        String old = cloud.credentials().apiToken(bot, "tok-rotating-old", CloudSetup.SCOPES);
        asAdmin().body("""
                {"name": "rotating-statuses", "flavor": "cloud", "workspace": "ws-rotating",
                 "credentials": {"kind": "cloud-api-token", "email": "rotating-statuses@example.com",
                                 "token": "tok-rotating-old"}}""")
                .post("/api/v1/integrations").then().statusCode(201);
        RepoRef repo = cloud.createRepository("ws-rotating", "game");
        String commit = cloud.push(repo, "main", NewCommit.by(bot, "particles"));
        put("rotating-statuses", "ws-rotating/game", commit, "Games-Client", Map.of("state", "INPROGRESS", "url",
                URL)).then().statusCode(200);
        // Another replica's PATCH: the credential store holds the new token, and this replica is not told.
        String path = IntegrationSecrets.bitbucketPath("rotating-statuses");
        Map<String, String> fields = new java.util.HashMap<>(credentials.get(path).await().indefinitely()
                .orElseThrow().asMap());
        fields.replaceAll((name, value) -> value.equals("tok-rotating-old") ? "tok-rotating-new" : value);
        credentials.put(path, SecretFields.of(fields)).await().indefinitely();
        String current = cloud.credentials().apiToken(bot, "tok-rotating-new", CloudSetup.SCOPES);
        cloud.credentials().revoke(old);
        String glob = "/2.0/repositories/ws-rotating/game/commit/*/statuses/build";
        long refusedBefore = cloud.requests().stream().filter(r -> r.matches("POST", glob) && r.status() == 401)
                .count();

        put("rotating-statuses", "ws-rotating/game", commit, "Games-Client", Map.of("state", "SUCCESSFUL", "url",
                URL)).then().statusCode(200).body("state", equalTo("SUCCESSFUL"));

        assertThat(cloud.requests().stream().filter(r -> r.matches("POST", glob) && r.status() == 401).count())
                .as("the remembered token was tried first, and refused").isEqualTo(refusedBefore + 1);
        assertThat(cloud.requestCount(current)).as("then the new one, read again").isEqualTo(1);
        assertThat(cloud.buildStatuses(repo)).singleElement().satisfies(s -> assertThat(s.state())
                .isEqualTo("SUCCESSFUL"));
    }

    private static BuildStatus statusOf(String key, String ref) {
        return dataCenter.buildStatuses(new RepoRef("GAME", "client")).stream()
                .filter(s -> s.key().equals(key) && java.util.Objects.equals(s.ref(), ref)).findFirst().orElseThrow();
    }

    private static io.restassured.response.Response put(String integration, String repository, String commit,
            String key, Map<String, Object> body) {
        try {
            return asAdmin().body(new ObjectMapper().writeValueAsString(body))
                    .put(path(integration, repository, commit, key));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String path(String integration, String repository, String commit, String key) {
        return "/api/v1/integrations/" + integration + "/repositories/" + repository + "/commits/" + commit
                + "/build-statuses/" + key;
    }

    private static void integration(String name) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "flavor", "datacenter", "baseUrl",
                dataCenter.serverUrl(), "caBundle", dataCenter.certificatePem(), "credentials",
                Map.of("kind", "datacenter-basic", "username", dcBot.name(), "password", "dc-password")));
        asAdmin().body(new ObjectMapper().writeValueAsString(body)).post("/api/v1/integrations").then()
                .statusCode(201);
    }
}
