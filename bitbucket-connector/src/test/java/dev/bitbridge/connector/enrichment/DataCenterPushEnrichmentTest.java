package dev.bitbridge.connector.enrichment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.connector.support.Enriched;
import dev.bitbridge.connector.support.RawWebhooks;
import dev.bitbridge.events.scm.CommitEvent;
import dev.bitbridge.events.scm.FileChange;
import dev.bitbridge.events.scm.RefChangeEvent;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
import dev.bitbridge.testkit.bitbucket.DcPermission;
import dev.bitbridge.testkit.bitbucket.DcPushPayload;
import dev.bitbridge.testkit.bitbucket.DcTimestamps;
import dev.bitbridge.testkit.bitbucket.Delivery;
import dev.bitbridge.testkit.bitbucket.Flavor;
import dev.bitbridge.testkit.bitbucket.NewCommit;
import dev.bitbridge.testkit.bitbucket.RepoRef;

import static dev.bitbridge.connector.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Data Center pushes in both payload styles: classic ({@code changes[]} only, no commits: completed with
 * {@code commits?since=…&until=…}) and Data Center 10's ({@code commits[]} and {@code toCommit}, epoch or ISO dates),
 * every ref and every new commit, once, with files from {@code commits/{id}/changes}.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BitbridgeTopics.class)
class DataCenterPushEnrichmentTest {

    static final RawWebhooks RAW = new RawWebhooks();
    static BitbucketSimulator bitbucket;
    static Account dev;
    private final Set<String> forwarded = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startBitbucket() {
        bitbucket = BitbucketSimulator.start(Flavor.DATA_CENTER, 0, true);
        dev = bitbucket.addAccount("DC Dev", "dc.dev@example.com");
        bitbucket.credentials().dcUser(dev, "dc-password");
        bitbucket.credentials().dcPersonalToken(dev, "BBDC-enrich", DcPermission.PROJECT_ADMIN);
    }

    @AfterAll
    static void stop() {
        bitbucket.close();
        RAW.close();
    }

    @Test
    void aClassicPushWithoutCommitsIsCompletedFromTheApi() throws Exception {
        RepoRef repo = integrationWithRepository("dc-classic", "CLS", "game");
        bitbucket.dataCenterPushPayload(DcPushPayload.CLASSIC);
        try {
            bitbucket.push(repo, "main", NewCommit.by(dev, "GAME-1: base").adds("a.txt", 2));
            forward(repo);
            await().atMost(Duration.ofSeconds(30)).until(() -> Enriched.refs("dc-classic").size() == 1);
            Map<String, String> heads = bitbucket.newPush(repo, dev)
                    .branch("main", NewCommit.by(dev, "GAME-2: more").modifies("a.txt", 1, 1),
                            NewCommit.by(dev, "GAME-3: and more").adds("dir/b.txt", 4))
                    .branch("feature/GAME-4-ünïcode", NewCommit.by(dev, "GAME-4: new branch"))
                    .send();
            forward(repo);

            await().atMost(Duration.ofSeconds(30)).until(() -> Enriched.refs("dc-classic").size() == 3);
        } finally {
            bitbucket.dataCenterPushPayload(DcPushPayload.WITH_COMMITS);
        }
        List<RefChangeEvent> refs = Enriched.refs("dc-classic");
        assertThat(refs.get(1).ref()).isEqualTo("main");
        assertThat(refs.get(1).change()).isEqualTo("updated");
        assertThat(refs.get(1).forced()).isFalse();
        assertThat(refs.get(1).newCommits()).hasSize(2);
        assertThat(refs.get(2).ref()).isEqualTo("feature/GAME-4-ünïcode");
        assertThat(refs.get(2).newCommits()).hasSize(1);
        List<CommitEvent> commits = Enriched.commits("dc-classic");
        assertThat(commits).extracting(CommitEvent::message).containsExactlyInAnyOrder("GAME-1: base",
                "GAME-2: more", "GAME-3: and more", "GAME-4: new branch");
        CommitEvent third = commits.stream().filter(c -> c.message().startsWith("GAME-3")).findFirst().orElseThrow();
        assertThat(third.files()).extracting(FileChange::path).containsExactly("dir/b.txt");
        assertThat(third.committer()).isNotNull();
        assertThat(third.author().account().displayName()).isEqualTo("DC Dev");
    }

    @Test
    void dataCenter10PayloadsWithIsoDatesGiveTheSameEvents() throws Exception {
        RepoRef repo = integrationWithRepository("dc-ten", "TEN", "game");
        bitbucket.dataCenterTimestamps(DcTimestamps.ISO_8601);
        try {
            bitbucket.push(repo, "main", NewCommit.by(dev, "GAME-10: base"));
            bitbucket.push(repo, "main", NewCommit.by(dev, "GAME-11: next").adds("x.txt", 1));
            forward(repo);
            await().atMost(Duration.ofSeconds(30)).until(() -> Enriched.refs("dc-ten").size() == 2);
        } finally {
            bitbucket.dataCenterTimestamps(DcTimestamps.EPOCH_MILLIS);
        }
        assertThat(Enriched.commits("dc-ten")).extracting(CommitEvent::message)
                .containsExactly("GAME-10: base", "GAME-11: next");
        assertThat(Enriched.commits("dc-ten").get(1).authorDate()).isNotNull();
    }

    private RepoRef integrationWithRepository(String name, String project, String slug) throws Exception {
        RepoRef repo = bitbucket.createRepository(project, slug);
        bitbucket.credentials().grant(dev, DcPermission.REPO_ADMIN, project, slug);
        asAdmin().body(new ObjectMapper().writeValueAsString(Map.of("name", name, "flavor", "datacenter", "baseUrl",
                bitbucket.serverUrl(), "verifyTls", false, "credentials", Map.of("kind", "datacenter-access-token", "token",
                        "BBDC-enrich"))))
                .post("/api/v1/integrations").then().statusCode(201);
        asAdmin().body("{\"repository\": \"" + project + "/" + slug + "\"}")
                .post("/api/v1/integrations/" + name + "/repositories").then().statusCode(200);
        return repo;
    }

    private void forward(RepoRef repo) throws InterruptedException {
        bitbucket.awaitDeliveries(Duration.ofSeconds(10));
        for (Delivery d : bitbucket.deliveries()) {
            String integration = d.url().replaceAll(".*/webhooks/bitbucket/([^?]+).*", "$1");
            boolean ours = d.url().contains("/webhooks/bitbucket/") && d.bodyText().contains("\"" + repo.slug() + "\"")
                    && d.bodyText().contains("\"" + repo.owner() + "\"");
            if (d.attempt() == 1 && ours && forwarded.add(d.requestId())) {
                RAW.publish(integration, BitbucketFlavor.DATACENTER, d.eventKey(), d.requestId(),
                        repo.owner() + "/" + repo.slug(), d.body());
            }
        }
    }
}
