package dev.bitbridge.testkit.bitbucket;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Data Center {@code repo:refs_changed} in its classic and newer shapes, and both timestamp styles. */
class DcPushPayloadTest {

    BitbucketSimulator bb;
    Receiver receiver;
    Account ada;
    RepoRef repo;

    @BeforeEach
    void start() {
        bb = BitbucketSimulator.dataCenter();
        receiver = new Receiver();
        ada = bb.addAccount("Ada Admin", "ada@example.com");
        repo = bb.createRepository("PRJ", "app");
        bb.credentials().dcRepositoryToken(repo, "t", DcPermission.REPO_ADMIN);
        Http.send("POST", bb.baseUrl() + "/rest/api/1.0/projects/PRJ/repos/app/webhooks", Http.bearer("t"),
                "{\"name\":\"ci\",\"url\":\"" + receiver.url() + "\",\"events\":[\"repo:refs_changed\",\"pr:opened\"]}",
                null);
    }

    @AfterEach
    void stop() {
        bb.close();
        receiver.close();
    }

    @Test
    void byDefaultCommitsAndToCommitComeWithEpochMillisLikeTheCapture() throws Exception {
        String old = bb.push(repo, "main", NewCommit.by(ada, "one"));
        JsonNode body = send(bb.newPush(repo, ada).branch("main", NewCommit.by(ada, "two")));

        FixtureShape.assertSameShape(body, FixtureShape.fixture("woodpecker/datacenter/HookPush.json"));
        assertThat(body.at("/changes/0/type").asText()).isEqualTo("UPDATE");
        assertThat(body.at("/changes/0/fromHash").asText()).isEqualTo(old);
        assertThat(body.get("commits")).hasSize(1);
        assertThat(body.at("/toCommit/parents/0/id").asText()).isEqualTo(old);
        assertThat(body.at("/toCommit/parents/0/message").asText()).as("parents in full").isEqualTo("one");
        assertThat(body.at("/commits/0/authorTimestamp").isNumber()).isTrue();
    }

    @Test
    void isoTimestampsAreTheOtherDriftStyle() throws Exception {
        bb.dataCenterTimestamps(DcTimestamps.ISO_8601);
        bb.dataCenterEventOffset(ZoneOffset.ofHours(3));
        JsonNode body = send(bb.newPush(repo, ada).branch("feature/BB-1", NewCommit.by(ada, "one"),
                NewCommit.by(ada, "two")));

        FixtureShape.assertSameShape(body, FixtureShape.fixture("jenkins-bbs/server/pushPayload_v10.json"));
        assertThat(body.at("/commits/0/authorTimestamp").asText()).matches(
                "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(body.at("/toCommit/committerTimestamp").isTextual()).isTrue();
        assertThat(body.get("date").asText()).endsWith("+0300");
        assertThat(body.at("/changes/0/type").asText()).isEqualTo("ADD");
        assertThat(body.at("/changes/0/fromHash").asText()).isEqualTo("0".repeat(40));

        bb.push(repo, "main", NewCommit.by(ada, "base"));
        bb.openPullRequest(repo, "feature/BB-1", repo, "main", ada, "PR");
        assertThat(bb.awaitDeliveries(Duration.ofSeconds(10))).isTrue();
        JsonNode opened = Http.JSON.readTree(last().body());
        FixtureShape.assertSameShape(opened, FixtureShape.fixture("go-scm/server/pr_open_iso_dates.json"));
        assertThat(opened.at("/pullRequest/createdDate").asText()).matches(".*T.*[+-]\\d{4}");
    }

    @Test
    void theClassicShapeHasChangesOnly() throws Exception {
        bb.dataCenterPushPayload(DcPushPayload.CLASSIC);
        bb.push(repo, "main", NewCommit.by(ada, "one"));
        JsonNode body = send(bb.newPush(repo, ada).branch("main", NewCommit.by(ada, "two")));

        FixtureShape.assertSameShape(body, FixtureShape.fixture("go-scm/server/push.json"));
        assertThat(body.has("commits")).isFalse();
        assertThat(body.has("toCommit")).isFalse();

        bb.dataCenterPushPayload(DcPushPayload.WITH_COMMITS);
        assertThat(send(bb.newPush(repo, ada).branch("main", NewCommit.by(ada, "three"))).has("commits")).isTrue();
    }

    @Test
    void aNewBranchListsItsHistoryUpToFiveAndRefsOfAllKindsAreReported() throws Exception {
        bb.push(repo, "main", NewCommit.by(ada, "a"), NewCommit.by(ada, "b"), NewCommit.by(ada, "c"),
                NewCommit.by(ada, "d"), NewCommit.by(ada, "e"), NewCommit.by(ada, "f"));
        bb.push(repo, "gone", NewCommit.by(ada, "temp"));
        String head = bb.head(repo, "main");

        JsonNode body = send(bb.newPush(repo, ada).newBranch("release", "main")
                .annotatedTag("v1.0", "main", ada, "Release").deleteBranch("gone"));
        JsonNode changes = body.get("changes");
        assertThat(changes).extracting(c -> c.get("type").asText() + " " + c.at("/ref/type").asText())
                .containsExactly("ADD BRANCH", "ADD TAG", "DELETE BRANCH");
        assertThat(changes.get(0).get("toHash").asText()).isEqualTo(head);
        assertThat(changes.get(1).get("toHash").asText()).as("an annotated tag's toHash is the tag object")
                .isNotEqualTo(head).hasSize(40);
        assertThat(changes.get(1).get("refId").asText()).isEqualTo("refs/tags/v1.0");
        assertThat(changes.get(2).get("toHash").asText()).isEqualTo("0".repeat(40));
        assertThat(body.get("commits")).hasSize(5);
        assertThat(body.at("/commits/0/id").asText()).isEqualTo(head);
        assertThat(body.at("/toCommit/id").asText()).isEqualTo(head);

        // The tag object resolves to its commit through the REST API.
        Http.Answer commits = Http.get(bb.baseUrl() + "/rest/api/1.0/projects/PRJ/repos/app/commits?until="
                + changes.get(1).get("toHash").asText() + "&limit=1", Http.bearer("t"));
        assertThat(commits.json().at("/values/0/id").asText()).isEqualTo(head);
    }

    private JsonNode send(Push push) throws Exception {
        assertThat(bb.awaitDeliveries(Duration.ofSeconds(10))).isTrue();
        int before = bb.deliveries().size();
        push.send();
        assertThat(bb.awaitDeliveries(Duration.ofSeconds(10))).isTrue();
        assertThat(bb.deliveries()).hasSize(before + 1);
        return Http.JSON.readTree(last().body());
    }

    private Delivery last() {
        List<Delivery> all = bb.deliveries();
        return all.get(all.size() - 1);
    }
}
