package dev.bitbridge.trigger.jenkins;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.mutiny.core.Vertx;

import dev.bitbridge.testkit.jenkins.BuildResult;
import dev.bitbridge.testkit.jenkins.JenkinsSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Jenkins client against the Jenkins simulator, which follows jenkins.md, errors included. */
class JenkinsClientTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final Vertx vertx = Vertx.vertx();
    private JenkinsClient client;
    private JenkinsSimulator jenkins;
    private JenkinsEndpoint token;
    private JenkinsEndpoint password;

    @BeforeEach
    void start() {
        client = new JenkinsClient(vertx, new ObjectMapper(), Duration.ofSeconds(5));
        jenkins = JenkinsSimulator.start();
        jenkins.addUser("bot", "bot-password").apiToken("bot", "bot-token");
        jenkins.createFolder("Games");
        jenkins.createJob("Games/Client", JenkinsClient.REQUEST_ID_PARAMETER, "COMMIT");
        token = new JenkinsEndpoint(jenkins.url(), "bot", "bot-token", false);
        password = new JenkinsEndpoint(jenkins.url() + "/", "bot", "bot-password", true);
    }

    @AfterEach
    void stop() {
        jenkins.close();
        client.close();
        vertx.closeAndAwait();
    }

    @Test
    void triggersAndFollowsABuildToItsResult() {
        String job = JobUrls.job(jenkins.url(), "Games/Client");
        long queueId = client.trigger(token, job, "Games/Client", Map.of(JenkinsClient.REQUEST_ID_PARAMETER, "r-1",
                "COMMIT", "abc")).await().atMost(WAIT);

        QueueItemState item = client.queueItem(token, queueId).await().atMost(WAIT);
        assertThat(item.found()).isTrue();
        assertThat(item.buildNumber()).isEqualTo(1);
        BuildStatus build = client.build(token, job, "Games/Client", 1).await().atMost(WAIT);
        assertThat(build.finished()).isTrue();
        assertThat(build.result()).isEqualTo("SUCCESS");
        assertThat(jenkins.builds("Games/Client")).singleElement()
                .satisfies(b -> assertThat(b.parameters()).containsEntry("COMMIT", "abc"));
    }

    @Test
    void aPasswordUserSendsACrumbWithItsSessionCookie() {
        String job = JobUrls.job(jenkins.url(), "Games/Client");

        client.trigger(password, job, "Games/Client", Map.of(JenkinsClient.REQUEST_ID_PARAMETER, "r-1"))
                .await().atMost(WAIT);
        client.trigger(password, job, "Games/Client", Map.of(JenkinsClient.REQUEST_ID_PARAMETER, "r-2"))
                .await().atMost(WAIT);

        assertThat(jenkins.triggerCount("Games/Client")).isEqualTo(2);
        assertThat(jenkins.requestCount("GET", "/crumbIssuer/**")).as("the crumb is kept with its session")
                .isEqualTo(1);
    }

    @Test
    void aStaleCrumbIsFetchedAgainOnce() {
        String job = JobUrls.job(jenkins.url(), "Games/Client");
        client.trigger(password, job, "Games/Client", Map.of(JenkinsClient.REQUEST_ID_PARAMETER, "r-1"))
                .await().atMost(WAIT);
        jenkins.restart(); // sessions, and with them crumbs, are forgotten

        client.trigger(password, job, "Games/Client", Map.of(JenkinsClient.REQUEST_ID_PARAMETER, "r-2"))
                .await().atMost(WAIT);

        assertThat(jenkins.triggerCount("Games/Client")).isEqualTo(2);
    }

    @Test
    void findsARequestByItsIdInTheQueueAndAmongTheBuilds() {
        jenkins.delays(Duration.ofHours(1), Duration.ZERO);
        String job = JobUrls.job(jenkins.url(), "Games/Client");
        long queueId = client.trigger(token, job, "Games/Client", Map.of(JenkinsClient.REQUEST_ID_PARAMETER, "r-9"))
                .await().atMost(WAIT);

        assertThat(client.find(token, job, "Games/Client", "r-9").await().atMost(WAIT))
                .contains(new Located(queueId, null));
        assertThat(client.find(token, job, "Games/Client", "r-other").await().atMost(WAIT)).isEmpty();

        jenkins.delays(Duration.ZERO, Duration.ZERO);
        jenkins.advanceClock(Duration.ofHours(2));
        Optional<Located> built = client.find(token, job, "Games/Client", "r-9").await().atMost(WAIT);
        assertThat(built).contains(new Located(queueId, 1));
    }

    @Test
    void aPurgedQueueItemIsNotFound() {
        jenkins.leftItemRetention(Duration.ZERO);
        String job = JobUrls.job(jenkins.url(), "Games/Client");
        long queueId = client.trigger(token, job, "Games/Client", Map.of(JenkinsClient.REQUEST_ID_PARAMETER, "r-1"))
                .await().atMost(WAIT);
        jenkins.advanceClock(Duration.ofMinutes(6));

        assertThat(client.queueItem(token, queueId).await().atMost(WAIT).found()).isFalse();
    }

    @Test
    void refusalsSayWhatToFix() {
        jenkins.createJob("Off", JenkinsClient.REQUEST_ID_PARAMETER);
        jenkins.disable("Off", true);
        jenkins.createJob("Plain");

        assertRefused(token, "Missing", 404, "no job Missing");
        assertRefused(token, "Off", 409, "disabled");
        assertRefused(token, "Plain", 400, JenkinsClient.REQUEST_ID_PARAMETER);
        assertRefused(new JenkinsEndpoint(jenkins.url(), "bot", "wrong", false), "Games/Client", 401,
                "credentials of user bot");
    }

    @Test
    void anOutageIsTransient() {
        jenkins.outage(true);

        assertThatThrownBy(() -> client.trigger(token, JobUrls.job(jenkins.url(), "Games/Client"), "Games/Client",
                Map.of()).await().atMost(WAIT)).isInstanceOfSatisfying(JenkinsException.class,
                        e -> assertThat(e.transientFailure()).isTrue());
    }

    @Test
    void cancelsAWaitingItemAndStopsARunningBuild() {
        jenkins.delays(Duration.ofHours(1), Duration.ZERO);
        String job = JobUrls.job(jenkins.url(), "Games/Client");
        long queueId = client.trigger(token, job, "Games/Client", Map.of(JenkinsClient.REQUEST_ID_PARAMETER, "r-1"))
                .await().atMost(WAIT);

        assertThat(client.cancelQueued(token, queueId).await().atMost(WAIT)).isTrue();
        assertThat(client.queueItem(token, queueId).await().atMost(WAIT).cancelled()).isTrue();
        assertThat(client.cancelQueued(token, queueId).await().atMost(WAIT)).as("already left").isFalse();

        jenkins.delays(Duration.ZERO, Duration.ofHours(1));
        client.trigger(token, job, "Games/Client", Map.of(JenkinsClient.REQUEST_ID_PARAMETER, "r-2"))
                .await().atMost(WAIT);
        client.stop(token, job, "Games/Client", 1).await().atMost(WAIT);
        assertThat(client.build(token, job, "Games/Client", 1).await().atMost(WAIT).result()).isEqualTo(
                BuildResult.ABORTED.name());
    }

    @Test
    void multibranchJobsAreAddressedByTheirEncodedBranchName() {
        jenkins.createMultibranch("game");
        jenkins.addBranch("game", "feature/GAME-12", JenkinsClient.REQUEST_ID_PARAMETER);

        client.trigger(token, JobUrls.branchJob(jenkins.url(), "game", "feature/GAME-12"), "game/feature/GAME-12",
                Map.of(JenkinsClient.REQUEST_ID_PARAMETER, "r-1")).await().atMost(WAIT);

        assertThat(jenkins.triggerCount("game/feature%2FGAME-12")).isEqualTo(1);
    }

    private void assertRefused(JenkinsEndpoint endpoint, String job, int status, String says) {
        assertThatThrownBy(() -> client.trigger(endpoint, JobUrls.job(jenkins.url(), job), job,
                Map.of(JenkinsClient.REQUEST_ID_PARAMETER, "r")).await().atMost(WAIT))
                .isInstanceOfSatisfying(JenkinsException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.getMessage()).contains(says);
                });
    }
}
