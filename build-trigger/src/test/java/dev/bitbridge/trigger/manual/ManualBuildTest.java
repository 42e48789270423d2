package dev.bitbridge.trigger.manual;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.events.build.BuildEvent;
import dev.bitbridge.events.build.BuildState;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.jenkins.InjectJenkins;
import dev.bitbridge.testkit.jenkins.JenkinsSimulator;
import dev.bitbridge.testkit.jenkins.JenkinsSimulatorResource;
import dev.bitbridge.trigger.branches.ConnectorStub;
import dev.bitbridge.trigger.branches.ConnectorStubResource;
import dev.bitbridge.trigger.dispatch.TriggerTopicsResource;

import static dev.bitbridge.trigger.manual.Builds.REPOSITORY;
import static dev.bitbridge.trigger.manual.Builds.admin;
import static dev.bitbridge.trigger.manual.Builds.events;
import static dev.bitbridge.trigger.manual.Builds.last;
import static dev.bitbridge.trigger.manual.Builds.post;
import static dev.bitbridge.trigger.manual.Builds.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * {@code POST /api/v1/builds} against the real broker and PostgreSQL, the Jenkins simulator and a connector stub: a
 * commit or a branch's head built once, with its parameters and who asked; the same Idempotency-Key building once;
 * every invalid field named with nothing stored.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TriggerTopicsResource.class)
@QuarkusTestResource(JenkinsSimulatorResource.class)
@QuarkusTestResource(value = ConnectorStubResource.class, restrictToAnnotatedClass = true)
class ManualBuildTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @InjectJenkins
    JenkinsSimulator jenkins;
    ConnectorStub connector;
    @ConfigProperty(name = JenkinsSimulatorResource.URL_KEY)
    String jenkinsUrl;

    private String integration;
    private String job;

    @BeforeEach
    void target() {
        integration = "manual-" + UUID.randomUUID().toString().substring(0, 8);
        job = "app-" + integration;
        connector.integration(integration, "datacenter");
        Builds.target(jenkins, jenkinsUrl, integration, job);
    }

    @Test
    void aCommitIsBuiltOnceWithItsParametersAndWhoAsked() {
        var answer = post(body(Map.of("commit", COMMIT, "parameters", Map.of("DEPLOY", "true"))));
        answer.then().statusCode(202).header("Location", notNullValue())
                .body("requestedBy", equalTo("alice")).body("requestReason", equalTo("manual"));
        String id = answer.path("requestId");
        assertThat(answer.header("Location")).endsWith("/api/v1/builds/" + id);

        List<BuildEvent> events = await().atMost(WAIT).until(() -> events(id),
                e -> !e.isEmpty() && e.get(e.size() - 1).state().isFinal());
        assertThat(events).extracting(BuildEvent::state).containsExactly(BuildState.QUEUED, BuildState.INPROGRESS,
                BuildState.SUCCESSFUL);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.requestedBy().displayName()).isEqualTo("alice");
            assertThat(e.requestReason()).isEqualTo("manual");
            assertThat(e.flavor()).as("the connector's flavor of the integration").isEqualTo("datacenter");
            assertThat(e.commit()).isEqualTo(COMMIT);
        });
        assertThat(jenkins.triggerCount(job)).isEqualTo(1);
        assertThat(jenkins.builds(job)).singleElement().satisfies(build -> assertThat(build.parameters())
                .containsEntry("BITBRIDGE_REQUEST_ID", id).containsEntry("COMMIT", COMMIT)
                .containsEntry("DEPLOY", "true").containsEntry("REQUESTED_BY", "alice")
                .containsEntry("BUILD_REASON", "manual"));

        admin().get("/api/v1/builds/" + id).then().statusCode(200)
                .body("state", equalTo("SUCCESSFUL")).body("buildNumber", equalTo(1))
                .body("result", equalTo("SUCCESS")).body("job", equalTo(job))
                .body("buildUrl", containsString("/job/" + job + "/1/"))
                .body("queueUrl", containsString("/queue/item/"))
                .body("requestedBy", equalTo("alice")).body("parameters.DEPLOY", equalTo("true"))
                .body(not(containsString("bot-token")));
    }

    @Test
    void aBranchBuildsItsHeadCommit() {
        String head = "fedcba9876543210fedcba9876543210fedcba98";
        connector.point(integration, REPOSITORY, "feature/GAME-7", head);

        String id = post(body(Map.of("branch", "feature/GAME-7"))).then().statusCode(202).extract().path("requestId");

        BuildEvent last = await().atMost(WAIT).until(() -> last(id), e -> e != null && e.state().isFinal());
        assertThat(last.commit()).isEqualTo(head);
        assertThat(last.branch()).isEqualTo("feature/GAME-7");
        assertThat(jenkins.builds(job)).singleElement().satisfies(build -> assertThat(build.parameters())
                .containsEntry("COMMIT", head).containsEntry("BRANCH", "feature/GAME-7"));
        assertThat(connector.asked()).contains(integration + ":" + REPOSITORY + ":feature/GAME-7");
    }

    @Test
    void theSameIdempotencyKeyBuildsOnceAndAnotherRequestUnderItIsRefused() throws Exception {
        Map<String, Object> body = body(Map.of("commit", COMMIT));
        String id = admin().header("Idempotency-Key", "retry-1").body(body).post("/api/v1/builds")
                .then().statusCode(202).extract().path("requestId");
        admin().header("Idempotency-Key", "retry-1").body(body).post("/api/v1/builds")
                .then().statusCode(200).body("requestId", equalTo(id))
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/builds/" + id));
        long stored = rows();

        admin().header("Idempotency-Key", "retry-1").body(body(Map.of("commit", COMMIT, "job", "other")))
                .post("/api/v1/builds").then().statusCode(409).body("detail", containsString("job"));

        await().atMost(WAIT).until(() -> last(id), e -> e != null && e.state().isFinal());
        Thread.sleep(1000);
        assertThat(jenkins.triggerCount(job)).isEqualTo(1);
        assertThat(rows()).isEqualTo(stored);
    }

    @Test
    void twoPostsWithoutAKeyAreTwoBuilds() {
        String first = post(body(Map.of("commit", COMMIT))).then().statusCode(202).extract().path("requestId");
        String second = post(body(Map.of("commit", COMMIT))).then().statusCode(202).extract().path("requestId");

        assertThat(second).isNotEqualTo(first);
        await().atMost(WAIT).until(() -> jenkins.builds(job).size() == 2 && last(first).state().isFinal()
                && last(second).state().isFinal());
        assertThat(jenkins.triggerCount(job)).isEqualTo(2);
        admin().queryParam("integration", integration).get("/api/v1/builds").then().statusCode(200)
                .body("builds.requestId", equalTo(List.of(second, first)));
        admin().queryParam("integration", integration).queryParam("limit", 1).get("/api/v1/builds").then()
                .statusCode(200).body("builds.requestId", equalTo(List.of(second)));
        admin().queryParam("integration", integration).queryParam("repository", REPOSITORY)
                .queryParam("state", "SUCCESSFUL").get("/api/v1/builds").then().statusCode(200)
                .body("builds.size()", equalTo(2));
        admin().queryParam("limit", 1).get("/api/v1/builds").then().statusCode(200).body("builds.size()", equalTo(1));
        admin().queryParam("state", "DONE").queryParam("limit", 0).get("/api/v1/builds").then().statusCode(400)
                .body("fields.field", hasItems("state", "limit"));
        admin().queryParam("limit", "ten").get("/api/v1/builds").then().statusCode(400)
                .body("fields.field", hasItems("limit")).body("detail", containsString("must be a whole number"));
        admin().queryParam("limit", "ten").get("/api/v1/schedules").then().statusCode(400)
                .body("fields.field", hasItems("limit"));
        admin().get("/api/v1/builds/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void everyInvalidFieldIsNamedAndNothingIsStored() throws Exception {
        long before = rows();
        Map<String, Object> bad = new HashMap<>();
        bad.put("integration", "Not_A_Name");
        bad.put("repository", "no-slash");
        bad.put("commit", "abc123");
        bad.put("branch", "feature..x");
        bad.put("job", "job/App");
        bad.put("parameters", Map.of("1x", "v", "BITBRIDGE_REQUEST_ID", "forged", "COMMIT", "other"));
        bad.put("requestedBy", " ");
        bad.put("flavor", "svn");
        admin().header("Idempotency-Key", "has space").body(bad).post("/api/v1/builds")
                .then().statusCode(400).body("error", equalTo("invalid_request"))
                .body("fields.field", hasItems("integration", "repository", "commit", "branch", "job",
                        "parameters.1x", "parameters.BITBRIDGE_REQUEST_ID", "parameters.COMMIT", "requestedBy",
                        "flavor", "Idempotency-Key"));
        post(Map.of("integration", integration, "repository", REPOSITORY)).then().statusCode(400)
                .body("fields.field", hasItems("commit", "requestedBy"));
        post(Map.of("integration", integration, "repository", REPOSITORY, "commit", COMMIT, "requestedBy", "alice",
                "color", "red")).then().statusCode(400).body("fields[0].field", equalTo("color"));

        io.restassured.RestAssured.given().contentType("application/json").body(body(Map.of("commit", COMMIT)))
                .post("/api/v1/builds").then().statusCode(401);

        assertThat(rows()).as("nothing stored").isEqualTo(before);
        assertThat(jenkins.triggerCount(job)).isZero();
    }

    @Test
    void whatOnlyTheTargetOrTheConnectorKnowsIsNamedTooAndNothingIsStored() throws Exception {
        long before = rows();
        post(Map.of("integration", "no-target-" + integration, "repository", REPOSITORY, "commit", COMMIT,
                "requestedBy", "alice")).then().statusCode(400)
                .body("fields.field", equalTo(List.of("integration")))
                .body("fields[0].problem", containsString("jenkins-target"));
        post(body(Map.of("branch", "gone"))).then().statusCode(400)
                .body("fields.field", equalTo(List.of("branch")));
        post(body(Map.of("commit", COMMIT, "flavor", "cloud"))).then().statusCode(400)
                .body("fields.field", equalTo(List.of("flavor")))
                .body("fields[0].problem", containsString("datacenter"));

        String unknown = "unknown-" + integration;
        Builds.putTarget(jenkinsUrl, unknown, job); // a target, but no such integration in the connector
        post(Map.of("integration", unknown, "repository", REPOSITORY, "commit", COMMIT, "requestedBy", "alice"))
                .then().statusCode(400).body("fields.field", equalTo(List.of("integration")));

        connector.failWith(503);
        try {
            post(body(Map.of("branch", "main"))).then().statusCode(503).header("Retry-After", "7")
                    .body("error", equalTo("connector_unavailable"));
        } finally {
            connector.failWith(0);
        }
        assertThat(rows()).as("nothing stored").isEqualTo(before);
    }

    private Map<String, Object> body(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("integration", integration, "repository", REPOSITORY,
                "requestedBy", "alice"));
        body.putAll(fields);
        return body;
    }
}
