package dev.bitbridge.connector.enrichment;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.connector.integration.IntegrationSecrets;
import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.connector.support.CloudSetup;
import dev.bitbridge.connector.support.Enriched;
import dev.bitbridge.connector.support.RawWebhooks;
import dev.bitbridge.credentials.CredentialStore;
import dev.bitbridge.credentials.SecretFields;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.scm.CommitEvent;
import dev.bitbridge.events.scm.FileChange;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cloud pushes, as the simulator delivers them, in at the raw topic and out as ref and commit events: every ref of a
 * push, every commit new to the repository once, truncated lists completed, files attached, and counted calls.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BitbridgeTopics.class)
@QuarkusTestResource(BitbucketCloudResource.class)
class CloudPushEnrichmentTest {

    static final RawWebhooks RAW = new RawWebhooks();
    static final TopicScanner TOPICS = TopicScanner.ofSharedKafka();

    @InjectBitbucket
    BitbucketSimulator bitbucket;
    @Inject
    CredentialStore credentials;
    CloudSetup cloud;

    @BeforeEach
    void setUp() {
        cloud = new CloudSetup(bitbucket, RAW);
    }

    private Account integration(String name, String workspace) {
        return cloud.integration(name, workspace);
    }

    private RepoRef connectedRepository(String workspace, String slug) {
        return cloud.connected("enrich-" + workspace.substring(3), workspace, slug);
    }

    private List<Delivery> forward(RepoRef repo) throws InterruptedException {
        return cloud.forward(repo);
    }

    @AfterAll
    static void close() {
        RAW.close();
    }

    @Test
    void aPushMovingThreeRefsWithATruncatedListGivesEveryRefAndEveryNewCommitOnce() throws Exception {
        Account jane = integration("enrich-three", "ws-three");
        RepoRef repo = connectedRepository("ws-three", "game");
        bitbucket.push(repo, "main", NewCommit.by(jane, "GAME-1: base").adds("menu.txt", 10));
        forward(repo);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Enriched.refs("enrich-three")).hasSize(1));
        bitbucket.clearRequests();

        Map<String, String> heads = bitbucket.newPush(repo, jane)
                .branch("main", NewCommit.by(jane, "GAME-2: fix the menu").modifies("menu.txt", 3, 1))
                .branch("feature/GAME-12-partïcles", commits(jane, "GAME-12: particle", 7))
                .tag("v1.0", "main")
                .send();
        forward(repo);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Enriched.refs("enrich-three")).hasSize(4));
        List<RefChangeEvent> refs = Enriched.refs("enrich-three");
        assertThat(refs).extracting(RefChangeEvent::ref)
                .containsExactly("main", "main", "feature/GAME-12-partïcles", "v1.0");
        RefChangeEvent feature = refs.get(2);
        assertThat(feature.change()).isEqualTo("created");
        assertThat(feature.newHash()).isEqualTo(heads.get("feature/GAME-12-partïcles"));
        assertThat(feature.newCommits()).as("all 7, though the webhook listed 5").hasSize(7);
        assertThat(refs.get(3).refType()).isEqualTo("tag");
        assertThat(refs.get(3).newCommits()).isEmpty();

        List<CommitEvent> commits = Enriched.commits("enrich-three");
        assertThat(commits).extracting(CommitEvent::message).filteredOn(m -> m.startsWith("GAME-12")).hasSize(7);
        assertThat(commits).extracting(CommitEvent::hash).doesNotHaveDuplicates();
        assertThat(commits).extracting(CommitEvent::message).filteredOn(m -> m.startsWith("GAME-")).hasSize(1 + 1 + 7);
        CommitEvent fix = commits.stream().filter(c -> c.message().startsWith("GAME-2")).findFirst().orElseThrow();
        assertThat(fix.branches()).containsExactly("main");
        assertThat(fix.files()).extracting(FileChange::path).contains("menu.txt");
        assertThat(fix.filesPending()).isFalse();
        assertThat(fix.author().account().displayName()).isEqualTo(jane.displayName());
        assertThat(fix.parents()).hasSize(1);

        // One commits query for the truncated new branch, plus its branch listing; one diffstat per new commit.
        assertThat(bitbucket.requestCount("GET", "/2.0/repositories/ws-three/game/diffstat/**")).isEqualTo(8);
        assertThat(bitbucket.requestCount("GET", "/2.0/repositories/ws-three/game/commit/**")).isZero();
    }

    /**
     * Enrichment uses the integration's access as remembered (ADR 16): when another replica changed the credential and
     * Bitbucket refuses the remembered one, the event is enriched with the credential read again, not dead-lettered.
     */
    @Test
    void aCredentialChangedByAnotherReplicaIsUsedOnceBitbucketRefusesTheRememberedOne() throws Exception {
        Account joe = integration("enrich-rotkeys", "ws-rotkeys");
        RepoRef repo = connectedRepository("ws-rotkeys", "game");
        bitbucket.push(repo, "main", NewCommit.by(joe, "base").adds("menu.txt", 10));
        forward(repo);
        await().atMost(Duration.ofSeconds(30)).until(() -> Enriched.refs("enrich-rotkeys").size() == 1);
        // Another replica's PATCH: the credential store holds the new token, and this replica is not told.
        String path = IntegrationSecrets.bitbucketPath("enrich-rotkeys");
        Map<String, String> fields = new HashMap<>(credentials.get(path).await().indefinitely().orElseThrow()
                .asMap());
        fields.replaceAll((name, value) -> value.equals("tok-enrich-rotkeys") ? "tok-enrich-rotkeys-new" : value);
        credentials.put(path, SecretFields.of(fields)).await().indefinitely();
        String current = bitbucket.credentials().apiToken(joe, "tok-enrich-rotkeys-new", CloudSetup.SCOPES);
        bitbucket.credentials().revoke(cloud.tokenId("enrich-rotkeys"));
        String diffstats = "/2.0/repositories/ws-rotkeys/game/diffstat/**";
        long refusedBefore = bitbucket.requests().stream().filter(r -> r.matches("GET", diffstats)
                && r.status() == 401).count();

        bitbucket.push(repo, "main", NewCommit.by(joe, "GAME-3: fix the menu").modifies("menu.txt", 3, 1));
        forward(repo);

        await().atMost(Duration.ofSeconds(30)).until(() -> Enriched.refs("enrich-rotkeys").size() == 2);
        CommitEvent fix = Enriched.commits("enrich-rotkeys").stream()
                .filter(c -> c.message().startsWith("GAME-3")).findFirst().orElseThrow();
        assertThat(fix.files()).extracting(FileChange::path).containsExactly("menu.txt");
        assertThat(bitbucket.requests().stream().filter(r -> r.matches("GET", diffstats) && r.status() == 401)
                .count()).as("the remembered token was tried first, and refused").isEqualTo(refusedBefore + 1);
        assertThat(bitbucket.requestCount(current)).as("then the new one, read again").isPositive();
        assertThat(TOPICS.readCommitted(Topics.WEBHOOKS_DEAD_LETTERS_V1)).as("nothing dead-lettered")
                .noneMatch(r -> "enrich-rotkeys:ws-rotkeys/game".equals(r.key()));
    }

    @Test
    void aBranchBuiltOnCommitsAnEarlierChangeOfThePushBroughtComesAfterThem() throws Exception {
        Account eve = integration("enrich-order", "ws-order");
        RepoRef repo = connectedRepository("ws-order", "game");
        bitbucket.push(repo, "main", NewCommit.by(eve, "base"));
        forward(repo);
        await().atMost(Duration.ofSeconds(30)).until(() -> Enriched.refs("enrich-order").size() == 1);

        bitbucket.newPush(repo, eve)
                .branch("main", NewCommit.by(eve, "a1"), NewCommit.by(eve, "a2"))
                .branch("y", NewCommit.by(eve, "b1"), NewCommit.by(eve, "b2"))
                .send();
        forward(repo);

        await().atMost(Duration.ofSeconds(30)).until(() -> Enriched.refs("enrich-order").size() == 3);
        List<CommitEvent> commits = Enriched.commits("enrich-order");
        assertThat(commits).extracting(CommitEvent::message).containsExactly("base\n", "a1\n", "a2\n", "b1\n",
                "b2\n");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (CommitEvent commit : commits) {
            commit.parents().stream().filter(p -> commits.stream().anyMatch(c -> c.hash().equals(p)))
                    .forEach(p -> assertThat(seen).as("%s after its parent", commit.message()).contains(p));
            seen.add(commit.hash());
        }
    }

    @Test
    void theSameEventTwiceAndCommitsArrivingOnAnotherBranchAreNotPublishedAgain() throws Exception {
        Account joe = integration("enrich-again", "ws-again");
        RepoRef repo = connectedRepository("ws-again", "game");
        bitbucket.push(repo, "main", NewCommit.by(joe, "GAME-5: start"));
        List<Delivery> first = forward(repo);
        cloud.publish(first.get(first.size() - 1), "ws-again/game"); // the same delivery id again: a redelivery

        bitbucket.newPush(repo, joe).newBranch("release/1.x", "main").send();
        forward(repo);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Enriched.refs("enrich-again")).hasSize(2));
        assertThat(Enriched.commits("enrich-again")).hasSize(1);
        RefChangeEvent release = Enriched.refs("enrich-again").get(1);
        assertThat(release.ref()).isEqualTo("release/1.x");
        assertThat(release.newCommits()).isEmpty();
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndThePartitionKeepsFlowing() throws Exception {
        Account ann = integration("enrich-poison", "ws-poison");
        RepoRef repo = connectedRepository("ws-poison", "game");
        RAW.publishPoison("enrich-poison:ws-poison/game", "not even json".getBytes());
        RAW.publish("enrich-poison", BitbucketFlavor.CLOUD, "repo:push", "poison-2", "ws-poison/game",
                "{\"push\": 12}".getBytes());
        bitbucket.push(repo, "main", NewCommit.by(ann, "after the poison"));
        forward(repo);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Enriched.commits("enrich-poison")).hasSize(1));
        List<ConsumerRecord<String, byte[]>> dead = TOPICS.readCommitted(Topics.WEBHOOKS_DEAD_LETTERS_V1).stream()
                .filter(r -> "enrich-poison:ws-poison/game".equals(r.key())).toList();
        assertThat(dead).hasSize(2);
        assertThat(TopicScanner.header(dead.get(0), "bitbridge-dlq-reason")).isEqualTo("not_a_raw_webhook");
        assertThat(TopicScanner.header(dead.get(1), "bitbridge-dlq-reason")).isEqualTo("unparseable");
        assertThat(TopicScanner.header(dead.get(1), "bitbridge-dlq-integration")).isEqualTo("enrich-poison");
        assertThat(TopicScanner.header(dead.get(1), "bitbridge-dlq-offset")).isNotBlank();
    }

    private static NewCommit[] commits(Account who, String message, int count) {
        NewCommit[] commits = new NewCommit[count];
        for (int i = 0; i < count; i++) {
            commits[i] = NewCommit.by(who, message + " " + (i + 1)).adds("particles/p" + i + ".txt", 2);
        }
        return commits;
    }

}
