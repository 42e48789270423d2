package dev.bitbridge.connector.enrichment;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.connector.support.RawWebhooks;
import dev.bitbridge.events.CloudEvents;
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

import static dev.bitbridge.connector.support.Api.asAdmin;
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

    static final String[] SCOPES = { "read:user:bitbucket", "read:repository:bitbucket", "read:pullrequest:bitbucket",
            "read:webhook:bitbucket", "write:webhook:bitbucket", "delete:webhook:bitbucket" };
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    static final RawWebhooks RAW = new RawWebhooks();
    static final TopicScanner TOPICS = TopicScanner.ofSharedKafka();

    @InjectBitbucket
    BitbucketSimulator bitbucket;

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
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(refs("enrich-three")).hasSize(1));
        bitbucket.clearRequests();

        Map<String, String> heads = bitbucket.newPush(repo, jane)
                .branch("main", NewCommit.by(jane, "GAME-2: fix the menu").modifies("menu.txt", 3, 1))
                .branch("feature/GAME-12-partïcles", commits(jane, "GAME-12: particle", 7))
                .tag("v1.0", "main")
                .send();
        forward(repo);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(refs("enrich-three")).hasSize(4));
        List<RefChangeEvent> refs = refs("enrich-three");
        assertThat(refs).extracting(RefChangeEvent::ref)
                .containsExactly("main", "main", "feature/GAME-12-partïcles", "v1.0");
        RefChangeEvent feature = refs.get(2);
        assertThat(feature.change()).isEqualTo("created");
        assertThat(feature.newHash()).isEqualTo(heads.get("feature/GAME-12-partïcles"));
        assertThat(feature.newCommits()).as("all 7, though the webhook listed 5").hasSize(7);
        assertThat(refs.get(3).refType()).isEqualTo("tag");
        assertThat(refs.get(3).newCommits()).isEmpty();

        List<CommitEvent> commits = commits("enrich-three");
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

    @Test
    void theSameEventTwiceAndCommitsArrivingOnAnotherBranchAreNotPublishedAgain() throws Exception {
        Account joe = integration("enrich-again", "ws-again");
        RepoRef repo = connectedRepository("ws-again", "game");
        bitbucket.push(repo, "main", NewCommit.by(joe, "GAME-5: start"));
        List<Delivery> first = forward(repo);
        republish(first.get(first.size() - 1)); // the same delivery id again: a redelivery

        bitbucket.newPush(repo, joe).newBranch("release/1.x", "main").send();
        forward(repo);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(refs("enrich-again")).hasSize(2));
        assertThat(commits("enrich-again")).hasSize(1);
        RefChangeEvent release = refs("enrich-again").get(1);
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

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(commits("enrich-poison")).hasSize(1));
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

    /** Publishes what the simulator delivered for this repository (first attempts), as the ingress would. */
    private List<Delivery> forward(RepoRef repo) throws Exception {
        bitbucket.awaitDeliveries(Duration.ofSeconds(10));
        List<Delivery> deliveries = bitbucket.deliveries().stream()
                .filter(d -> d.attempt() == 1 && d.bodyText().contains("\"" + repo.owner() + "/" + repo.slug() + "\""))
                .filter(d -> forwarded.add(d.requestId()))
                .toList();
        deliveries.forEach(this::republish);
        return deliveries;
    }

    private final java.util.Set<String> forwarded = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private void republish(Delivery delivery) {
        String integration = delivery.url().replaceAll(".*/webhooks/bitbucket/([^?]+).*", "$1");
        String repository = delivery.bodyText().replaceAll("(?s).*\"full_name\":\\s*\"([^\"]+)\".*", "$1");
        RAW.publish(integration, BitbucketFlavor.CLOUD, delivery.eventKey(), delivery.requestId(), repository,
                delivery.body());
    }

    private static List<RefChangeEvent> refs(String integration) {
        return read(Topics.REFS_V1, integration, RefChangeEvent.class);
    }

    private static List<CommitEvent> commits(String integration) {
        return read(Topics.COMMITS_V1, integration, CommitEvent.class);
    }

    private static <T> List<T> read(String topic, String integration, Class<T> type) {
        return TOPICS.readCommitted(topic).stream()
                .filter(r -> r.key().startsWith(integration + ":"))
                .filter(r -> TopicScanner.header(r, CloudEvents.HEADER_ID) != null)
                .map(r -> {
                    try {
                        return JSON.readValue(r.value(), type);
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }).toList();
    }

    private Account integration(String name, String workspace) {
        Account account = bitbucket.addAccount("User " + name, name + "@example.com");
        bitbucket.credentials().apiToken(account, "tok-" + name, SCOPES);
        asAdmin().body("""
                {"name": "%s", "flavor": "cloud", "workspace": "%s",
                 "credentials": {"kind": "cloud-api-token", "email": "%s@example.com", "token": "tok-%s"}}"""
                .formatted(name, workspace, name, name))
                .post("/api/v1/integrations").then().statusCode(201);
        return account;
    }

    private RepoRef connectedRepository(String workspace, String slug) {
        RepoRef repo = bitbucket.createRepository(workspace, slug);
        String integration = "enrich-" + workspace.substring(3);
        asAdmin().body("{\"repository\": \"" + workspace + "/" + slug + "\"}")
                .post("/api/v1/integrations/" + integration + "/repositories").then().statusCode(200);
        return repo;
    }
}
