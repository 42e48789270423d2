package dev.bitbridge.testkit.bitbucket;

import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares the field names of delivered push payloads with real captured ones in {@code ../shared/fixtures}. Skipped,
 * with the reason, where that folder is absent.
 */
class PushPayloadFixtureTest {

    @Test
    void cloudPushHasTheFieldsOfTheRealCaptures() throws Exception {
        JsonNode real = fixture("jenkins-bbs/cloud/multipleChangesPayload.json");
        try (BitbucketSimulator bb = BitbucketSimulator.cloud(); Receiver receiver = new Receiver()) {
            Account jane = bb.addAccount("Jane", "jane@example.com");
            RepoRef repo = bb.createRepository("acme", "api");
            bb.push(repo, "main", NewCommit.by(jane, "first"));
            bb.credentials().repositoryAccessToken(repo, "t", "webhook", "repository");
            Http.send("POST", bb.baseUrl() + "/repositories/acme/api/hooks", Http.bearer("t"), "{\"url\":\""
                    + receiver.url() + "\",\"events\":[\"repo:push\"]}", null);
            NewCommit[] six = new NewCommit[6];
            for (int i = 0; i < six.length; i++) {
                six[i] = NewCommit.by(jane, "c" + i);
            }
            bb.newPush(repo, jane).branch("main", NewCommit.by(jane, "update")).branch("feature", six)
                    .tag("v1", "main").send();
            bb.awaitDeliveries(Duration.ofSeconds(10));

            JsonNode sent = Http.JSON.readTree(bb.deliveries().get(0).body());
            assertThat(names(sent)).containsAll(names(real));
            JsonNode changes = sent.at("/push/changes");
            for (int i = 0; i < 3; i++) {
                assertThat(names(changes.get(i))).as("change %d", i).containsAll(names(real.at("/push/changes/"
                        + i)));
            }
            assertThat(changes.get(1).get("truncated").asBoolean()).isTrue();
            assertThat(changes.get(1).get("commits")).hasSize(5);
            assertThat(changes.get(1).get("old").isNull()).isTrue();
            assertThat(changes.get(2).at("/new/type").asText()).isEqualTo("tag");
            assertThat(names(changes.get(0).get("commits").get(0)))
                    .containsAll(names(real.at("/push/changes/0/commits/0")));
        }
    }

    @Test
    void dataCenterRefsChangedHasTheFieldsOfTheRealCapture() throws Exception {
        JsonNode real = fixture("woodpecker/datacenter/HookPush.json");
        try (BitbucketSimulator bb = BitbucketSimulator.dataCenter(); Receiver receiver = new Receiver()) {
            Account ada = bb.addAccount("Ada", "ada@example.com");
            RepoRef repo = bb.createRepository("PRJ", "app");
            bb.credentials().dcRepositoryToken(repo, "t", DcPermission.REPO_ADMIN);
            bb.push(repo, "main", NewCommit.by(ada, "first"));
            Http.send("POST", bb.baseUrl() + "/rest/api/1.0/projects/PRJ/repos/app/webhooks", Http.bearer("t"),
                    "{\"name\":\"ci\",\"url\":\"" + receiver.url() + "\",\"events\":[\"repo:refs_changed\"]}", null);
            bb.push(repo, "main", NewCommit.by(ada, "second"));
            bb.awaitDeliveries(Duration.ofSeconds(10));

            JsonNode sent = Http.JSON.readTree(bb.deliveries().get(0).body());
            assertThat(names(sent)).containsAll(names(real));
            assertThat(names(sent.at("/changes/0"))).containsAll(names(real.at("/changes/0")));
            assertThat(names(sent.at("/repository"))).containsAll(names(real.at("/repository")));
            assertThat(names(sent.at("/commits/0"))).containsAll(names(real.at("/commits/0")));
            assertThat(sent.get("date").asText()).matches(".*[+-]\\d{4}");
        }
    }

    private static JsonNode fixture(String name) {
        return FixtureShape.fixture(name);
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
