package dev.bitbridge.trigger.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.bitbridge.credentials.CredentialStore;
import dev.bitbridge.credentials.SecretFields;
import dev.bitbridge.events.DeadLetters;
import dev.bitbridge.events.RecordKeys;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.build.BuildEvent;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.build.BuildRequestIds;
import dev.bitbridge.events.build.BuildState;
import dev.bitbridge.events.build.StatusKeys;
import dev.bitbridge.events.scm.Repository;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.TopicScanner;
import dev.bitbridge.testkit.jenkins.BuildResult;
import dev.bitbridge.testkit.jenkins.InjectJenkins;
import dev.bitbridge.testkit.jenkins.JenkinsSimulator;
import dev.bitbridge.testkit.jenkins.JenkinsSimulatorResource;
import dev.bitbridge.trigger.targets.JenkinsTarget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Build requests in, Jenkins builds and build states out: against the real broker and PostgreSQL and the Jenkins
 * simulator. Each test uses an integration of its own.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TriggerTopicsResource.class)
@QuarkusTestResource(JenkinsSimulatorResource.class)
class DispatchTest {

    static final String TOKEN = "test-admin-token-0123456789abcdef0123";
    static final Duration WAIT = Duration.ofSeconds(30);
    private static BuildTopics kafka;

    @InjectJenkins
    JenkinsSimulator jenkins;
    @Inject
    ObjectMapper json;
    @Inject
    CredentialStore credentials;
    @Inject
    Pool pool;
    @TestHTTPResource(value = "/", management = true)
    java.net.URL management;
    @ConfigProperty(name = JenkinsSimulatorResource.URL_KEY)
    String jenkinsUrl;

    private String integration;
    private String job;

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    @BeforeEach
    void target() {
        if (kafka == null) {
            kafka = new BuildTopics(json); // the service's own mapper: the same JSON as commit-analyzer writes
        }
        integration = "it-" + UUID.randomUUID().toString().substring(0, 8);
        job = "app-" + integration;
        jenkins.addUser("bot", "bot-password").apiToken("bot", "bot-token");
        jenkins.createJob(job, "BITBRIDGE_REQUEST_ID", "COMMIT", "BRANCH", "TASK_KEYS");
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("baseUrl", jenkinsUrl, "username",
                "bot", "credentialKind", "api-token", "secret", "bot-token", "defaultJob", job))
                .put("/api/v1/integrations/" + integration + "/jenkins-target")
                .then().statusCode(200);
    }

    @Test
    void aRequestBuildsOnceAndIsFollowedToItsResult() throws Exception {
        BuildRequest request = request("abc123", null, BuildRequestIds.COMMIT);

        kafka.send(request);

        List<BuildEvent> events = await().atMost(WAIT).until(() -> kafka.events(request.requestId()),
                e -> !e.isEmpty() && e.get(e.size() - 1).state().isFinal());
        assertThat(events).extracting(BuildEvent::state).containsExactly(BuildState.QUEUED, BuildState.INPROGRESS,
                BuildState.SUCCESSFUL);
        assertThat(events).extracting(BuildEvent::sequence).containsExactly(1L, 2L, 3L);
        BuildEvent last = events.get(2);
        assertThat(last.job()).isEqualTo(job);
        assertThat(last.buildNumber()).isEqualTo(1);
        assertThat(last.result()).isEqualTo("SUCCESS");
        assertThat(request.statusKey()).isEqualTo("jenkins");
        assertThat(last.statusKey()).as("the key of the job built, not the request's placeholder for the default job")
                .isEqualTo(StatusKeys.of(job, null)).isNotEqualTo(request.statusKey());
        assertThat(last.jobUrl()).startsWith(jenkinsUrl).endsWith("/");
        assertThat(last.requestedAt().toInstant()).isEqualTo(request.requestedAt().toInstant());
        assertThat(jenkins.builds(job)).singleElement().satisfies(build -> {
            assertThat(build.parameters()).containsEntry("BITBRIDGE_REQUEST_ID", request.requestId())
                    .containsEntry("COMMIT", "abc123").containsEntry("TASK_KEYS", "GAME-1");
        });
    }

    @Test
    void duplicatesAndAliasesOfOneBuildBuildOnce() throws Exception {
        BuildRequest request = request("def456", null, BuildRequestIds.COMMIT);
        BuildRequest aliased = request("def456", job, BuildRequestIds.COMMIT); // names the default job

        kafka.send(request);
        kafka.send(request);
        kafka.send(aliased);

        await().atMost(WAIT).until(() -> kafka.events(request.requestId()), e -> e.size() == 3);
        Thread.sleep(1500);
        assertThat(jenkins.triggerCount(job)).isEqualTo(1);
        assertThat(kafka.events(aliased.requestId())).as("the alias is the same build: no events of its own").isEmpty();
    }

    @Test
    void everyFinalStateIsReported() throws Exception {
        jenkins.scriptResults(job, BuildResult.FAILURE, BuildResult.UNSTABLE, BuildResult.ABORTED,
                BuildResult.NOT_BUILT);
        List<BuildRequest> requests = List.of(request("c1", null, BuildRequestIds.COMMIT),
                request("c2", null, BuildRequestIds.COMMIT), request("c3", null, BuildRequestIds.COMMIT),
                request("c4", null, BuildRequestIds.COMMIT));
        for (BuildRequest request : requests) {
            kafka.send(request);
            await().atMost(WAIT).until(() -> kafka.events(request.requestId()),
                    e -> !e.isEmpty() && e.get(e.size() - 1).state().isFinal());
        }

        assertThat(requests).extracting(r -> kafka.last(r).state()).containsExactly(BuildState.FAILED, BuildState.FAILED,
                BuildState.STOPPED, BuildState.STOPPED);
        assertThat(requests).extracting(r -> kafka.last(r).result()).containsExactly("FAILURE", "UNSTABLE", "ABORTED",
                "NOT_BUILT");
    }

    @Test
    void aCancelledQueueItemIsStopped() throws Exception {
        jenkins.delays(Duration.ofMinutes(10), Duration.ZERO);
        try {
            BuildRequest request = request("q1", null, BuildRequestIds.COMMIT);
            kafka.send(request);
            await().atMost(WAIT).until(() -> kafka.events(request.requestId()), e -> !e.isEmpty());
            long queueId = jenkins.queuedItems().get(0).id();

            cancel(queueId);

            BuildEvent last = await().atMost(WAIT).until(() -> kafka.last(request), e -> e != null && e.state().isFinal());
            assertThat(last.state()).isEqualTo(BuildState.STOPPED);
            assertThat(last.reason()).contains("cancelled");
        } finally {
            jenkins.delays(Duration.ZERO, Duration.ZERO);
        }
    }

    /**
     * Twenty builds waiting through an outage: the first calls fail, then the whole Jenkins waits and one build probes
     * per backoff (2 s, then 4 s) for all of them. Each retrying on its own would cost about three requests per build
     * in these 8 s (60 and more).
     */
    @Test
    void anOutageWithManyBuildsWaitingCostsJenkinsAFewProbesNotARetryPerBuild() throws Exception {
        List<BuildRequest> requests = new ArrayList<>();
        jenkins.outage(true);
        try {
            Instant began = jenkins.now();
            for (int i = 0; i < 20; i++) {
                BuildRequest request = request("storm" + i, null, BuildRequestIds.COMMIT);
                requests.add(request);
                kafka.send(request);
            }
            Thread.sleep(8000);
            long during = jenkins.requests().stream().filter(r -> !r.at().isBefore(began)).count();
            assertThat(during).as("requests to Jenkins during 8 s of outage with 20 builds waiting")
                    .isBetween(1L, 25L);
        } finally {
            jenkins.outage(false);
        }
        for (BuildRequest request : requests) {
            BuildEvent last = await().atMost(WAIT).until(() -> kafka.last(request), e -> e != null && e.state()
                    .isFinal());
            assertThat(last.state()).isEqualTo(BuildState.SUCCESSFUL);
        }
        assertThat(jenkins.triggerCount(job)).as("each built once after the outage").isEqualTo(20);
    }

    @Test
    void aJenkinsOutageDelaysTrackingWithBackoffAndTheBuildCompletesAfterIt() throws Exception {
        jenkins.delays(Duration.ZERO, Duration.ofSeconds(2));
        try {
            BuildRequest request = request("out1", null, BuildRequestIds.COMMIT);
            kafka.send(request);
            await().atMost(WAIT).until(() -> kafka.last(request), e -> e != null && e.state() == BuildState.INPROGRESS);

            jenkins.outage(true);
            long before = jenkins.requestCount("GET", "/job/**");
            Thread.sleep(6000);
            long during = jenkins.requestCount("GET", "/job/**") - before;
            assertThat(kafka.last(request).state()).as("an outage is waited out").isEqualTo(BuildState.INPROGRESS);
            assertThat(during).as("polls during 6 s of outage, with backoff").isBetween(1L, 6L);
            jenkins.outage(false);

            BuildEvent last = await().atMost(WAIT).until(() -> kafka.last(request), e -> e.state().isFinal());
            assertThat(last.state()).isEqualTo(BuildState.SUCCESSFUL);
        } finally {
            jenkins.outage(false);
            jenkins.delays(Duration.ZERO, Duration.ZERO);
        }
    }

    /**
     * A queue item read only after Jenkins purged it (it left the queue, and Jenkins keeps left items five minutes; here
     * none, and the first poll fails): 404, so the build is found by its request id among the job's builds.
     */
    @Test
    void aQueueItemThatIsGoneWhenPolledIsFoundByItsRequestId() throws Exception {
        jenkins.leftItemRetention(Duration.ZERO);
        jenkins.failNext(1, 503, "/queue/item/**");
        try {
            BuildRequest request = request("gone1", null, BuildRequestIds.COMMIT);
            kafka.send(request);

            BuildEvent last = await().atMost(WAIT).until(() -> kafka.last(request), e -> e != null && e.state().isFinal());
            assertThat(kafka.events(request.requestId())).extracting(BuildEvent::state)
                    .containsExactly(BuildState.QUEUED, BuildState.INPROGRESS, BuildState.SUCCESSFUL);
            assertThat(last.buildNumber()).isEqualTo(1);
            assertThat(jenkins.requests()).as("the queue item answered 404 once it was gone")
                    .anyMatch(r -> r.matches("GET", "/queue/item/**") && r.status() == 404);
            assertThat(jenkins.requests()).as("then the job's builds were searched for the request")
                    .anyMatch(r -> r.matches("GET", "/job/" + job + "/api/json") && r.status() == 200);
            assertThat(jenkins.triggerCount(job)).isEqualTo(1);
        } finally {
            jenkins.leftItemRetention(Duration.ofMinutes(5));
        }
    }

    @Test
    void withoutATargetTheBuildFailsSayingWhatToConfigure() throws Exception {
        BuildRequest request = new BuildRequest(UUID.randomUUID().toString(), "nobody-" + integration, "cloud",
                new Repository("acme/game", "game", null, null), "abc", "main", null, null, BuildRequest.PUSH,
                List.of(), List.of("abc"), List.of(), null, "jenkins", null, Map.of(), OffsetDateTime.now(), null,
                BuildRequestIds.COMMIT);

        kafka.send(request);

        BuildEvent last = await().atMost(WAIT).until(() -> kafka.last(request), e -> e != null);
        assertThat(last.state()).isEqualTo(BuildState.FAILED);
        assertThat(last.reason()).contains("No Jenkins target").contains("jenkins-target");
    }

    @Test
    void aTargetChangedThroughThisReplicasApiAppliesToTheNextBuildAtOnce() throws Exception {
        BuildRequest first = request("fa1", null, BuildRequestIds.COMMIT);
        kafka.send(first);
        await().atMost(WAIT).until(() -> kafka.last(first), e -> e != null && e.state().isFinal());
        String other = job + "-next";
        jenkins.createJob(other, "BITBRIDGE_REQUEST_ID", "COMMIT", "BRANCH", "TASK_KEYS");
        putTarget("bot", "bot-token", other);

        BuildRequest second = request("fa2", null, BuildRequestIds.COMMIT);
        kafka.send(second);

        BuildEvent last = await().atMost(WAIT).until(() -> kafka.last(second), e -> e != null && e.state().isFinal());
        assertThat(last.job()).as("the new default job, though the old target is remembered for 30 s").isEqualTo(other);
        assertThat(jenkins.triggerCount(job)).isEqualTo(1);
        assertThat(jenkins.triggerCount(other)).isEqualTo(1);
    }

    @Test
    void aCredentialChangedByAnotherReplicaIsUsedOnceJenkinsRefusesTheRememberedOne() throws Exception {
        String user = "rotating-" + integration;
        jenkins.addUser(user, "password-" + integration).apiToken(user, "old-token");
        putTarget(user, "old-token", job);
        BuildRequest first = request("cr1", null, BuildRequestIds.COMMIT);
        kafka.send(first);
        assertThat(await().atMost(WAIT).until(() -> kafka.last(first), e -> e != null && e.state().isFinal())
                .state()).isEqualTo(BuildState.SUCCESSFUL);
        // Another replica's PUT: the credential store changes, and this replica is not told. Jenkins then revokes.
        credentials.put(JenkinsTarget.credentialPath(integration, null), SecretFields.of(Map.of("secret",
                "new-token"))).await().atMost(WAIT);
        jenkins.apiToken(user, "new-token").revokeApiToken(user, "old-token");
        Instant from = jenkins.now();

        BuildRequest second = request("cr2", null, BuildRequestIds.COMMIT);
        kafka.send(second);

        BuildEvent last = await().atMost(WAIT).until(() -> kafka.last(second), e -> e != null && e.state().isFinal());
        assertThat(last.state()).isEqualTo(BuildState.SUCCESSFUL);
        String trigger = "/job/" + job + "/buildWithParameters";
        assertThat(jenkins.requests()).as("the remembered token was tried first, and refused")
                .anyMatch(r -> r.matches("POST", trigger) && r.status() == 401 && !r.at().isBefore(from));
        assertThat(jenkins.triggerCount(job)).as("one build each, the refused POST built nothing").isEqualTo(2);
    }

    @Test
    void aRefusalWithTheCurrentCredentialFailsTheBuildWithoutRetrying() throws Exception {
        String user = "revoked-" + integration;
        jenkins.addUser(user, "password-" + integration).apiToken(user, "its-token");
        putTarget(user, "its-token", job);
        jenkins.revokeApiToken(user, "its-token");
        BuildRequest request = request("rv1", null, BuildRequestIds.COMMIT);

        kafka.send(request);

        BuildEvent last = await().atMost(WAIT).until(() -> kafka.last(request), e -> e != null && e.state().isFinal());
        assertThat(last.state()).isEqualTo(BuildState.FAILED);
        assertThat(last.reason()).contains("refused the credentials of user " + user);
        assertThat(jenkins.requests().stream().filter(r -> r.matches("POST", "/job/" + job + "/buildWithParameters")))
                .as("read again, the credential is the same: no second POST").hasSize(1);
    }

    /**
     * An outcome is written only while the build is still leased as it was taken: here another replica takes it over
     * (as it would once the lease ran out) while Jenkins is slow to answer the POST, and the late answer changes
     * nothing — neither the row nor the events.
     */
    @Test
    void anOutcomeArrivingAfterAnotherReplicaTookTheBuildOverIsDropped() throws Exception {
        jenkins.slowAnswers("/job/" + job + "/buildWithParameters", Duration.ofMillis(1500));
        BuildRequest request = request("takeover1", null, BuildRequestIds.COMMIT);
        kafka.send(request);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> jenkins.triggerCount(job) == 1);

        OffsetDateTime otherLease = OffsetDateTime.now().plusHours(1).truncatedTo(ChronoUnit.SECONDS);
        int taken = pool.preparedQuery("update build set next_action_at = $2, leased_until = $2 where request_id = $1"
                + " and state = 'DISPATCHING'").execute(Tuple.of(request.requestId(), otherLease))
                .await().atMost(WAIT).rowCount();
        assertThat(taken).as("taken over while this replica's POST is unanswered").isEqualTo(1);

        Thread.sleep(3000); // the answer came after 1.5 s; its outcome would be written at once
        Row row = pool.preparedQuery("select * from build where request_id = $1").execute(Tuple.of(request.requestId()))
                .await().atMost(WAIT).iterator().next();
        assertThat(row.getString("state")).isEqualTo("DISPATCHING");
        assertThat(row.getOffsetDateTime("next_action_at").toInstant()).isEqualTo(otherLease.toInstant());
        assertThat(row.getInteger("sequence")).isZero();
        assertThat(row.getLong("queue_id")).isNull();
        assertThat(kafka.events(request.requestId())).as("nothing said about a build this replica no longer holds")
                .isEmpty();
        assertThat(jenkins.triggerCount(job)).isEqualTo(1);
    }

    @Test
    void livenessWatchesTheDispatchPublishingAndScheduleLoops() {
        given().baseUri("http://" + management.getHost()).port(management.getPort()).get("/q/health/live").then()
                .statusCode(200)
                .body("checks.find { it.name == 'build-trigger loops' }.status", org.hamcrest.Matchers.equalTo("UP"));
    }

    @Test
    void anUnreadableRequestGoesToTheDeadLetters() throws Exception {
        String key = RecordKeys.of(integration, "acme/game");
        kafka.sendRaw(key, "{oops".getBytes(StandardCharsets.UTF_8));

        var dead = await().atMost(WAIT).until(() -> kafka.scanner().readAll(Topics.BUILD_TRIGGER_DEAD_LETTERS_V1).stream()
                .filter(r -> key.equals(r.key())).toList(), d -> !d.isEmpty());
        assertThat(TopicScanner.header(dead.get(0), DeadLetters.HEADER_REASON)).isEqualTo("unparseable");
        assertThat(TopicScanner.header(dead.get(0), DeadLetters.HEADER_SERVICE)).isEqualTo("build-trigger");
    }

    private void putTarget(String user, String secret, String defaultJob) {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("baseUrl", jenkinsUrl, "username",
                user, "credentialKind", "api-token", "secret", secret, "defaultJob", defaultJob))
                .put("/api/v1/integrations/" + integration + "/jenkins-target")
                .then().statusCode(200);
    }

    private void cancel(long queueId) {
        given().auth().preemptive().basic("bot", "bot-token").post(jenkinsUrl + "/queue/cancelItem?id=" + queueId)
                .then().statusCode(204);
    }

    private BuildRequest request(String commit, String requestedJob, String kind) {
        String repository = "acme/game";
        return new BuildRequest(BuildRequestIds.of(integration, repository, commit, requestedJob, kind), integration,
                "cloud", new Repository(repository, "game", null, null), commit, "main", null, requestedJob,
                BuildRequest.PUSH, List.of(new BuildRequest.Trigger("tag", "#ci", commit)), List.of(commit),
                List.of("GAME-1"), null, StatusKeys.of(requestedJob, null), null, Map.of(), OffsetDateTime.now(),
                null, kind);
    }
}
