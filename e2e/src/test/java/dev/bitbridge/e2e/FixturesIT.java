package dev.bitbridge.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
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
import dev.bitbridge.events.scm.PullRequestEvent;
import dev.bitbridge.events.scm.RefChangeEvent;
import dev.bitbridge.testkit.SharedFixtures;
import dev.bitbridge.testkit.TopicScanner;
import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
import dev.bitbridge.testkit.bitbucket.DcPermission;
import dev.bitbridge.testkit.bitbucket.Flavor;
import dev.bitbridge.testkit.bitbucket.HookView;
import dev.bitbridge.testkit.bitbucket.RepoRef;
import dev.bitbridge.testkit.bitbucket.Seeded;
import dev.bitbridge.testkit.bitbucket.model.BuildStatus;
import dev.bitbridge.testkit.jenkins.BuildResult;
import dev.bitbridge.testkit.jenkins.BuildView;
import dev.bitbridge.testkit.jenkins.JenkinsSimulator;
import dev.bitbridge.testkit.suite.LaunchedSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: every real webhook of the shared fixtures ({@code ../shared/fixtures/MANIFEST.md}: each Bitbucket Cloud
 * push and pull-request event, each Data Center {@code repo:refs_changed} and {@code pr:*}, a Data Center ping and a
 * Cloud status echo) in at the ingress of the suite as {@code ./bitbridge up} starts it — five service processes, real
 * Kafka and PostgreSQL — and out as exactly the builds, task links and statuses the payload calls for, and nothing else.
 * <p>
 * Each fixture gets an integration of its own ({@code fx-…}), set up only through the services' APIs: the simulator
 * (Cloud: the one {@link SharedSuite} points the connector at; Data Center: one per fixture) is seeded from the payload
 * ({@link BitbucketSimulator#seedFrom}), the repository is connected (the connector registers its signed hook on the
 * simulator), every push, created tag and opened or updated pull request on any branch builds the integration's own
 * Jenkins job, and projects {@code BB} and {@code FEATURE} are task keys ({@code feature/BB-1} and {@code feature-2}
 * are branch names of the fixtures). The body is then delivered byte for byte to the registered hook URL, signed with
 * the hook's secret and with Bitbucket's headers, and the next fixture waits until the connector has handled it, so
 * that fixtures sharing a Cloud repository are seeded and read in the order they happened.
 * <p>
 * What each fixture must give is read from its payload ({@link FixtureFacts}). Once every expected build is
 * SUCCESSFUL on Bitbucket and a few seconds more have passed, each fixture's test checks exact counts for its
 * integration: Jenkins builds and their parameters, build requests, build states (QUEUED, INPROGRESS, SUCCESSFUL once
 * each), task links, statuses on the simulator and the posts that made them (two per build), no dead letters or
 * refusals. A fixture that must give nothing is shown to have been handled: its enriched pull-request event was
 * consumed by the commit analyzer, or the connector counted it as skipped with the reason and committed past it, or
 * (a ping) the ingress answered it {@code pong} and stored nothing.
 */
@ExtendWith(SharedSuite.class)
class FixturesIT {

    static final List<String> PROJECT_KEYS = List.of("BB", "FEATURE");
    static final String[] CLOUD_SCOPES = { "read:user:bitbucket", "read:repository:bitbucket",
            "read:pullrequest:bitbucket", "read:webhook:bitbucket", "write:webhook:bitbucket",
            "delete:webhook:bitbucket" };
    static final String[] JOB_PARAMETERS = { "BITBRIDGE_REQUEST_ID", "COMMIT", "REPOSITORY", "BRANCH", "TAG",
            "PULL_REQUEST", "TASK_KEYS", "REQUESTED_BY", "BUILD_REASON" };
    static final String DC_PASSWORD = "fixture-bot-password";
    static final Duration PATIENCE = Duration.ofSeconds(90);
    /** How long to wait after the last expected status for anything unexpected to show. */
    static final Duration SETTLE = Duration.ofSeconds(4);
    static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** In the order they happened where they share a repository (as the connector-level fixture test runs them). */
    static final List<Fixture> FIXTURES = List.of(
            cloud("fx-cloud-three", "repo:push", "jenkins-bbs/cloud/multipleChangesPayload.json"),
            cloud("fx-cloud-push", "repo:push", "go-scm/cloud/push.json"),
            cloud("fx-cloud-signed", "repo:push", "jenkins-bbs/cloud/signed_payload.json"),
            cloud("fx-cloud-pr-created", "pullrequest:created", "go-scm/cloud/pr_created.json"),
            cloud("fx-cloud-pr-updated", "pullrequest:updated", "go-scm/cloud/pr_updated.json"),
            cloud("fx-cloud-pr-fulfilled", "pullrequest:fulfilled", "go-scm/cloud/pr_fulfilled.json"),
            cloud("fx-cloud-pr-declined", "pullrequest:rejected", "go-scm/cloud/pr_declined.json"),
            cloud("fx-cloud-pr-comment", "pullrequest:comment_created", "go-scm/cloud/pr_comment_created.json"),
            cloud("fx-cloud-wp-comment", "pullrequest:comment_created", "woodpecker/cloud/HookPullCommentCreated.json"),
            cloud("fx-cloud-wp-approved", "pullrequest:approved", "woodpecker/cloud/HookPullApproved.json"),
            cloud("fx-cloud-status", "repo:commit_status_created", "go-scm/cloud/pipeline_hook_created.json"),
            dataCenter("fx-dc-push", "repo:refs_changed", "go-scm/server/push.json"),
            dataCenter("fx-dc-push-v10", "repo:refs_changed", "jenkins-bbs/server/pushPayload_v10.json"),
            dataCenter("fx-dc-hookpush", "repo:refs_changed", "woodpecker/datacenter/HookPush.json"),
            dataCenter("fx-dc-pr-open", "pr:opened", "go-scm/server/pr_open.json"),
            dataCenter("fx-dc-pr-open-iso", "pr:opened", "go-scm/server/pr_open_iso_dates.json"),
            dataCenter("fx-dc-pr-declined", "pr:declined", "go-scm/server/pr_declined.json"),
            dataCenter("fx-dc-pr-merged", "pr:merged", "go-scm/server/pr_merged.json"),
            dataCenter("fx-dc-pr-updated", "pr:from_ref_updated", "go-scm/server/pr_from_ref_updated.json"),
            dataCenter("fx-dc-ping", "diagnostics:ping", "jenkins-bbs/server/ping.json"));

    static LaunchedSuite suite;
    static TopicScanner topics;
    static Admin kafka;
    static JenkinsSimulator jenkins;
    static final List<BitbucketSimulator> dataCenters = new ArrayList<>();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Map<String, Delivered> DELIVERED = new LinkedHashMap<>();
    /** Every record of the topics asserted on, read once after the outputs settled. */
    static final Map<String, List<ConsumerRecord<String, byte[]>>> OUTPUTS = new LinkedHashMap<>();

    /** One fixture: its integration (and Jenkins job, and status key), flavor, event key and file. */
    record Fixture(String integration, Flavor flavor, String eventKey, String file) {
    }

    /**
     * A fixture once delivered.
     *
     * @param credential the simulator's id of the integration's credential, under which its requests are logged
     * @param skippedCounted for an event the connector skips: whether its skip counter for the reason went up
     */
    record Delivered(Fixture fixture, BitbucketSimulator bitbucket, RepoRef repository, String credential,
            FixtureFacts facts, boolean skippedCounted) {
    }

    static Fixture cloud(String integration, String eventKey, String file) {
        return new Fixture(integration, Flavor.CLOUD, eventKey, file);
    }

    static Fixture dataCenter(String integration, String eventKey, String file) {
        return new Fixture(integration, Flavor.DATA_CENTER, eventKey, file);
    }

    @BeforeAll
    static void deliverEveryFixture() throws Exception {
        SharedFixtures.dir(); // skipped, saying why, without the fixtures
        suite = SharedSuite.suite();
        topics = new TopicScanner(suite.kafka());
        kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka()));
        jenkins = JenkinsSimulator.start();
        jenkins.addUser("bitbridge", "jenkins-password").apiToken("bitbridge", "jenkins-api-token");
        jenkins.delays(Duration.ofMillis(200), Duration.ofMillis(500));
        for (Fixture fixture : FIXTURES) {
            DELIVERED.put(fixture.integration(), deliver(fixture));
        }
        awaitEveryExpectedStatus();
        Thread.sleep(SETTLE.toMillis());
        for (String topic : List.of(Topics.WEBHOOKS_V1, Topics.WEBHOOK_REFUSALS_V1, Topics.REFS_V1,
                Topics.PULLREQUESTS_V1, Topics.TASK_LINKS_V1, Topics.BUILD_REQUESTS_V1, Topics.BUILDS_V1,
                Topics.WEBHOOKS_DEAD_LETTERS_V1, Topics.COMMIT_ANALYZER_DEAD_LETTERS_V1,
                Topics.BUILD_TRIGGER_DEAD_LETTERS_V1, Topics.STATUS_REPORTER_DEAD_LETTERS_V1)) {
            OUTPUTS.put(topic, topics.readCommitted(topic));
        }
    }

    @AfterAll
    static void stop() {
        if (jenkins != null) {
            jenkins.close();
        }
        dataCenters.forEach(BitbucketSimulator::close);
        if (kafka != null) {
            kafka.close();
        }
    }

    // --- Bitbucket Cloud pushes ---

    @Test
    void cloudMultipleChangesBuildsTheUpdatedBranchTheNewBranchAndTheNewTag() throws Exception {
        assertOutcome("fx-cloud-three", 3);
    }

    @Test
    void cloudPushBuildsItsBranch() throws Exception {
        assertOutcome("fx-cloud-push", 1);
    }

    @Test
    void cloudSignedPushBuildsTheNewBranch() throws Exception {
        assertOutcome("fx-cloud-signed", 1);
    }

    // --- Bitbucket Cloud pull requests ---

    @Test
    void cloudPullRequestCreatedBuildsItsSourceHead() throws Exception {
        assertOutcome("fx-cloud-pr-created", 1);
    }

    @Test
    void cloudPullRequestUpdatedBuildsItsNewSourceHead() throws Exception {
        assertOutcome("fx-cloud-pr-updated", 1);
    }

    @Test
    void cloudPullRequestFulfilledGivesNothing() throws Exception {
        assertOutcome("fx-cloud-pr-fulfilled", 0);
    }

    @Test
    void cloudPullRequestRejectedGivesNothing() throws Exception {
        assertOutcome("fx-cloud-pr-declined", 0);
    }

    @Test
    void cloudPullRequestCommentGivesNothing() throws Exception {
        assertOutcome("fx-cloud-pr-comment", 0);
    }

    @Test
    void cloudCapturedPullRequestCommentGivesNothing() throws Exception {
        assertOutcome("fx-cloud-wp-comment", 0);
    }

    @Test
    void cloudPullRequestApprovalGivesNothing() throws Exception {
        assertOutcome("fx-cloud-wp-approved", 0);
    }

    @Test
    void cloudStatusEchoIsSkipped() throws Exception {
        assertOutcome("fx-cloud-status", 0);
    }

    // --- Bitbucket Data Center pushes ---

    @Test
    void dataCenterClassicPushBuildsItsBranch() throws Exception {
        assertOutcome("fx-dc-push", 1);
    }

    @Test
    void dataCenter10PushBuildsTheNewBranchAndLinksTheKeyInItsName() throws Exception {
        assertOutcome("fx-dc-push-v10", 1);
        assertThat(links("fx-dc-push-v10")).as("found in the branch name feature/BB-1").singleElement()
                .satisfies(l -> {
                    assertThat(l.key()).isEqualTo("BB-1");
                    assertThat(l.foundIn()).isEqualTo(TaskLinkEvent.BRANCH_NAME);
                    assertThat(l.link()).isEqualTo("https://tasks.example.com/browse/BB-1");
                });
    }

    @Test
    void dataCenterForcedPushBuildsItsBranch() throws Exception {
        assertOutcome("fx-dc-hookpush", 1);
    }

    // --- Bitbucket Data Center pull requests ---

    @Test
    void dataCenterPullRequestOpenedBuildsItsSourceHead() throws Exception {
        assertOutcome("fx-dc-pr-open", 1);
    }

    @Test
    void dataCenterPullRequestOpenedWithIsoDatesBuildsItsSourceHead() throws Exception {
        assertOutcome("fx-dc-pr-open-iso", 1);
    }

    @Test
    void dataCenterPullRequestDeclinedGivesNothing() throws Exception {
        assertOutcome("fx-dc-pr-declined", 0);
    }

    @Test
    void dataCenterPullRequestMergedGivesNothing() throws Exception {
        assertOutcome("fx-dc-pr-merged", 0);
    }

    @Test
    void dataCenterPullRequestSourceUpdatedBuildsTheNewHeadAndLinksTheKeyInItsBranch() throws Exception {
        assertOutcome("fx-dc-pr-updated", 1);
        assertThat(links("fx-dc-pr-updated")).as("found in the source branch feature-2").singleElement()
                .satisfies(l -> {
                    assertThat(l.key()).isEqualTo("FEATURE-2");
                    assertThat(l.pullRequestId()).isEqualTo(2L);
                    assertThat(l.foundIn()).isEqualTo(TaskLinkEvent.BRANCH_NAME);
                });
    }

    @Test
    void dataCenterPingIsAnsweredAtTheIngressAndGivesNothing() throws Exception {
        assertOutcome("fx-dc-ping", 0);
    }

    // --- Set-up and delivery ---

    /** Seeds, configures through the APIs, delivers to the registered hook and waits until the connector handled it. */
    static Delivered deliver(Fixture fixture) throws Exception {
        byte[] body = SharedFixtures.bytes(fixture.file());
        BitbucketSimulator bitbucket = fixture.flavor() == Flavor.CLOUD ? SharedSuite.cloud() : newDataCenter();
        Seeded seeded = bitbucket.seedFrom(fixture.flavor(), fixture.eventKey(), body);
        // A ping names no repository: Data Center sends it to a hook of a repository ("Test connection").
        RepoRef repository = seeded.repository() != null ? seeded.repository()
                : bitbucket.createRepository("PING", "pinged");
        String credential = fixture.flavor() == Flavor.CLOUD ? cloudIntegration(fixture.integration(), repository)
                : dataCenterIntegration(fixture.integration(), bitbucket, repository);
        configure(fixture.integration(), repository);
        HookView hook = hookOf(bitbucket, repository, fixture.integration());
        FixtureFacts facts = FixtureFacts.of(fixture.flavor(), fixture.eventKey(), JSON.readTree(body), seeded,
                PROJECT_KEYS);
        if (!facts.ping() && facts.skipReason() == null) {
            // Bitbucket sends it to this hook; a status echo comes only to a hook someone subscribed by hand.
            assertThat(hook.events()).as("events of the hook the connector registered").contains(fixture.eventKey());
        }

        double skippedBefore = facts.skipReason() == null ? 0 : skipped(facts.skipReason());
        HttpResponse<String> answer = post(hook, fixture, body);
        assertThat(answer.statusCode()).as(fixture.file() + " at the ingress: " + answer.body())
                .isEqualTo(facts.ping() ? 200 : 202);
        if (facts.ping()) {
            assertThat(answer.body()).as("Data Center's Test connection, answered at once").contains("pong");
            return new Delivered(fixture, bitbucket, repository, credential, facts, false);
        }
        boolean counted = awaitHandled(fixture.integration(), facts, skippedBefore);
        return new Delivered(fixture, bitbucket, repository, credential, facts, counted);
    }

    static BitbucketSimulator newDataCenter() {
        BitbucketSimulator dataCenter = BitbucketSimulator.start(Flavor.DATA_CENTER, 0, false);
        dataCenters.add(dataCenter);
        return dataCenter;
    }

    /** @return the credential's id: an API token with the scopes reading and hook registration need */
    static String cloudIntegration(String name, RepoRef repository) throws Exception {
        Account owner = SharedSuite.cloud().addAccount("Owner of " + name, name + "@example.com");
        String credential = SharedSuite.cloud().credentials().apiToken(owner, "tok-" + name, CLOUD_SCOPES);
        expect(suite.call("POST", suite.connector("/api/v1/integrations"), """
                {"name": "%s", "flavor": "cloud", "workspace": "%s",
                 "credentials": {"kind": "cloud-api-token", "email": "%s@example.com", "token": "tok-%s"}}"""
                .formatted(name, repository.owner(), name, name)), 201);
        return credential;
    }

    /** @return the credential's id: a bot with REPO_ADMIN on the repository (hook registration) */
    static String dataCenterIntegration(String name, BitbucketSimulator dataCenter, RepoRef repository)
            throws Exception {
        Account bot = dataCenter.addAccount("Bitbridge Bot", "bot@example.com");
        String credential = dataCenter.credentials().dcUser(bot, DC_PASSWORD);
        dataCenter.credentials().grant(bot, DcPermission.REPO_ADMIN, repository.owner(), repository.slug());
        expect(suite.call("POST", suite.connector("/api/v1/integrations"), """
                {"name": "%s", "flavor": "datacenter", "baseUrl": "%s",
                 "credentials": {"kind": "datacenter-basic", "username": "%s", "password": "%s"}}"""
                .formatted(name, dataCenter.baseUrl(), bot.name(), DC_PASSWORD)), 201);
        return credential;
    }

    /** Connects the repository (hook registered), then the analysis settings and the Jenkins target. */
    static void configure(String integration, RepoRef repository) throws Exception {
        String fullName = repository.owner() + "/" + repository.slug();
        HttpResponse<String> connected = expect(suite.call("POST",
                suite.connector("/api/v1/integrations/" + integration + "/repositories"),
                "{\"repository\": \"" + fullName + "\"}"), 200);
        assertThat(connected.body()).contains("\"hookState\":\"registered\"");
        expect(suite.call("PUT", suite.analyzer("/api/v1/integrations/" + integration + "/repositories/" + fullName
                + "/analysis-settings"), """
                        {"projectKeys": %s, "linkTemplate": "https://tasks.example.com/browse/{key}",
                         "defaultJob": "%s",
                         "rules": [{"id": "everything", "events": ["push", "tag-created", "pr-opened", "pr-updated"],
                                    "branches": ["**"], "trigger": "always"}]}"""
                        .formatted(JSON.writeValueAsString(PROJECT_KEYS), integration)),
                200);
        jenkins.createJob(integration, JOB_PARAMETERS);
        expect(suite.call("PUT", suite.trigger("/api/v1/integrations/" + integration + "/jenkins-target"), """
                {"baseUrl": "%s", "username": "bitbridge", "credentialKind": "api-token",
                 "secret": "jenkins-api-token", "defaultJob": "%s"}""".formatted(jenkins.url(), integration)), 200);
    }

    /** @return the one hook the connector registered on the repository for this integration */
    static HookView hookOf(BitbucketSimulator bitbucket, RepoRef repository, String integration) {
        String ingress = "http://localhost:" + suite.port("BITBRIDGE_INGRESS_PORT") + "/webhooks/bitbucket/"
                + integration;
        List<HookView> ours = bitbucket.hooks(repository).stream()
                .filter(h -> h.url().split("\\?")[0].equals(ingress)).toList();
        assertThat(ours).as("hooks of %s on %s", integration, repository).hasSize(1);
        return ours.get(0);
    }

    /** The body byte for byte, with the headers Bitbucket sends (signed when the hook has a secret; pings never). */
    static HttpResponse<String> post(HookView hook, Fixture fixture, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hook.url())).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json")
                .header("X-Event-Key", fixture.eventKey());
        String id = UUID.randomUUID().toString();
        if (fixture.flavor() == Flavor.CLOUD) {
            request.header("User-Agent", "Bitbucket-Webhooks/2.0")
                    .header("X-Hook-UUID", hook.id().replace("{", "").replace("}", ""))
                    .header("X-Request-UUID", id).header("X-Event-Time", EVENT_TIME.format(Instant.now()))
                    .header("X-Attempt-Number", "1");
        } else {
            request.header("X-Request-Id", id);
        }
        if (hook.secret() != null && !fixture.eventKey().equals(FixtureFacts.PING)) {
            request.header("X-Hub-Signature", "sha256=" + hmacSha256(hook.secret(), body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String hmacSha256(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    /**
     * Waits until the connector handled the delivery: its enriched events are out, or it is dead-lettered (asserted
     * against later), or, for an event it skips, its skip counter went up.
     *
     * @return for a skipped event, whether the counter went up
     */
    static boolean awaitHandled(String integration, FixtureFacts facts, double skippedBefore) throws Exception {
        if (facts.skipReason() != null) {
            return await(() -> skipped(facts.skipReason()) > skippedBefore);
        }
        return await(() -> !owned(topics.readCommitted(Topics.REFS_V1), integration).isEmpty()
                || !owned(topics.readCommitted(Topics.PULLREQUESTS_V1), integration).isEmpty()
                || !owned(topics.readCommitted(Topics.WEBHOOKS_DEAD_LETTERS_V1), integration).isEmpty());
    }

    /** Waits (at most {@link #PATIENCE} in all) until Bitbucket shows every expected build SUCCESSFUL. */
    static void awaitEveryExpectedStatus() throws Exception {
        await(() -> DELIVERED.values().stream().allMatch(d -> d.facts().builds().stream()
                .allMatch(b -> statuses(d).stream().anyMatch(s -> s.commit().equals(b.commit())
                        && Objects.equals(s.ref(), ref(d, b)) && s.state().equals("SUCCESSFUL")))));
    }

    // --- Assertions ---

    /** Everything the integration's fixture gave, with exact counts. */
    static void assertOutcome(String integration, int builds) throws Exception {
        Delivered delivered = DELIVERED.get(integration);
        FixtureFacts facts = delivered.facts();
        assertThat(facts.builds()).as("builds the payload calls for").hasSize(builds);
        assertThat(owned(OUTPUTS.get(Topics.WEBHOOKS_V1), integration)).as("raw webhooks (a ping is not stored)")
                .hasSize(facts.ping() ? 0 : 1);
        assertHandled(delivered);
        assertJenkinsBuilds(delivered);
        assertBuildRequests(delivered);
        assertBuildStates(delivered);
        assertThat(links(integration)).extracting(l -> new FixtureFacts.Link(l.key(), l.commit(), l.pullRequestId()))
                .as("task links").containsExactlyInAnyOrderElementsOf(facts.links());
        assertStatuses(delivered);
        for (String topic : List.of(Topics.WEBHOOK_REFUSALS_V1, Topics.WEBHOOKS_DEAD_LETTERS_V1,
                Topics.COMMIT_ANALYZER_DEAD_LETTERS_V1, Topics.BUILD_TRIGGER_DEAD_LETTERS_V1,
                Topics.STATUS_REPORTER_DEAD_LETTERS_V1)) {
            assertThat(owned(OUTPUTS.get(topic), integration)).as("records of %s on %s: %s", integration, topic,
                    describe(owned(OUTPUTS.get(topic), integration))).isEmpty();
        }
    }

    /**
     * A fixture that builds nothing must still have been handled: answered {@code pong} (a ping, at delivery),
     * skipped with its reason and committed past by enrichment, or its pull-request event out with the right action
     * and consumed by the commit analyzer.
     */
    static void assertHandled(Delivered delivered) throws Exception {
        String integration = delivered.fixture().integration();
        FixtureFacts facts = delivered.facts();
        if (facts.ping()) {
            assertThat(owned(OUTPUTS.get(Topics.REFS_V1), integration)).isEmpty();
            assertThat(owned(OUTPUTS.get(Topics.PULLREQUESTS_V1), integration)).isEmpty();
            return;
        }
        if (facts.skipReason() != null) {
            assertThat(delivered.skippedCounted()).as("counted as " + facts.skipReason()).isTrue();
            ConsumerRecord<String, byte[]> raw = owned(OUTPUTS.get(Topics.WEBHOOKS_V1), integration).get(0);
            assertThat(await(() -> consumedPast("bitbucket-connector-enrichment", raw)))
                    .as("enrichment committed past the raw webhook").isTrue();
            assertThat(owned(OUTPUTS.get(Topics.REFS_V1), integration)).isEmpty();
            assertThat(owned(OUTPUTS.get(Topics.PULLREQUESTS_V1), integration)).isEmpty();
            return;
        }
        if (facts.pullRequestAction() != null) {
            List<ConsumerRecord<String, byte[]>> events = owned(OUTPUTS.get(Topics.PULLREQUESTS_V1), integration);
            assertThat(events).as("the enriched pull-request event").singleElement().satisfies(r -> assertThat(
                    read(r.value(), PullRequestEvent.class).action()).isEqualTo(facts.pullRequestAction()));
            assertThat(await(() -> consumedPast("commit-analyzer", events.get(0))))
                    .as("the commit analyzer committed past the pull-request event").isTrue();
        } else {
            assertThat(owned(OUTPUTS.get(Topics.REFS_V1), integration)).as("one ref event per change")
                    .extracting(r -> read(r.value(), RefChangeEvent.class).newHash())
                    .containsAll(facts.builds().stream().map(FixtureFacts.Build::commit).toList());
        }
    }

    static void assertJenkinsBuilds(Delivered delivered) {
        String integration = delivered.fixture().integration();
        List<BuildView> builds = jenkins.builds(integration);
        assertThat(builds).extracting(b -> new FixtureFacts.Build(parameter(b, "COMMIT"), parameter(b, "BRANCH"),
                parameter(b, "TAG"), pullRequest(parameter(b, "PULL_REQUEST")), taskKeys(parameter(b, "TASK_KEYS"))))
                .as("Jenkins builds of job " + integration)
                .containsExactlyInAnyOrderElementsOf(delivered.facts().builds());
        assertThat(builds).allSatisfy(b -> {
            assertThat(b.result()).isEqualTo(BuildResult.SUCCESS);
            assertThat(b.parameters()).containsEntry("REPOSITORY", fullName(delivered.repository()));
        });
    }

    static void assertBuildRequests(Delivered delivered) {
        List<BuildRequest> requests = owned(OUTPUTS.get(Topics.BUILD_REQUESTS_V1), delivered.fixture().integration())
                .stream().map(r -> read(r.value(), BuildRequest.class)).toList();
        assertThat(requests).extracting(r -> new FixtureFacts.Build(r.commit(), r.branch(), r.tag(),
                r.pullRequest() == null ? null : r.pullRequest().id(), r.taskKeys())).as("build requests")
                .containsExactlyInAnyOrderElementsOf(delivered.facts().builds());
        assertThat(requests).extracting(BuildRequest::requestId).doesNotHaveDuplicates();
    }

    static void assertBuildStates(Delivered delivered) {
        Map<String, List<BuildEvent>> byRequest = owned(OUTPUTS.get(Topics.BUILDS_V1),
                delivered.fixture().integration()).stream().map(r -> read(r.value(), BuildEvent.class))
                .collect(Collectors.groupingBy(BuildEvent::requestId, LinkedHashMap::new, Collectors.toList()));
        assertThat(byRequest).as("builds reported").hasSize(delivered.facts().builds().size())
                .allSatisfy((id, states) -> assertThat(states).extracting(BuildEvent::state).containsExactly(
                        BuildState.QUEUED, BuildState.INPROGRESS, BuildState.SUCCESSFUL));
        assertThat(byRequest.values()).extracting(states -> states.get(0).commit()).containsExactlyInAnyOrderElementsOf(
                delivered.facts().builds().stream().map(FixtureFacts.Build::commit).toList());
    }

    /** One SUCCESSFUL status per build on its commit and ref, under the job's key; two posts per build. */
    static void assertStatuses(Delivered delivered) {
        List<FixtureFacts.Build> builds = delivered.facts().builds();
        assertThat(statuses(delivered)).extracting(s -> s.commit() + " " + s.ref() + " " + s.state())
                .as("statuses under key %s", delivered.fixture().integration())
                .containsExactlyInAnyOrderElementsOf(builds.stream()
                        .map(b -> b.commit() + " " + ref(delivered, b) + " SUCCESSFUL").toList());
        long posts = delivered.bitbucket().requests().stream()
                .filter(r -> delivered.credential().equals(r.credentialId()) && !r.method().equals("GET"))
                .filter(r -> r.path().endsWith("/builds") || r.path().contains("/statuses/build")).count();
        assertThat(posts).as("status posts: INPROGRESS (queued and running look the same), then the result")
                .isEqualTo(2L * builds.size());
    }

    // --- Reading ---

    /** @return the statuses on the fixture's repository under its job's key (the integration's name) */
    static List<BuildStatus> statuses(Delivered delivered) {
        return delivered.bitbucket().buildStatuses(delivered.repository()).stream()
                .filter(s -> s.key().equals(delivered.fixture().integration())).toList();
    }

    /** @return the ref a build's status names: Cloud's refname (the branch or tag), Data Center's full ref */
    static String ref(Delivered delivered, FixtureFacts.Build build) {
        if (delivered.fixture().flavor() == Flavor.CLOUD) {
            return build.branch() != null ? build.branch() : build.tag();
        }
        return build.branch() != null ? "refs/heads/" + build.branch() : "refs/tags/" + build.tag();
    }

    static List<TaskLinkEvent> links(String integration) {
        return owned(OUTPUTS.get(Topics.TASK_LINKS_V1), integration).stream()
                .map(r -> read(r.value(), TaskLinkEvent.class)).toList();
    }

    /** @return the records of one integration: keys are {@code <integration>:<repository>} or the integration */
    static List<ConsumerRecord<String, byte[]>> owned(List<ConsumerRecord<String, byte[]>> records,
            String integration) {
        return records.stream().filter(r -> r.key() != null
                && (r.key().equals(integration) || r.key().startsWith(integration + ":"))).toList();
    }

    /** @return whether the consumer group committed an offset past the record */
    static boolean consumedPast(String group, ConsumerRecord<?, ?> record) {
        try {
            OffsetAndMetadata committed = kafka.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).get(new TopicPartition(record.topic(), record.partition()));
            return committed != null && committed.offset() > record.offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the connector's count of events skipped for the reason, from its metrics on the management port */
    static double skipped(String reason) {
        try {
            URI metrics = URI.create("http://localhost:" + suite.port("BITBRIDGE_CONNECTOR_MANAGEMENT_PORT")
                    + "/q/metrics");
            String text = HTTP.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            return text.lines().filter(l -> l.startsWith("bitbridge_connector_enrichment_events_total{"))
                    .filter(l -> l.contains("outcome=\"skipped\"") && l.contains("reason=\"" + reason + "\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String describe(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> r.key() + " " + new String(r.value(), StandardCharsets.UTF_8)
                + " " + r.headers()).collect(Collectors.joining("\n"));
    }

    /** @return a build's parameter, null when not given (a declared parameter's default is empty) */
    static String parameter(BuildView build, String name) {
        String value = build.parameters().get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    static Long pullRequest(String parameter) {
        return parameter == null ? null : Long.valueOf(parameter);
    }

    static List<String> taskKeys(String parameter) {
        return parameter == null ? List.of() : List.of(parameter.split(","));
    }

    static String fullName(RepoRef repository) {
        return repository.owner() + "/" + repository.slug();
    }

    static <T> T read(byte[] value, Class<T> type) {
        try {
            return JSON.readValue(value, type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.uri() + ": "
                + response.body()).isEqualTo(status);
        return response;
    }

    /** @return whether the condition held within {@link #PATIENCE} */
    static boolean await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(250);
        }
        return true;
    }
}
