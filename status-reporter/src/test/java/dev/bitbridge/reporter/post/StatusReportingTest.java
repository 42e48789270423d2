package dev.bitbridge.reporter.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.events.DeadLetters;
import dev.bitbridge.events.build.BuildEvent;
import dev.bitbridge.events.build.BuildState;
import dev.bitbridge.events.build.PullRequestRef;
import dev.bitbridge.reporter.support.BuildStates;
import dev.bitbridge.reporter.support.BuildStates.Build;
import dev.bitbridge.reporter.support.BuildsTopicResource;
import dev.bitbridge.reporter.support.ConnectorStatusStub;
import dev.bitbridge.reporter.support.ConnectorStatusStub.Answer;
import dev.bitbridge.reporter.support.ConnectorStatusStub.Put;
import dev.bitbridge.reporter.support.ConnectorStatusStubResource;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.TopicScanner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Build states in, status posts out: against the real broker and PostgreSQL, through a stand-in of the connector's
 * build-status endpoint. Each test uses an integration of its own.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BuildsTopicResource.class)
@QuarkusTestResource(ConnectorStatusStubResource.class)
class StatusReportingTest {

    static final String TOKEN = "test-admin-token-0123456789abcdef0123";
    static final Duration WAIT = Duration.ofSeconds(20);
    private static BuildStates kafka;

    ConnectorStatusStub connector;
    @Inject
    ObjectMapper json;

    private String integration;
    private String commit;

    @BeforeEach
    void setUp() {
        if (kafka == null) {
            kafka = new BuildStates(json);
        }
        integration = "it-" + UUID.randomUUID().toString().substring(0, 8);
        commit = hash();
    }

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    @Test
    void aBuildShowsInProgressOnceThenItsResultOnTheCommitAndItsBranch() throws Exception {
        Build build = new Build(integration, commit, "feature/GAME-12", null, now());

        kafka.send(build.next(BuildState.QUEUED));
        awaitPuts(1);
        kafka.send(build.next(BuildState.INPROGRESS));
        kafka.send(build.next(BuildState.SUCCESSFUL));
        awaitPuts(2);

        List<Put> puts = connector.puts(integration);
        assertThat(puts).extracting(p -> p.body().getString("state")).containsExactly("INPROGRESS", "SUCCESSFUL");
        Put queued = puts.get(0);
        assertThat(queued.repository()).isEqualTo("acme/game");
        assertThat(queued.commit()).isEqualTo(commit);
        assertThat(queued.key()).isEqualTo("Games-Client");
        assertThat(queued.body().getString("url")).as("queued: the job's page, the build has none yet")
                .isEqualTo(BuildStates.JOB_URL);
        assertThat(queued.body().getString("branch")).isEqualTo("feature/GAME-12");
        assertThat(queued.body().getString("description")).isEqualTo("Queued in Jenkins");
        Put done = puts.get(1);
        assertThat(done.body().getString("url")).isEqualTo(BuildStates.JOB_URL + "42/");
        assertThat(done.body().getString("name")).isEqualTo("Games/Client #42");
        assertThat(done.body().getInteger("buildNumber")).isEqualTo(42);
        assertThat(done.body().getLong("durationMillis")).isEqualTo(93_000L);
        assertThat(done.body().getString("parent")).isEqualTo("Games/Client");
        assertThat(done.body().getString("description")).isEqualTo("Build #42 succeeded in 1 min 33 s");
        settle();
        assertThat(connector.puts(integration)).as("INPROGRESS after QUEUED changes nothing Bitbucket shows")
                .hasSize(2);
    }

    @Test
    void statesReadOutOfOrderOrTwiceNeverShowAnOlderOne() throws Exception {
        Build build = new Build(integration, commit, "main", null, now());
        BuildEvent queued = build.next(BuildState.QUEUED);
        BuildEvent running = build.next(BuildState.INPROGRESS);
        BuildEvent failed = build.next(BuildState.FAILED);

        kafka.send(failed);
        awaitPuts(1);
        kafka.send(queued);
        kafka.send(running);
        kafka.send(failed);
        kafka.send(failed);
        settle();

        assertThat(connector.puts(integration)).extracting(p -> p.body().getString("state"))
                .containsExactly("FAILED");
    }

    @Test
    void ofTwoBuildsOfOneStatusTheLaterAskedForWinsWhateverTheOrder() throws Exception {
        Build first = new Build(integration, commit, "main", null, now().minusMinutes(5));
        Build again = new Build(integration, commit, "main", null, now());
        first.next(BuildState.QUEUED);
        BuildEvent firstRunning = first.next(BuildState.INPROGRESS);
        BuildEvent firstDone = first.next(BuildState.SUCCESSFUL);

        kafka.send(firstRunning);
        awaitPuts(1);
        kafka.send(again.next(BuildState.QUEUED));
        awaitPuts(2);
        kafka.send(firstDone); // the earlier build ends while the later one runs: Bitbucket keeps showing the later
        kafka.send(again.next(BuildState.INPROGRESS));
        kafka.send(again.next(BuildState.STOPPED));
        awaitPuts(3);
        settle();

        List<Put> puts = connector.puts(integration);
        assertThat(puts).extracting(p -> p.body().getString("state"))
                .containsExactly("INPROGRESS", "INPROGRESS", "STOPPED");
        assertThat(puts.get(1).body().getString("description")).as("a new build is posted even in the same state")
                .isEqualTo("Queued in Jenkins");
    }

    @Test
    void aPullRequestBuildShowsOnItsSourceBranch() throws Exception {
        Build build = new Build(integration, commit, "feature/GAME-12",
                new PullRequestRef(17, "feature/GAME-12", "main", null), now());

        kafka.send(build.next(BuildState.INPROGRESS));

        Put put = awaitPuts(1).get(0);
        assertThat(put.body().getString("branch")).isEqualTo("feature/GAME-12");
    }

    @Test
    void anOutageIsRiddenOutWithAFewProbesNotOneRetryPerStatus() throws Exception {
        connector.answerAlways(integration, Answer.unavailable(null));
        int statuses = 20;
        for (int i = 0; i < statuses; i++) {
            kafka.send(new Build(integration, hash(), "main", null, now()).next(BuildState.INPROGRESS));
        }
        await().atMost(WAIT).until(() -> connector.puts(integration).size() >= 3);
        Thread.sleep(3_000);
        int duringOutage = connector.puts(integration).size();

        connector.answerAlways(integration, null);
        await().atMost(WAIT).until(() -> connector.puts(integration).stream().map(Put::commit).distinct()
                .count() == statuses && settled());

        // The first batch finds Bitbucket away (up to 20 posts at once), then one probe per wait (0.5 s, 1 s, 2 s, 2 s).
        assertThat(duringOutage).as("posts while Bitbucket was away").isLessThanOrEqualTo(statuses + 8);
        int after = connector.puts(integration).size() - duringOutage;
        assertThat(after).as("each status posted once when it came back, plus at most one probe in flight")
                .isBetween(statuses, statuses + 1);
        given().auth().oauth2(TOKEN).queryParam("integration", integration)
                .queryParam("commit", connector.puts(integration).get(0).commit())
                .get("/api/v1/statuses").then().statusCode(200)
                .body("", hasSize(1)).body("[0].postedState", equalTo("INPROGRESS")).body("[0].pending", equalTo(false))
                .body("[0].attempts", equalTo(0));
    }

    @Test
    void aRateLimitIsWaitedOutForAsLongAsBitbucketAsks() throws Exception {
        connector.answer(integration, Answer.rateLimited("2"));
        Build build = new Build(integration, commit, "main", null, now());

        kafka.send(build.next(BuildState.INPROGRESS));
        awaitPuts(1);
        long limitedAt = System.nanoTime();
        awaitPuts(2);

        assertThat(Duration.ofNanos(System.nanoTime() - limitedAt)).as("Retry-After: 2")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1_500));
        settle();
        assertThat(connector.puts(integration)).hasSize(2);
    }

    @Test
    void aStatusBitbucketRefusesGoesToTheDeadLettersWithTheReasonAndTheNextStateIsPostedStill() throws Exception {
        connector.answer(integration, Answer.refused("forbidden", "Bitbucket answered 403: the credential may not"
                + " write statuses to acme/game"));
        Build build = new Build(integration, commit, "main", null, now());
        BuildEvent running = build.next(BuildState.INPROGRESS);

        kafka.send(running);
        await().atMost(WAIT).until(() -> kafka.deadLetters(integration).size() == 1);
        ConsumerRecord<String, byte[]> letter = kafka.deadLetters(integration).get(0);
        assertThat(TopicScanner.header(letter, DeadLetters.HEADER_REASON)).isEqualTo("forbidden");
        assertThat(TopicScanner.header(letter, DeadLetters.HEADER_DETAIL)).contains("403")
                .contains("may not write statuses");
        assertThat(TopicScanner.header(letter, DeadLetters.HEADER_SERVICE)).isEqualTo("status-reporter");
        assertThat(TopicScanner.header(letter, "ce_id")).isEqualTo(running.id());
        assertThat(json.readValue(letter.value(), BuildEvent.class)).isEqualTo(running);

        kafka.send(build.next(BuildState.SUCCESSFUL));
        awaitPuts(2);
        settle();
        assertThat(connector.puts(integration)).extracting(p -> p.body().getString("state"))
                .containsExactly("INPROGRESS", "SUCCESSFUL");
        assertThat(kafka.deadLetters(integration)).hasSize(1);
    }

    @Test
    void aStatusThatCannotBePostedForLongIsGivenUpOn() throws Exception {
        connector.answerAlways(integration, Answer.unavailable("1"));

        kafka.send(new Build(integration, commit, "main", null, now()).next(BuildState.INPROGRESS));

        await().atMost(WAIT).until(() -> kafka.deadLetters(integration).size() == 1);
        ConsumerRecord<String, byte[]> letter = kafka.deadLetters(integration).get(0);
        assertThat(TopicScanner.header(letter, DeadLetters.HEADER_REASON)).isEqualTo("gave_up");
        assertThat(TopicScanner.header(letter, DeadLetters.HEADER_DETAIL)).contains("give-up-after")
                .contains("HTTP 503");
        int tries = connector.puts(integration).size();
        assertThat(tries).as("about one try per backoff over 6 s, not a storm").isBetween(3, 10);
        connector.answerAlways(integration, null);
    }

    @Test
    void theConnectorsOwnRefusalsSayWhatToFix() throws Exception {
        connector.answer(integration, Answer.of(404, new io.vertx.core.json.JsonObject().put("error", "not_found")
                .put("detail", "No integration is named '" + integration + "'")));

        kafka.send(new Build(integration, commit, "main", null, now()).next(BuildState.INPROGRESS));

        await().atMost(WAIT).until(() -> kafka.deadLetters(integration).size() == 1);
        assertThat(TopicScanner.header(kafka.deadLetters(integration).get(0), DeadLetters.HEADER_REASON))
                .isEqualTo("integration_unknown");
    }

    @Test
    void aProxysAnswerIsNotARefusal() throws Exception {
        connector.answer(integration, Answer.of(404, null), Answer.of(502, null));

        kafka.send(new Build(integration, commit, "main", null, now()).next(BuildState.INPROGRESS));

        awaitPuts(3);
        settle();
        assertThat(kafka.deadLetters(integration)).isEmpty();
        assertThat(connector.puts(integration)).hasSize(3);
    }

    @Test
    void aRecordThatIsNotABuildStateIsDeadLetteredAndTheNextIsRead() throws Exception {
        kafka.sendRaw(integration + ":acme/game", "{not json".getBytes(StandardCharsets.UTF_8));
        kafka.send(new Build(integration, commit, "main", null, now()).next(BuildState.INPROGRESS));

        awaitPuts(1);
        await().atMost(WAIT).until(() -> kafka.deadLetters(integration).size() == 1);
        assertThat(TopicScanner.header(kafka.deadLetters(integration).get(0), DeadLetters.HEADER_REASON))
                .isEqualTo("unparseable");
    }

    @Test
    void aBuildThatNeverReachedJenkinsLinksTheConfiguredBuildPage() throws Exception {
        BuildEvent failed = new BuildEvent(UUID.randomUUID().toString(), 1, integration, "cloud",
                new dev.bitbridge.events.scm.Repository("acme/game", "game", null, null), commit, "main", null, null,
                null, "jenkins", BuildState.FAILED, "No Jenkins target is configured for " + integration
                        + ":acme/game; add one",
                null, null, null, null, null, null, "push", null, List.of(), now());

        kafka.send(failed);

        Put put = awaitPuts(1).get(0);
        assertThat(put.key()).isEqualTo("jenkins");
        assertThat(put.body().getString("url")).isEqualTo("http://bitbridge.example/builds/" + failed.requestId());
        assertThat(put.body().getString("description")).startsWith("No Jenkins target is configured");
        assertThat(put.body().getString("name")).isEqualTo("Jenkins");
    }

    @Test
    void theReadApiWantsTheTokenAndAFullHash() {
        given().queryParam("integration", integration).queryParam("commit", commit).get("/api/v1/statuses").then()
                .statusCode(401);
        given().auth().oauth2(TOKEN).queryParam("integration", integration).queryParam("commit", "abc123")
                .get("/api/v1/statuses").then().statusCode(400).body("fields[0].field", equalTo("commit"));
        given().auth().oauth2(TOKEN).queryParam("integration", integration).queryParam("commit", commit)
                .get("/api/v1/statuses").then().statusCode(200).body("", hasSize(0));
    }

    private List<Put> awaitPuts(int count) {
        await().atMost(WAIT).until(() -> connector.puts(integration).size() >= count);
        return connector.puts(integration);
    }

    /** Waits until no post is pending for the integration's commits. */
    private void settle() throws InterruptedException {
        Thread.sleep(1_500);
        await().atMost(WAIT).until(this::settled);
    }

    private boolean settled() {
        return connector.puts(integration).stream().map(Put::commit).distinct().allMatch(c -> given().auth()
                .oauth2(TOKEN).queryParam("integration", integration).queryParam("commit", c)
                .get("/api/v1/statuses").then().extract().jsonPath().getList("pending", Boolean.class).stream()
                .noneMatch(Boolean::booleanValue));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String hash() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 40);
    }
}
