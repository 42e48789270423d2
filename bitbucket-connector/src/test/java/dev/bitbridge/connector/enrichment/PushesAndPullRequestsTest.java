package dev.bitbridge.connector.enrichment;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.connector.support.CloudSetup;
import dev.bitbridge.connector.support.Enriched;
import dev.bitbridge.connector.support.RawWebhooks;
import dev.bitbridge.events.scm.CommitEvent;
import dev.bitbridge.events.scm.PullRequestEvent;
import dev.bitbridge.events.scm.RefChangeEvent;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.TopicScanner;
import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.BitbucketCloudResource;
import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
import dev.bitbridge.testkit.bitbucket.InjectBitbucket;
import dev.bitbridge.testkit.bitbucket.NewCommit;
import dev.bitbridge.testkit.bitbucket.RepoRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pushes and pull requests together, on Cloud: the commits a push published are neither fetched nor published again
 * when a pull request brings them; a fork's commits are new to the destination; forced updates, deletions and a push
 * of 200 commits (paginated) come out whole and in order.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BitbridgeTopics.class)
@QuarkusTestResource(BitbucketCloudResource.class)
class PushesAndPullRequestsTest {

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
    void aPullRequestOfPushedCommitsFetchesAndPublishesThemNoMore() throws Exception {
        Account jane = cloud.integration("pr-same", "ws-prs");
        RepoRef repo = cloud.connected("pr-same", "ws-prs", "game");
        Account rev = bitbucket.addAccount("Rev Iewer", "rev@example.com");
        bitbucket.push(repo, "main", NewCommit.by(jane, "base").adds("game.txt", 5));
        cloud.forward(repo);
        Map<String, String> heads = bitbucket.newPush(repo, jane)
                .branch("feature/GAME-33", NewCommit.by(jane, "GAME-33: one").modifies("game.txt", 1, 1),
                        NewCommit.by(jane, "GAME-33: two").adds("art/new.png", 1))
                .send();
        cloud.forward(repo);
        await().atMost(Duration.ofSeconds(30)).until(() -> Enriched.commits("pr-same").size() == 3);
        bitbucket.clearRequests();

        int id = bitbucket.openPullRequest(repo, "feature/GAME-33", repo, "main", jane, "GAME-33: particles", rev);
        bitbucket.approve(repo, id, rev);
        cloud.forward(repo);

        await().atMost(Duration.ofSeconds(30)).until(() -> Enriched.pullRequests("pr-same").size() == 2);
        PullRequestEvent opened = Enriched.pullRequests("pr-same").get(0);
        assertThat(opened.action()).isEqualTo("opened");
        assertThat(opened.id()).isEqualTo(id);
        assertThat(opened.source().branch()).isEqualTo("feature/GAME-33");
        assertThat(opened.source().commit()).as("the full hash").isEqualTo(heads.get("feature/GAME-33"));
        assertThat(opened.destination().branch()).isEqualTo("main");
        assertThat(opened.commits()).hasSize(2);
        assertThat(opened.files()).extracting(f -> f.path()).containsExactlyInAnyOrder("game.txt", "art/new.png");
        assertThat(opened.filesPending()).isFalse();
        assertThat(opened.reviewers()).extracting(r -> r.account().displayName()).contains("Rev Iewer");
        PullRequestEvent approved = Enriched.pullRequests("pr-same").get(1);
        assertThat(approved.action()).isEqualTo("approved");
        assertThat(approved.actor().displayName()).isEqualTo("Rev Iewer");

        assertThat(Enriched.commits("pr-same")).as("no second 'new commit' record").hasSize(3);
        assertThat(bitbucket.requestCount("GET", "/2.0/repositories/ws-prs/game/diffstat/*"))
                .as("no commit's files fetched again; only the pull request's own diffstat").isLessThanOrEqualTo(1);
        assertThat(bitbucket.requestCount("GET", "/2.0/repositories/ws-prs/game/commit/**")).isZero();
        assertThat(bitbucket.requestCount("GET", "/2.0/repositories/ws-prs/game/pullrequests/*/commits"))
                .isEqualTo(1);
    }

    @Test
    void aCloudUpdateSaysThePreviousHeadBitbucketLeavesOut() throws Exception {
        Account jane = cloud.integration("pr-moved", "ws-moved");
        RepoRef repo = cloud.connected("pr-moved", "ws-moved", "game");
        bitbucket.push(repo, "main", NewCommit.by(jane, "base"));
        Map<String, String> first = bitbucket.newPush(repo, jane)
                .branch("feature/GAME-50", NewCommit.by(jane, "GAME-50: first")).send();
        int id = bitbucket.openPullRequest(repo, "feature/GAME-50", repo, "main", jane, "GAME-50: lasers");
        cloud.forward(repo);
        await().atMost(Duration.ofSeconds(30)).until(() -> Enriched.pullRequests("pr-moved").size() == 1);

        // A push to the source branch: Cloud's pullrequest:updated names the new head only.
        Map<String, String> second = bitbucket.newPush(repo, jane)
                .branch("feature/GAME-50", NewCommit.by(jane, "GAME-50: second").adds("lasers.txt", 2)).send();
        cloud.forward(repo);
        await().atMost(Duration.ofSeconds(30)).until(() -> Enriched.pullRequests("pr-moved").size() == 2);
        // A title edit in the same batch as nothing else: the head did not move.
        bitbucket.updatePullRequest(repo, id, jane, "GAME-50: lasers, faster", "");
        cloud.forward(repo);
        await().atMost(Duration.ofSeconds(30)).until(() -> Enriched.pullRequests("pr-moved").size() == 3);

        List<PullRequestEvent> events = Enriched.pullRequests("pr-moved");
        assertThat(events.get(0).action()).isEqualTo("opened");
        assertThat(events.get(0).previousHead()).isNull();
        PullRequestEvent moved = events.get(1);
        assertThat(moved.action()).isEqualTo("updated");
        assertThat(moved.source().commit()).isEqualTo(second.get("feature/GAME-50"));
        assertThat(moved.previousHead()).as("the head Bitbridge published when the pull request opened")
                .isEqualTo(first.get("feature/GAME-50"));
        assertThat(moved.files()).extracting(f -> f.path()).contains("lasers.txt");
        assertThat(moved.filesPending()).isFalse();
        PullRequestEvent edited = events.get(2);
        assertThat(edited.action()).isEqualTo("updated");
        assertThat(edited.title()).isEqualTo("GAME-50: lasers, faster");
        assertThat(edited.previousHead()).as("the head did not move").isNull();
    }

    @Test
    void aForksCommitsAreNewToTheDestinationRepository() throws Exception {
        Account jane = cloud.integration("pr-fork", "ws-fork");
        RepoRef origin = cloud.connected("pr-fork", "ws-fork", "game");
        bitbucket.push(origin, "main", NewCommit.by(jane, "base"));
        cloud.forward(origin);
        await().atMost(Duration.ofSeconds(30)).until(() -> Enriched.commits("pr-fork").size() == 1);
        RepoRef fork = bitbucket.fork(origin, "ws-fork", "game-fork");
        bitbucket.push(fork, "main", NewCommit.by(jane, "GAME-40: from the fork"));

        bitbucket.openPullRequest(fork, "main", origin, "main", jane, "GAME-40 from a fork");
        cloud.forward(origin);

        await().atMost(Duration.ofSeconds(30)).until(() -> Enriched.pullRequests("pr-fork").size() == 1);
        PullRequestEvent opened = Enriched.pullRequests("pr-fork").get(0);
        assertThat(opened.source().repository().fullName()).isEqualTo("ws-fork/game-fork");
        assertThat(opened.repository().fullName()).isEqualTo("ws-fork/game");
        assertThat(Enriched.commits("pr-fork")).extracting(CommitEvent::message)
                .anyMatch(m -> m.startsWith("GAME-40: from the fork"));
        assertThat(Enriched.commits("pr-fork")).hasSize(2);
    }

    @Test
    void forcedUpdatesDeletionsAndTwoHundredCommitsComeOutWholeAndInOrder() throws Exception {
        Account jane = cloud.integration("push-shapes", "ws-shapes");
        RepoRef repo = cloud.connected("push-shapes", "ws-shapes", "game");
        bitbucket.push(repo, "main", NewCommit.by(jane, "one"), NewCommit.by(jane, "two"));
        bitbucket.newPush(repo, jane).branch("old-feature", NewCommit.by(jane, "doomed")).send();
        bitbucket.newPush(repo, jane).forceBranch("main", "main~1", NewCommit.by(jane, "redo two")).send();
        bitbucket.newPush(repo, jane).deleteBranch("old-feature").send();
        NewCommit[] many = new NewCommit[200];
        for (int i = 0; i < many.length; i++) {
            many[i] = NewCommit.by(jane, "bulk " + i);
        }
        bitbucket.newPush(repo, jane).branch("bulk", many).send();
        cloud.forward(repo);

        await().atMost(Duration.ofSeconds(60)).until(() -> Enriched.refs("push-shapes").size() == 5);
        List<RefChangeEvent> refs = Enriched.refs("push-shapes");
        assertThat(refs).extracting(r -> r.ref() + ":" + r.change()).containsExactly("main:created",
                "old-feature:created", "main:updated", "old-feature:deleted", "bulk:created");
        assertThat(refs.get(2).forced()).isTrue();
        assertThat(refs.get(2).newCommits()).hasSize(1);
        assertThat(refs.get(4).newCommits()).hasSize(200);
        List<CommitEvent> commits = Enriched.commits("push-shapes");
        assertThat(commits).extracting(CommitEvent::hash).doesNotHaveDuplicates();
        assertThat(commits).hasSize(2 + 1 + 1 + 200);
        List<String> bulk = commits.stream().map(CommitEvent::message).filter(m -> m.startsWith("bulk ")).toList();
        assertThat(bulk.get(0)).as("oldest first").startsWith("bulk 0");
        assertThat(bulk.get(199)).startsWith("bulk 199");
    }
}
