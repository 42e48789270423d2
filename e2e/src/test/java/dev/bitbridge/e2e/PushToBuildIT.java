package dev.bitbridge.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.bitbridge.events.Topics;
import dev.bitbridge.events.analysis.TaskLinkEvent;
import dev.bitbridge.events.build.BuildEvent;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.build.BuildState;
import dev.bitbridge.testkit.TopicScanner;
import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
import dev.bitbridge.testkit.bitbucket.DcPermission;
import dev.bitbridge.testkit.bitbucket.Flavor;
import dev.bitbridge.testkit.bitbucket.NewCommit;
import dev.bitbridge.testkit.bitbucket.RepoRef;
import dev.bitbridge.testkit.jenkins.BuildResult;
import dev.bitbridge.testkit.jenkins.BuildView;
import dev.bitbridge.testkit.jenkins.JenkinsSimulator;
import dev.bitbridge.testkit.suite.LaunchedSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8's "done when": the suite started as {@code ./bitbridge up} starts it, configured only through its APIs, and
 * driven by a Bitbucket Data Center simulator that delivers real-shaped webhooks to the ingress hook the connector
 * registered. A push whose commit says {@code GAME-123: … #ci} becomes exactly one build on the Jenkins simulator, its
 * task link is on {@code bitbridge.task-links.v1} and its states reach SUCCESSFUL on {@code bitbridge.builds.v1};
 * {@code #jenkins:Games/Tools} builds that job; a pull request of an already built commit builds nothing more; an
 * untagged push builds nothing; a manual build of a branch builds the head the connector reads from Bitbucket; each
 * build's state is shown on its commit in Bitbucket (the pull request's through its source branch), two posts per
 * build. Every count is asserted at the end, so an extra build or status anywhere fails the test.
 */
@ExtendWith(SharedSuite.class)
class PushToBuildIT {

    static final String INTEGRATION = "acme-dc";
    static final String CLIENT = "Games/Client";
    static final String TOOLS = "Games/Tools";
    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static BitbucketSimulator bitbucket;
    static JenkinsSimulator jenkins;
    static LaunchedSuite suite;
    static TopicScanner topics;
    static Account dev;
    static Account bot;
    static RepoRef repo = new RepoRef("GAME", "client");

    @BeforeAll
    static void start() throws Exception {
        bitbucket = BitbucketSimulator.start(Flavor.DATA_CENTER, 0, false);
        dev = bitbucket.addAccount("Dana Developer", "dana@example.com");
        bot = bitbucket.addAccount("Bitbridge Bot", "bot@example.com");
        bitbucket.createRepository(repo.owner(), repo.slug());
        bitbucket.credentials().dcUser(bot, "bot-password");
        bitbucket.credentials().grant(bot, DcPermission.REPO_ADMIN, repo.owner(), repo.slug());
        bitbucket.push(repo, "main", NewCommit.by(dev, "Initial commit"));

        jenkins = JenkinsSimulator.start();
        jenkins.addUser("bitbridge", "jenkins-password").apiToken("bitbridge", "jenkins-api-token");
        jenkins.createFolder("Games");
        jenkins.createJob(CLIENT, "BITBRIDGE_REQUEST_ID", "COMMIT", "BRANCH", "TASK_KEYS");
        jenkins.createJob(TOOLS, "BITBRIDGE_REQUEST_ID", "COMMIT", "BRANCH", "TASK_KEYS");
        jenkins.delays(Duration.ofMillis(300), Duration.ofSeconds(1));

        suite = SharedSuite.suite();
        topics = new TopicScanner(suite.kafka());
        configure();
    }

    @AfterAll
    static void stop() throws Exception {
        if (jenkins != null) {
            jenkins.close();
        }
        if (bitbucket != null) {
            bitbucket.close();
        }
    }

    /** Through the APIs only, as a user would: integration, repository (hook registered), analysis, Jenkins target. */
    static void configure() throws Exception {
        SuiteSetup.configure(suite, INTEGRATION, bitbucket, bot.name(), "bot-password", repo, jenkins, CLIENT);
        assertThat(bitbucket.hooks(repo)).singleElement()
                .satisfies(h -> assertThat(h.url()).startsWith("http://localhost:"
                        + suite.port("BITBRIDGE_INGRESS_PORT") + "/webhooks/bitbucket/" + INTEGRATION));
    }

    @Test
    void aTaggedPushBuildsOnceWithItsTaskLinkAndEveryStateThenNothingElseBuilds() throws Exception {
        // Untagged first: its ref change is decided before the tagged one (same repository, same partition).
        bitbucket.push(repo, "main", NewCommit.by(dev, "GAME-100: tidy the build scripts"));
        String ci = bitbucket.push(repo, "main", NewCommit.by(dev, "GAME-123: new animations #ci"));

        awaitTrue("a SUCCESSFUL build of " + ci, () -> finalEvent(ci) != null);
        List<BuildView> client = jenkins.builds(CLIENT);
        assertThat(client).singleElement().satisfies(b -> {
            assertThat(b.parameters()).containsEntry("COMMIT", ci).containsEntry("BRANCH", "main")
                    .containsEntry("TASK_KEYS", "GAME-123");
            assertThat(b.result()).isEqualTo(BuildResult.SUCCESS);
        });
        List<BuildEvent> states = eventsOf(ci);
        assertThat(states).extracting(BuildEvent::state)
                .containsExactly(BuildState.QUEUED, BuildState.INPROGRESS, BuildState.SUCCESSFUL);
        assertThat(states).extracting(BuildEvent::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(states.get(2).buildUrl()).startsWith(jenkins.url()).contains("/job/Games/job/Client/");
        assertThat(states.get(2).integration()).isEqualTo(INTEGRATION);
        assertThat(states.get(2).flavor()).isEqualTo("datacenter");
        assertThat(states.get(2).requestedBy()).isNotNull();
        assertThat(states.get(2).taskKeys()).containsExactly("GAME-123");

        List<TaskLinkEvent> links = taskLinks();
        assertThat(links).filteredOn(l -> ci.equals(l.commit())).singleElement().satisfies(l -> {
            assertThat(l.key()).isEqualTo("GAME-123");
            assertThat(l.link()).isEqualTo("https://acme.atlassian.net/browse/GAME-123");
            assertThat(l.repository().fullName()).isEqualTo("GAME/client");
        });
        assertThat(links).extracting(TaskLinkEvent::key).contains("GAME-100");

        // A named job, on a feature branch, then a pull request of that same commit asking again: one build.
        String tools = bitbucket.push(repo, "feature/GAME-124-particles",
                NewCommit.by(dev, "GAME-124: particles #jenkins:Games/Tools"));
        awaitTrue("a SUCCESSFUL build of " + tools, () -> finalEvent(tools) != null);
        bitbucket.openPullRequest(repo, "feature/GAME-124-particles", repo, "main", dev,
                "GAME-124 particles #jenkins:Games/Tools");
        awaitTrue("the pull request's task link", () -> taskLinks().stream()
                .anyMatch(l -> l.pullRequestId() != null && "GAME-124".equals(l.key())));
        // A build request made after the pull request would be decided by now; give the trigger a moment to show it.
        Thread.sleep(3000);

        List<BuildRequest> toolsRequests = topics.readCommitted(Topics.BUILD_REQUESTS_V1).stream()
                .map(r -> read(r.value(), BuildRequest.class)).filter(r -> tools.equals(r.commit())).toList();
        assertThat(toolsRequests).as("the push and the pull request each asked, for the same build")
                .extracting(BuildRequest::reason).contains(BuildRequest.PUSH, BuildRequest.PULL_REQUEST);
        assertThat(toolsRequests).extracting(BuildRequest::requestId).containsOnly(toolsRequests.get(0).requestId());
        // A person asks for a build of main by name: build-trigger reads its head through the connector (which asks
        // Bitbucket) and builds it, although that commit was built already: asking again builds again.
        String main = bitbucket.head(repo, "main");
        HttpResponse<String> asked = expect(suite.call("POST", suite.trigger("/api/v1/builds"), """
                {"integration": "%s", "repository": "GAME/client", "branch": "main", "requestedBy": "dana"}"""
                .formatted(INTEGRATION)), 202);
        String manual = JSON.readTree(asked.body()).path("requestId").asText();
        awaitTrue("the manual build's end", () -> state(manual).equals("SUCCESSFUL"));
        com.fasterxml.jackson.databind.JsonNode view = JSON.readTree(suite.call("GET",
                suite.trigger("/api/v1/builds/" + manual), null).body());
        assertThat(view.path("commit").asText()).isEqualTo(main).isEqualTo(ci);
        assertThat(view.path("requestedBy").asText()).isEqualTo("dana");
        assertThat(view.path("flavor").asText()).isEqualTo("datacenter");

        assertThat(jenkins.builds(TOOLS)).singleElement()
                .satisfies(b -> assertThat(b.parameters()).containsEntry("COMMIT", tools)
                        .containsEntry("BRANCH", "feature/GAME-124-particles"));
        assertThat(jenkins.builds(CLIENT)).as("the #ci commit's build, and the one dana asked for")
                .extracting(b -> b.parameters().get("COMMIT")).containsExactly(ci, ci);
        Map<String, List<BuildState>> byRequest = topics.readCommitted(Topics.BUILDS_V1).stream().map(PushToBuildIT::build)
                .filter(b -> INTEGRATION.equals(b.integration())) // the suite is shared with other classes
                .collect(Collectors.groupingBy(BuildEvent::requestId, Collectors.mapping(BuildEvent::state,
                        Collectors.toList())));
        assertThat(byRequest).as("three builds, each reported once per state").hasSize(3)
                .allSatisfy((id, s) -> assertThat(s).containsExactly(BuildState.QUEUED, BuildState.INPROGRESS,
                        BuildState.SUCCESSFUL));
        assertThat(topics.readCommitted(Topics.BUILD_TRIGGER_DEAD_LETTERS_V1)).isEmpty();
        assertThat(topics.readCommitted(Topics.COMMIT_ANALYZER_DEAD_LETTERS_V1)).isEmpty();

        // Bitbucket shows each build on its commit, and the feature branch's on its pull request (ref = source branch).
        awaitTrue("SUCCESSFUL on " + ci, () -> "SUCCESSFUL".equals(status(ci, "Games-Client", "refs/heads/main")));
        awaitTrue("SUCCESSFUL on " + tools + " and its pull request", () -> "SUCCESSFUL".equals(
                status(tools, "Games-Tools", "refs/heads/feature/GAME-124-particles")));
        assertThat(bitbucket.buildStatuses(repo)).as("one status per commit and job, nothing else").hasSize(2)
                .allSatisfy(s -> {
                    assertThat(s.posted().path("url").asText()).startsWith(jenkins.url()).matches(".*/\\d+/$");
                    assertThat(s.postedBy()).as("posted with the integration's credential").isNotNull();
                });
        assertThat(statusPosts(tools)).as("INPROGRESS once (queued and running look the same), then the result")
                .isEqualTo(2);
        assertThat(statusPosts(ci)).as("the #ci build and dana's: two posts each").isEqualTo(4);
        com.fasterxml.jackson.databind.JsonNode posted = JSON.readTree(suite.call("GET", suite.reporter(
                "/api/v1/statuses?integration=" + INTEGRATION + "&commit=" + ci), null).body());
        assertThat(posted).singleElement().satisfies(s -> {
            assertThat(s.path("postedState").asText()).isEqualTo("SUCCESSFUL");
            assertThat(s.path("postedAs").asText()).isEqualTo("builds SUCCESSFUL");
            assertThat(s.path("requestId").asText()).as("the newer build's").isEqualTo(manual);
            assertThat(s.path("pending").asBoolean()).isFalse();
        });
        assertThat(topics.readCommitted(Topics.STATUS_REPORTER_DEAD_LETTERS_V1)).isEmpty();
        // A statement PostgreSQL refused and the client quietly prepared again (status-reporter's once did, on every
        // post) shows only in the server's log.
        assertThat(java.nio.file.Files.readAllLines(suite.home().resolve("logs/postgres.log")))
                .as("statements PostgreSQL refused").noneMatch(line -> line.contains("ERROR:"));
    }

    /** @return the state Bitbucket shows for (commit, key, ref), or null */
    private static String status(String commit, String key, String ref) {
        return bitbucket.buildStatuses(repo).stream()
                .filter(s -> s.commit().equals(commit) && s.key().equals(key) && ref.equals(s.ref()))
                .map(s -> s.state()).findFirst().orElse(null);
    }

    private static long statusPosts(String commit) {
        return bitbucket.requestCount("POST", "/rest/api/latest/projects/GAME/repos/client/commits/" + commit
                + "/builds");
    }

    private static String state(String requestId) {
        try {
            return JSON.readTree(suite.call("GET", suite.trigger("/api/v1/builds/" + requestId), null).body())
                    .path("state").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static BuildEvent finalEvent(String commit) {
        return eventsOf(commit).stream().filter(e -> e.state().isFinal()).findFirst().orElse(null);
    }

    private static List<BuildEvent> eventsOf(String commit) {
        return topics.readCommitted(Topics.BUILDS_V1).stream().map(PushToBuildIT::build)
                .filter(e -> commit.equals(e.commit())).toList();
    }

    private static List<TaskLinkEvent> taskLinks() {
        return topics.readCommitted(Topics.TASK_LINKS_V1).stream().map(r -> read(r.value(), TaskLinkEvent.class))
                .toList();
    }

    private static BuildEvent build(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record) {
        return read(record.value(), BuildEvent.class);
    }

    private static <T> T read(byte[] value, Class<T> type) {
        return SuiteSetup.read(value, type);
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        return SuiteSetup.expect(response, status);
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited " + PATIENCE.toSeconds() + " s for " + what + "\n" + suite.logs());
            }
            Thread.sleep(250);
        }
    }
}
