package dev.bitbridge.testkit.bitbucket;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.bitbridge.testkit.bitbucket.CloudCommitsApiTest.hashes;
import static org.assertj.core.api.Assertions.assertThat;

/** Cloud {@code repo:push} bodies: several refs at once, truncation, creation, forced updates, deletion, tags. */
class CloudPushPayloadTest {

    static final String MULTIPLE = "jenkins-bbs/cloud/multipleChangesPayload.json";
    static final String SIGNED = "jenkins-bbs/cloud/signed_payload.json";

    BitbucketSimulator bb;
    Receiver receiver;
    Account jane;
    RepoRef repo;

    @BeforeEach
    void start() {
        bb = BitbucketSimulator.cloud();
        receiver = new Receiver();
        jane = bb.addAccount("Jane Doe", "jane@example.com");
        repo = bb.createRepository("acme", "api");
        bb.credentials().repositoryAccessToken(repo, "t", "webhook", "repository");
        Http.send("POST", bb.baseUrl() + "/repositories/acme/api/hooks", Http.bearer("t"), "{\"url\":\""
                + receiver.url() + "\",\"events\":[\"repo:push\"]}", null);
    }

    @AfterEach
    void stop() {
        bb.close();
        receiver.close();
    }

    @Test
    void onePushOfABranchUpdateABranchCreationAndATagHasTheRealShape() throws Exception {
        bb.push(repo, "main", NewCommit.by(jane, "first"));
        JsonNode body = send(bb.newPush(repo, jane).branch("main", NewCommit.by(jane, "update"))
                .branch("feature", commits(6)).tag("v1", "main"));

        JsonNode multiple = withoutUsernames(FixtureShape.fixture(MULTIPLE));
        JsonNode signed = FixtureShape.fixture(SIGNED);
        JsonNode changes = body.at("/push/changes");
        assertThat(changes).hasSize(3);
        for (int i = 0; i < 3; i++) {
            FixtureShape.assertSameShape(changes.get(i), multiple.at("/push/changes/" + i));
        }
        FixtureShape.assertSameShape(changes.get(1), signed.at("/push/changes/0"));
        FixtureShape.assertSameShape(body.get("actor"), signed.get("actor"));
        FixtureShape.assertSameShape(FixtureShape.without(body.get("repository"), "owner"), FixtureShape.without(
                signed.get("repository"), "owner"));

        assertThat(changes.get(1).get("truncated").asBoolean()).isTrue();
        assertThat(changes.get(1).get("commits")).hasSize(5);
        assertThat(changes.get(1).get("created").asBoolean()).isTrue();
        assertThat(changes.get(2).at("/new/type").asText()).isEqualTo("tag");
        assertThat(changes.get(2).has("commits")).as("as in the captured tag creation").isFalse();
        assertThat(changes.get(0).at("/links/commits/href").asText()).contains("include=").contains("exclude=");
    }

    @Test
    void aChangeListsAtMostFiveCommitsAndSaysWhenThereWereMore() throws Exception {
        JsonNode five = send(bb.newPush(repo, jane).branch("main", commits(5))).at("/push/changes/0");
        assertThat(five.get("commits")).hasSize(5);
        assertThat(five.get("truncated").asBoolean()).isFalse();

        JsonNode six = send(bb.newPush(repo, jane).branch("main", commits(6))).at("/push/changes/0");
        assertThat(six.get("commits")).hasSize(5);
        assertThat(six.get("truncated").asBoolean()).isTrue();
        String head = bb.head(repo, "main");
        assertThat(six.at("/commits/0/hash").asText()).as("newest first").isEqualTo(head);
        assertThat(six.at("/old/target/hash").asText()).isEqualTo(five.at("/new/target/hash").asText());

        // The rest comes from the link Bitbucket puts in the change.
        String link = six.at("/links/commits/href").asText();
        JsonNode all = Http.get(link, Http.bearer("t")).json();
        assertThat(hashes(all)).hasSize(6).startsWith(head);
    }

    @Test
    void aBranchCreatedAtAnExistingCommitHasNoNewCommitButListsItsHistory() throws Exception {
        String head = bb.push(repo, "main", commits(2));
        JsonNode change = send(bb.newPush(repo, jane).newBranch("release/1.x", "main")).at("/push/changes/0");

        assertThat(change.get("created").asBoolean()).isTrue();
        assertThat(change.get("old").isNull()).isTrue();
        assertThat(change.at("/new/target/hash").asText()).isEqualTo(head);
        // Bitbucket does not leave out commits other branches have: the client must dedupe.
        assertThat(change.get("commits")).extracting(c -> c.get("hash").asText()).hasSize(2).startsWith(head);
        assertThat(change.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void forcedUpdatesAndDeletionsAreFlagged() throws Exception {
        String base = bb.push(repo, "main", NewCommit.by(jane, "base"));
        String old = bb.push(repo, "feature", NewCommit.by(jane, "wip 1"), NewCommit.by(jane, "wip 2"));
        bb.push(repo, "gone", NewCommit.by(jane, "temp"));

        JsonNode body = send(bb.newPush(repo, jane).forceBranch("feature", "feature~2", NewCommit.by(jane, "redone"))
                .deleteBranch("gone").branch("main", NewCommit.by(jane, "fast-forward")));
        JsonNode forced = body.at("/push/changes/0");
        assertThat(forced.get("forced").asBoolean()).isTrue();
        assertThat(forced.at("/old/target/hash").asText()).isEqualTo(old);
        assertThat(forced.get("commits")).extracting(c -> c.at("/message").asText()).containsExactly("redone\n");
        assertThat(forced.at("/commits/0/parents/0/hash").asText()).as("feature~2 is main's head").isEqualTo(base);
        JsonNode deleted = body.at("/push/changes/1");
        assertThat(deleted.get("closed").asBoolean()).isTrue();
        assertThat(deleted.get("new").isNull()).isTrue();
        assertThat(deleted.get("commits")).isEmpty();
        assertThat(body.at("/push/changes/2/forced").asBoolean()).isFalse();
        assertThat(bb.head(repo, "gone")).isNull();
    }

    @Test
    void annotatedTagsCarryTaggerAndMessageAndPointAtTheCommit() throws Exception {
        String head = bb.push(repo, "main", NewCommit.by(jane, "release me"));
        JsonNode tag = send(bb.newPush(repo, jane).annotatedTag("v1.0", "main", jane, "Release 1.0"))
                .at("/push/changes/0/new");

        assertThat(tag.get("type").asText()).isEqualTo("tag");
        assertThat(tag.at("/target/hash").asText()).isEqualTo(head);
        assertThat(tag.get("message").asText()).isEqualTo("Release 1.0\n");
        assertThat(tag.at("/tagger/raw").asText()).isEqualTo("Jane Doe <jane@example.com>");
        assertThat(tag.get("date").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
    }

    @Test
    void branchNamesWithSlashesAndNonAsciiLettersArePlainInPayloadsAndEncodedInLinks() throws Exception {
        bb.push(repo, "main", NewCommit.by(jane, "base"));
        JsonNode change = send(bb.newPush(repo, jane).branch("feature/straße", NewCommit.by(jane, "ß")))
                .at("/push/changes/0");

        assertThat(change.at("/new/name").asText()).isEqualTo("feature/straße");
        String link = change.at("/new/links/commits/href").asText();
        assertThat(link).endsWith("/commits/feature/stra%C3%9Fe");
        assertThat(Http.get(link, Http.bearer("t")).status()).isEqualTo(200);
    }

    private JsonNode send(Push push) throws Exception {
        assertThat(bb.awaitDeliveries(Duration.ofSeconds(10))).isTrue();
        int before = bb.deliveries().size();
        push.send();
        assertThat(bb.awaitDeliveries(Duration.ofSeconds(10))).isTrue();
        List<Delivery> deliveries = bb.deliveries();
        assertThat(deliveries).hasSize(before + 1);
        return Http.JSON.readTree(deliveries.get(deliveries.size() - 1).body());
    }

    private NewCommit[] commits(int n) {
        NewCommit[] out = new NewCommit[n];
        for (int i = 0; i < n; i++) {
            out[i] = NewCommit.by(jane, "c" + i);
        }
        return out;
    }

    /** The 2017 capture predates Bitbucket's removal of {@code username} (2019): that field is not expected. */
    private static JsonNode withoutUsernames(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("username");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            strip(it.next().getValue());
        }
        if (node.isArray()) {
            node.forEach(CloudPushPayloadTest::strip);
        }
    }
}
