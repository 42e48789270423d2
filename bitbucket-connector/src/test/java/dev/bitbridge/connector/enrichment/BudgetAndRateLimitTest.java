package dev.bitbridge.connector.enrichment;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.connector.support.RawWebhooks;
import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.scm.CommitEvent;
import dev.bitbridge.events.scm.RefChangeEvent;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.TopicScanner;
import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.BitbucketCloudResource;
import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
import dev.bitbridge.testkit.bitbucket.Delivery;
import dev.bitbridge.testkit.bitbucket.InjectBitbucket;
import dev.bitbridge.testkit.bitbucket.NewCommit;
import dev.bitbridge.testkit.bitbucket.RepoRef;

import static dev.bitbridge.connector.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bitbucket's limits, as the simulator applies them: a 429 with {@code Retry-After} and 5xx answers mid-push are
 * waited out and the push completes; a budget running low defers file lists, which are completed later — nothing is
 * lost, nothing published twice.
 */
@QuarkusTest
@TestProfile(ShortBudgetWindow.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BitbridgeTopics.class)
@QuarkusTestResource(BitbucketCloudResource.class)
class BudgetAndRateLimitTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    static final RawWebhooks RAW = new RawWebhooks();
    static final TopicScanner TOPICS = TopicScanner.ofSharedKafka();

    @InjectBitbucket
    BitbucketSimulator bitbucket;
    private final Set<String> forwarded = ConcurrentHashMap.newKeySet();

    @AfterAll
    static void close() {
        RAW.close();
    }

    @Test
    void a429AndBitbucketFailuresMidPushAreWaitedOutAndThePushCompletes() throws Exception {
        Account jane = apiTokenIntegration("budget-429", "ws-429");
        RepoRef repo = connected("budget-429", "ws-429", "game");
        bitbucket.push(repo, "main", NewCommit.by(jane, "base"));
        forward(repo);
        await().atMost(Duration.ofSeconds(30)).until(() -> refs("budget-429").size() == 1);

        bitbucket.clearRequests();
        bitbucket.failNext(1, 429, "/2.0/repositories/ws-429/game/commits");
        bitbucket.failNext(2, 503, "/2.0/repositories/ws-429/game/diffstat/**");
        bitbucket.push(repo, "main", commits(jane, "GAME-7: level", 8)); // 8 > 5: the webhook's list is truncated
        forward(repo);

        await().atMost(Duration.ofSeconds(30)).until(() -> refs("budget-429").size() == 2);
        assertThat(refs("budget-429").get(1).newCommits()).hasSize(8);
        List<CommitEvent> commits = commits("budget-429", CommitEvent.TYPE_NEW);
        assertThat(commits).filteredOn(c -> c.message().startsWith("GAME-7")).hasSize(8)
                .allSatisfy(c -> assertThat(c.filesPending()).isFalse());
        assertThat(bitbucket.requestCount("GET", "/2.0/repositories/ws-429/game/commits"))
                .as("one refused with 429, one answered").isEqualTo(2);
        assertThat(bitbucket.requestCount("GET", "/2.0/repositories/ws-429/game/diffstat/**"))
                .as("8 commits, 2 answers were 503").isEqualTo(10);
        assertThat(TOPICS.readCommitted(Topics.WEBHOOKS_DEAD_LETTERS_V1))
                .noneMatch(r -> r.key().startsWith("budget-429:"));
    }

    @Test
    void aLowBudgetDefersFileListsAndCompletesThemLaterOnce() throws Exception {
        bitbucket.createRepository("ws-low", "game");
        bitbucket.credentials().workspaceAccessToken("ws-low", "ATCTT-low-budget", "repository", "pullrequest",
                "webhook");
        asAdmin().body("""
                {"name": "budget-low", "flavor": "cloud", "workspace": "ws-low",
                 "credentials": {"kind": "cloud-access-token", "token": "ATCTT-low-budget"}}""")
                .post("/api/v1/integrations").then().statusCode(201);
        RepoRef repo = new RepoRef("ws-low", "game");
        asAdmin().body("{\"repository\": \"ws-low/game\"}").post("/api/v1/integrations/budget-low/repositories")
                .then().statusCode(200);
        Account bot = bitbucket.addAccount("Low Budget Dev", "low@example.com");

        // Bitbucket announces a limit of 12 an hour (X-RateLimit-Limit, sent to access tokens): 20 % is kept for
        // essential calls, so not every commit of a 10-commit push gets its files at once.
        bitbucket.rateLimit(12);
        bitbucket.push(repo, "main", commits(bot, "GAME-9: sprite", 10));
        forward(repo);
        await().atMost(Duration.ofSeconds(30)).until(() -> refs("budget-low").size() == 1);
        List<CommitEvent> first = commits("budget-low", CommitEvent.TYPE_NEW);
        assertThat(first).hasSize(10);
        Set<String> pending = first.stream().filter(CommitEvent::filesPending).map(CommitEvent::hash)
                .collect(Collectors.toSet());
        assertThat(pending).as("some file lists deferred").isNotEmpty();
        first.stream().filter(c -> !c.filesPending()).forEach(c -> assertThat(c.files()).isNotEmpty());

        bitbucket.rateLimit(0); // the hour has passed, as far as Bitbucket is concerned
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                commits("budget-low", CommitEvent.TYPE_FILES)).extracting(CommitEvent::hash)
                .containsExactlyInAnyOrderElementsOf(pending));
        assertThat(commits("budget-low", CommitEvent.TYPE_FILES))
                .allSatisfy(c -> assertThat(c.files()).isNotEmpty())
                .allSatisfy(c -> assertThat(c.filesPending()).isFalse());
        Thread.sleep(2000); // nothing more arrives: each completion once
        assertThat(commits("budget-low", CommitEvent.TYPE_FILES)).hasSize(pending.size());
    }

    private static NewCommit[] commits(Account who, String message, int count) {
        NewCommit[] commits = new NewCommit[count];
        for (int i = 0; i < count; i++) {
            commits[i] = NewCommit.by(who, message + " " + (i + 1)).adds("assets/a" + i + ".txt", 3);
        }
        return commits;
    }

    private void forward(RepoRef repo) throws InterruptedException {
        bitbucket.awaitDeliveries(Duration.ofSeconds(10));
        for (Delivery d : bitbucket.deliveries()) {
            if (d.attempt() == 1 && d.bodyText().contains("\"" + repo.owner() + "/" + repo.slug() + "\"")
                    && forwarded.add(d.requestId())) {
                String integration = d.url().replaceAll(".*/webhooks/bitbucket/([^?]+).*", "$1");
                RAW.publish(integration, BitbucketFlavor.CLOUD, d.eventKey(), d.requestId(),
                        repo.owner() + "/" + repo.slug(), d.body());
            }
        }
    }

    private static List<RefChangeEvent> refs(String integration) {
        return read(Topics.REFS_V1, integration, null, RefChangeEvent.class);
    }

    private static List<CommitEvent> commits(String integration, String type) {
        return read(Topics.COMMITS_V1, integration, type, CommitEvent.class);
    }

    private static <T> List<T> read(String topic, String integration, String type, Class<T> as) {
        return TOPICS.readCommitted(topic).stream()
                .filter(r -> r.key().startsWith(integration + ":"))
                .filter(r -> type == null || type.equals(TopicScanner.header(r, CloudEvents.HEADER_TYPE)))
                .map((ConsumerRecord<String, byte[]> r) -> {
                    try {
                        return JSON.readValue(r.value(), as);
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }).toList();
    }

    private Account apiTokenIntegration(String name, String workspace) {
        Account account = bitbucket.addAccount("User " + name, name + "@example.com");
        bitbucket.credentials().apiToken(account, "tok-" + name, CloudPushEnrichmentTest.SCOPES);
        asAdmin().body("""
                {"name": "%s", "flavor": "cloud", "workspace": "%s",
                 "credentials": {"kind": "cloud-api-token", "email": "%s@example.com", "token": "tok-%s"}}"""
                .formatted(name, workspace, name, name))
                .post("/api/v1/integrations").then().statusCode(201);
        return account;
    }

    private RepoRef connected(String integration, String workspace, String slug) {
        RepoRef repo = bitbucket.createRepository(workspace, slug);
        asAdmin().body("{\"repository\": \"" + workspace + "/" + slug + "\"}")
                .post("/api/v1/integrations/" + integration + "/repositories").then().statusCode(200);
        return repo;
    }
}
