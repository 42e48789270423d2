package dev.bitbridge.trigger.manual;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.events.build.BuildEvent;
import dev.bitbridge.events.build.BuildState;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.jenkins.BuildResult;
import dev.bitbridge.testkit.jenkins.InjectJenkins;
import dev.bitbridge.testkit.jenkins.JenkinsSimulator;
import dev.bitbridge.testkit.jenkins.JenkinsSimulatorResource;
import dev.bitbridge.testkit.jenkins.Permission;
import dev.bitbridge.testkit.jenkins.QueueItemView;
import dev.bitbridge.trigger.branches.ConnectorStub;
import dev.bitbridge.trigger.branches.ConnectorStubResource;
import dev.bitbridge.trigger.dispatch.TriggerTopicsResource;

import static dev.bitbridge.trigger.manual.Builds.REPOSITORY;
import static dev.bitbridge.trigger.manual.Builds.admin;
import static dev.bitbridge.trigger.manual.Builds.cancel;
import static dev.bitbridge.trigger.manual.Builds.events;
import static dev.bitbridge.trigger.manual.Builds.last;
import static dev.bitbridge.trigger.manual.Builds.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Cancelling a build in each state it can be in, against the Jenkins simulator: not sent yet (Jenkins down), being
 * sent (Jenkins' answer slow), queued, running; finished (refused). Each ends STOPPED "cancelled by bob" with one
 * Jenkins call at most, and Jenkins shows the item cancelled or the build aborted.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TriggerTopicsResource.class)
@QuarkusTestResource(JenkinsSimulatorResource.class)
@QuarkusTestResource(value = ConnectorStubResource.class, restrictToAnnotatedClass = true)
class CancelTest {

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
        integration = "cancel-" + UUID.randomUUID().toString().substring(0, 8);
        job = "app-" + integration;
        connector.integration(integration, "cloud");
        Builds.target(jenkins, jenkinsUrl, integration, job);
    }

    @AfterEach
    void jenkinsAsUsual() {
        jenkins.outage(false);
        jenkins.refuseConnections(false);
        jenkins.delays(Duration.ZERO, Duration.ZERO);
        jenkins.slowAnswers(null, Duration.ZERO);
    }

    @Test
    void notSentYetItIsStoppedAtOnceWithoutAJenkinsCall() throws Exception {
        long cancelsBefore = jenkins.requestCount("POST", "/queue/cancelItem");
        jenkins.refuseConnections(true); // certainly not received: the build goes back to PENDING
        String id = build();
        // Tried once (the row changed since it was stored) and pending again.
        await().atMost(WAIT).until(() -> {
            var view = admin().get("/api/v1/builds/" + id);
            return "PENDING".equals(view.path("state"))
                    && !view.path("updatedAt").toString().equals(view.path("createdAt").toString());
        });

        cancel(id, "bob").then().statusCode(200).body("state", equalTo("STOPPED"))
                .body("reason", equalTo("cancelled by bob before it was sent to Jenkins"))
                .body("cancelRequestedBy", equalTo("bob"));
        jenkins.refuseConnections(false);

        BuildEvent stopped = await().atMost(WAIT).until(() -> last(id), e -> e != null);
        Thread.sleep(2000);
        assertThat(events(id)).extracting(BuildEvent::state).containsExactly(BuildState.STOPPED);
        assertThat(stopped.reason()).contains("cancelled by bob");
        assertThat(jenkins.triggerCount(job)).as("never posted").isZero();
        assertThat(jenkins.requestCount("POST", "/queue/cancelItem")).isEqualTo(cancelsBefore);
    }

    @Test
    void beingSentItIsCancelledOnceJenkinsAnswerIsKnown() throws Exception {
        jenkins.delays(Duration.ofMinutes(10), Duration.ZERO);
        jenkins.slowAnswers("/job/" + job + "/buildWithParameters", Duration.ofMillis(1500));
        String id = build();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> !jenkins.queuedItems().isEmpty()
                && jenkins.queuedItems().stream().anyMatch(i -> id.equals(i.parameters().get("BITBRIDGE_REQUEST_ID"))));

        cancel(id, "bob").then().statusCode(202).body("state", equalTo("DISPATCHING"))
                .body("cancelRequestedBy", equalTo("bob"));

        BuildEvent last = await().atMost(WAIT).until(() -> last(id), e -> e != null && e.state().isFinal());
        assertThat(last.state()).isEqualTo(BuildState.STOPPED);
        assertThat(last.reason()).contains("cancelled by bob");
        assertThat(events(id)).extracting(BuildEvent::state).containsExactly(BuildState.QUEUED, BuildState.STOPPED);
        assertThat(jenkins.triggerCount(job)).as("posted once, its answer recorded, not posted again").isEqualTo(1);
        assertThat(jenkins.queueItem(queueId(last)).map(QueueItemView::cancelled)).contains(true);
    }

    /** Jenkins answers 422 to a user without Job/Cancel: said once in cancelProblem, and the build is followed on. */
    @Test
    void aCancelJenkinsRefusesIsRecordedOnceAndTheBuildIsFollowedOn() throws Exception {
        jenkins.addUser("nocancel", "nocancel-password", Set.of(Permission.OVERALL_READ, Permission.JOB_READ,
                Permission.JOB_BUILD)).apiToken("nocancel", "nocancel-token");
        Builds.admin().body(Map.of("baseUrl", jenkinsUrl, "username", "nocancel", "credentialKind", "api-token",
                "secret", "nocancel-token", "defaultJob", job))
                .put("/api/v1/integrations/" + integration + "/jenkins-target").then().statusCode(200);
        long cancelsBefore = jenkins.requestCount("POST", "/queue/cancelItem");
        jenkins.delays(Duration.ofMinutes(10), Duration.ZERO);
        String id = build();
        await().atMost(WAIT).until(() -> last(id), e -> e != null && e.state() == BuildState.QUEUED);

        cancel(id, "bob").then().statusCode(202);
        await().atMost(WAIT).until(() -> admin().get("/api/v1/builds/" + id).path("cancelProblem") != null);
        Thread.sleep(3000); // a refused cancel is not asked again, nor the build reported again

        var view = admin().get("/api/v1/builds/" + id);
        assertThat((String) view.path("state")).isEqualTo("QUEUED");
        assertThat((String) view.path("cancelProblem")).contains("Job/Cancel");
        assertThat(events(id)).extracting(BuildEvent::state).containsExactly(BuildState.QUEUED);
        assertThat(jenkins.requestCount("POST", "/queue/cancelItem") - cancelsBefore).isEqualTo(1);
    }

    @Test
    void queuedItsQueueItemIsCancelledOnceHoweverOftenAsked() throws Exception {
        long cancelsBefore = jenkins.requestCount("POST", "/queue/cancelItem");
        jenkins.delays(Duration.ofMinutes(10), Duration.ZERO);
        String id = build();
        BuildEvent queued = await().atMost(WAIT).until(() -> last(id), e -> e != null);
        assertThat(queued.state()).isEqualTo(BuildState.QUEUED);

        cancel(id, "bob").then().statusCode(202).body("cancelRequestedBy", equalTo("bob"));
        BuildEvent last = await().atMost(WAIT).until(() -> last(id), e -> e.state().isFinal());
        cancel(id, "carol").then().statusCode(200).body("state", equalTo("STOPPED"))
                .body("cancelRequestedBy", equalTo("bob"));

        assertThat(last.state()).isEqualTo(BuildState.STOPPED);
        assertThat(last.reason()).isEqualTo("cancelled by bob (in the Jenkins queue)");
        assertThat(jenkins.queueItem(queueId(queued)).map(QueueItemView::cancelled)).contains(true);
        assertThat(jenkins.requestCount("POST", "/queue/cancelItem") - cancelsBefore).isEqualTo(1);
        assertThat(jenkins.builds(job)).isEmpty();
    }

    @Test
    void runningItIsStoppedOnceAndReportedAborted() throws Exception {
        jenkins.delays(Duration.ZERO, Duration.ofMinutes(10));
        String id = build();
        await().atMost(WAIT).until(() -> last(id), e -> e != null && e.state() == BuildState.INPROGRESS);

        cancel(id, "bob").then().statusCode(202).body("state", equalTo("INPROGRESS"));
        cancel(id, "bob").then().statusCode(202).body("cancelRequestedBy", equalTo("bob"));

        BuildEvent last = await().atMost(WAIT).until(() -> last(id), e -> e.state().isFinal());
        assertThat(last.state()).isEqualTo(BuildState.STOPPED);
        assertThat(last.reason()).isEqualTo("cancelled by bob (Jenkins: ABORTED)");
        assertThat(last.result()).isEqualTo("ABORTED");
        assertThat(jenkins.builds(job)).singleElement().satisfies(build -> {
            assertThat(build.result()).isEqualTo(BuildResult.ABORTED);
            assertThat(build.building()).isFalse();
        });
        assertThat(jenkins.requestCount("POST", "/job/" + job + "/1/stop")).isEqualTo(1);
        admin().get("/api/v1/builds/" + id).then().body("state", equalTo("STOPPED"))
                .body("cancelRequestedBy", equalTo("bob")).body("result", equalTo("ABORTED"));
    }

    @Test
    void aFinishedBuildCannotBeCancelled() {
        String id = build();
        await().atMost(WAIT).until(() -> last(id), e -> e != null && e.state().isFinal());

        cancel(id, "bob").then().statusCode(409).body("detail", containsString("already SUCCESSFUL"));
        cancel(UUID.randomUUID().toString(), "bob").then().statusCode(404);
        admin().body(Map.of()).post("/api/v1/builds/" + id + "/cancel").then().statusCode(400)
                .body("fields.field", equalTo(List.of("requestedBy")));
        admin().get("/api/v1/builds/" + id).then().body("state", equalTo("SUCCESSFUL"))
                .body("cancelRequestedBy", org.hamcrest.Matchers.nullValue());
    }

    private String build() {
        Map<String, Object> body = new HashMap<>(Map.of("integration", integration, "repository", REPOSITORY,
                "commit", COMMIT, "requestedBy", "alice"));
        return post(body).then().statusCode(202).extract().path("requestId");
    }

    private static long queueId(BuildEvent event) {
        String url = event.queueUrl();
        return Long.parseLong(url.replaceAll(".*/queue/item/(\\d+)/?$", "$1"));
    }
}
