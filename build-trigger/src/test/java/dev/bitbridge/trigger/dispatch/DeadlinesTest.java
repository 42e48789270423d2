package dev.bitbridge.trigger.dispatch;

import java.time.Duration;
import java.time.OffsetDateTime;
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
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import dev.bitbridge.events.build.BuildEvent;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.build.BuildRequestIds;
import dev.bitbridge.events.build.BuildState;
import dev.bitbridge.events.build.StatusKeys;
import dev.bitbridge.events.scm.Repository;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.jenkins.InjectJenkins;
import dev.bitbridge.testkit.jenkins.JenkinsSimulator;
import dev.bitbridge.testkit.jenkins.JenkinsSimulatorResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Jenkins that stays away past the deadlines: a build that could never be posted, and a running build that can no
 * longer be followed, are each reported FAILED with the reason, not kept forever nor dropped. Deadlines of seconds here
 * ({@link Deadlines}); an hour and six hours by default.
 */
@QuarkusTest
@TestProfile(DeadlinesTest.Deadlines.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TriggerTopicsResource.class)
@QuarkusTestResource(JenkinsSimulatorResource.class)
class DeadlinesTest {

    static final String TOKEN = "test-admin-token-0123456789abcdef0123";
    static final Duration WAIT = Duration.ofSeconds(30);

    /** Gives up after 4 s without Jenkins, both before the POST and while following. */
    public static class Deadlines implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bitbridge.trigger.dispatch.give-up-after", "PT4S",
                    "bitbridge.trigger.tracking.give-up-after", "PT4S",
                    "bitbridge.trigger.dispatch.backoff", "PT1S",
                    "bitbridge.trigger.dispatch.max-backoff", "PT1S");
        }
    }

    private static BuildTopics kafka;

    @InjectJenkins
    JenkinsSimulator jenkins;
    @Inject
    ObjectMapper json;
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
        integration = "dl-" + UUID.randomUUID().toString().substring(0, 8);
        job = "app-" + integration;
        jenkins.addUser("bot", "bot-password").apiToken("bot", "bot-token");
        jenkins.createJob(job, "BITBRIDGE_REQUEST_ID", "COMMIT");
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("baseUrl", jenkinsUrl, "username",
                "bot", "credentialKind", "api-token", "secret", "bot-token", "defaultJob", job))
                .put("/api/v1/integrations/" + integration + "/jenkins-target")
                .then().statusCode(200);
    }

    @Test
    void aBuildJenkinsNeverTookFailsAtTheDispatchDeadlineWithTheReason() throws Exception {
        jenkins.outage(true);
        try {
            BuildRequest request = request("never1");
            kafka.send(request);

            BuildEvent last = await().atMost(WAIT).until(() -> kafka.last(request), e -> e != null && e.state().isFinal());
            assertThat(last.state()).isEqualTo(BuildState.FAILED);
            assertThat(last.reason()).contains("could not be reached until the deadline");
            assertThat(kafka.events(request.requestId())).extracting(BuildEvent::state).containsExactly(BuildState.FAILED);
        } finally {
            jenkins.outage(false);
        }
        Thread.sleep(2000);
        assertThat(jenkins.triggerCount(job)).as("nothing posted once given up").isZero();
    }

    @Test
    void aRunningBuildJenkinsStopsAnsweringForFailsAtTheTrackingDeadlineWithTheReason() throws Exception {
        jenkins.delays(Duration.ZERO, Duration.ofMinutes(5));
        try {
            BuildRequest request = request("lost1");
            kafka.send(request);
            await().atMost(WAIT).until(() -> kafka.last(request), e -> e != null && e.state() == BuildState.INPROGRESS);

            jenkins.outage(true);
            BuildEvent last = await().atMost(WAIT).until(() -> kafka.last(request), e -> e.state().isFinal());

            assertThat(last.state()).isEqualTo(BuildState.FAILED);
            assertThat(last.reason()).contains("could not be reached until the deadline");
            assertThat(last.buildNumber()).as("which build was lost is said").isEqualTo(1);
            assertThat(kafka.events(request.requestId())).extracting(BuildEvent::state)
                    .containsExactly(BuildState.QUEUED, BuildState.INPROGRESS, BuildState.FAILED);
        } finally {
            jenkins.outage(false);
            jenkins.delays(Duration.ZERO, Duration.ZERO);
        }
    }

    private BuildRequest request(String commit) {
        String repository = "acme/game";
        return new BuildRequest(BuildRequestIds.of(integration, repository, commit, null, BuildRequestIds.COMMIT),
                integration, "cloud", new Repository(repository, "game", null, null), commit, "main", null, null,
                BuildRequest.PUSH, List.of(), List.of(commit), List.of(), null, StatusKeys.of(null, null), null,
                Map.of(), OffsetDateTime.now(), null, BuildRequestIds.COMMIT);
    }
}
