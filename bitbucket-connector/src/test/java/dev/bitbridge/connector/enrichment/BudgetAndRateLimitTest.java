package dev.bitbridge.connector.enrichment;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.connector.support.CloudSetup;
import dev.bitbridge.connector.support.Enriched;
import dev.bitbridge.connector.support.RawWebhooks;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.scm.CommitEvent;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.TopicScanner;
import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.BitbucketCloudResource;
import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
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

    static final RawWebhooks RAW = new RawWebhooks();
    static final TopicScanner TOPICS = TopicScanner.ofSharedKafka();

    @InjectBitbucket
    BitbucketSimulator bitbucket;
    CloudSetup cloud;

    @BeforeEach
    void setUp() {
        cloud = new CloudSetup(bitbucket, RAW);
    }

    @AfterAll
    static void close() {
        RAW.close();
    }

    @Test
    void a429AndBitbucketFailuresMidPushAreWaitedOutAndThePushCompletes() throws Exception {
        Account jane = cloud.integration("budget-429", "ws-429");
        RepoRef repo = cloud.connected("budget-429", "ws-429", "game");
        bitbucket.push(repo, "main", NewCommit.by(jane, "base"));
        cloud.forward(repo);
        await().atMost(Duration.ofSeconds(30)).until(() -> Enriched.refs("budget-429").size() == 1);

        bitbucket.clearRequests();
        bitbucket.failNext(1, 429, "/2.0/repositories/ws-429/game/commits");
        bitbucket.failNext(2, 503, "/2.0/repositories/ws-429/game/diffstat/**");
        bitbucket.push(repo, "main", commits(jane, "GAME-7: level", 8)); // 8 > 5: the webhook's list is truncated
        cloud.forward(repo);

        await().atMost(Duration.ofSeconds(30)).until(() -> Enriched.refs("budget-429").size() == 2);
        assertThat(Enriched.refs("budget-429").get(1).newCommits()).hasSize(8);
        List<CommitEvent> commits = Enriched.commits("budget-429", CommitEvent.TYPE_NEW);
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
        cloud.forward(repo);
        await().atMost(Duration.ofSeconds(30)).until(() -> Enriched.refs("budget-low").size() == 1);
        List<CommitEvent> first = Enriched.commits("budget-low", CommitEvent.TYPE_NEW);
        assertThat(first).hasSize(10);
        Set<String> pending = first.stream().filter(CommitEvent::filesPending).map(CommitEvent::hash)
                .collect(Collectors.toSet());
        assertThat(pending).as("some file lists deferred").isNotEmpty();
        first.stream().filter(c -> !c.filesPending()).forEach(c -> assertThat(c.files()).isNotEmpty());

        bitbucket.rateLimit(0); // the hour has passed, as far as Bitbucket is concerned
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                Enriched.commits("budget-low", CommitEvent.TYPE_FILES)).extracting(CommitEvent::hash)
                .containsExactlyInAnyOrderElementsOf(pending));
        assertThat(Enriched.commits("budget-low", CommitEvent.TYPE_FILES))
                .allSatisfy(c -> assertThat(c.files()).isNotEmpty())
                .allSatisfy(c -> assertThat(c.filesPending()).isFalse());
        Thread.sleep(2000); // nothing more arrives: each completion once
        assertThat(Enriched.commits("budget-low", CommitEvent.TYPE_FILES)).hasSize(pending.size());
    }

    @Test
    void aForksDeferredFileListsAreCompletedInTheFork() throws Exception {
        bitbucket.createRepository("ws-forklow", "game");
        bitbucket.credentials().workspaceAccessToken("ws-forklow", "ATCTT-fork-low", "repository", "pullrequest",
                "webhook");
        asAdmin().body("""
                {"name": "budget-fork", "flavor": "cloud", "workspace": "ws-forklow",
                 "credentials": {"kind": "cloud-access-token", "token": "ATCTT-fork-low"}}""")
                .post("/api/v1/integrations").then().statusCode(201);
        RepoRef origin = new RepoRef("ws-forklow", "game");
        asAdmin().body("{\"repository\": \"ws-forklow/game\"}")
                .post("/api/v1/integrations/budget-fork/repositories").then().statusCode(200);
        Account dev = bitbucket.addAccount("Fork Dev", "fork@example.com");
        bitbucket.push(origin, "main", NewCommit.by(dev, "base"));
        cloud.forward(origin);
        await().atMost(Duration.ofSeconds(30)).until(() -> Enriched.commits("budget-fork").size() == 1);
        RepoRef fork = bitbucket.fork(origin, "ws-forklow", "game-fork");
        bitbucket.push(fork, "main", commits(dev, "GAME-12: fork work", 10));
        Thread.sleep(3500); // the budget window (3 s in this profile) forgets the calls so far

        bitbucket.rateLimit(12);
        bitbucket.openPullRequest(fork, "main", origin, "main", dev, "GAME-12 from a fork");
        cloud.forward(origin);
        await().atMost(Duration.ofSeconds(30)).until(() -> Enriched.pullRequests("budget-fork").size() == 1);
        List<CommitEvent> forkCommits = Enriched.commits("budget-fork", CommitEvent.TYPE_NEW).stream()
                .filter(c -> c.message().startsWith("GAME-12")).toList();
        assertThat(forkCommits).hasSize(10);
        Set<String> pending = forkCommits.stream().filter(CommitEvent::filesPending).map(CommitEvent::hash)
                .collect(Collectors.toSet());
        assertThat(pending).as("some of the fork's file lists deferred").isNotEmpty();

        bitbucket.rateLimit(0);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                Enriched.commits("budget-fork", CommitEvent.TYPE_FILES)).extracting(CommitEvent::hash)
                .as("completed by reading the fork, where the commits are").containsExactlyInAnyOrderElementsOf(pending));
        assertThat(Enriched.commits("budget-fork", CommitEvent.TYPE_FILES))
                .allSatisfy(c -> assertThat(c.files()).isNotEmpty())
                .allSatisfy(c -> assertThat(c.repository().fullName()).isEqualTo("ws-forklow/game"));
    }

    private static NewCommit[] commits(Account who, String message, int count) {
        NewCommit[] commits = new NewCommit[count];
        for (int i = 0; i < count; i++) {
            commits[i] = NewCommit.by(who, message + " " + (i + 1)).adds("assets/a" + i + ".txt", 3);
        }
        return commits;
    }
}
