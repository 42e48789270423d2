package dev.bitbridge.connector.endtoend;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.events.Topics;
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

import static dev.bitbridge.connector.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole of this path with nothing in between faked: the simulator delivers a signed push and a pull
 * request to the real ingress (through the hook the connector registered), the ingress publishes them, and the
 * connector turns them into complete ref, commit and pull-request events, each once.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(IngressResource.class)
@QuarkusTestResource(BitbucketCloudResource.class)
class PushAndPullRequestThroughIngressTest {

    static final String[] SCOPES = { "read:user:bitbucket", "read:repository:bitbucket", "read:pullrequest:bitbucket",
            "read:webhook:bitbucket", "write:webhook:bitbucket", "delete:webhook:bitbucket" };
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    static final TopicScanner TOPICS = TopicScanner.ofSharedKafka();

    @InjectBitbucket
    BitbucketSimulator bitbucket;

    @Test
    void aPushAndAPullRequestComeOutAsCompleteEventsExactlyOnce() {
        Account jane = bitbucket.addAccount("Jane Through", "through@example.com");
        bitbucket.credentials().apiToken(jane, "tok-through", SCOPES);
        asAdmin().body("""
                {"name": "through", "flavor": "cloud", "workspace": "ws-through",
                 "credentials": {"kind": "cloud-api-token", "email": "through@example.com", "token": "tok-through"}}""")
                .post("/api/v1/integrations").then().statusCode(201);
        RepoRef repo = bitbucket.createRepository("ws-through", "game");
        asAdmin().body("{\"repository\": \"ws-through/game\"}")
                .post("/api/v1/integrations/through/repositories").then().statusCode(200);

        bitbucket.push(repo, "main", NewCommit.by(jane, "base").adds("README.md", 3));
        bitbucket.newPush(repo, jane).branch("feature/GAME-123-animations",
                NewCommit.by(jane, "GAME-123: new animations #ci").adds("anim/walk.json", 40)).send();
        int id = bitbucket.openPullRequest(repo, "feature/GAME-123-animations", repo, "main", jane,
                "GAME-123: new animations");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(read(Topics.REFS_V1, RefChangeEvent.class)).hasSize(2);
            assertThat(read(Topics.PULLREQUESTS_V1, PullRequestEvent.class)).hasSize(1);
        });
        List<RefChangeEvent> refs = read(Topics.REFS_V1, RefChangeEvent.class);
        assertThat(refs).extracting(RefChangeEvent::ref).containsExactly("main", "feature/GAME-123-animations");
        List<CommitEvent> commits = read(Topics.COMMITS_V1, CommitEvent.class);
        CommitEvent tagged = commits.stream().filter(c -> c.message().startsWith("GAME-123")).findFirst()
                .orElseThrow();
        assertThat(tagged.branches()).containsExactly("feature/GAME-123-animations");
        assertThat(tagged.files()).extracting(f -> f.path()).containsExactly("anim/walk.json");
        assertThat(tagged.author().account().displayName()).isEqualTo("Jane Through");
        assertThat(tagged.origin().eventKey()).isEqualTo("repo:push");
        PullRequestEvent pr = read(Topics.PULLREQUESTS_V1, PullRequestEvent.class).get(0);
        assertThat(pr.action()).isEqualTo("opened");
        assertThat(pr.id()).isEqualTo(id);
        assertThat(pr.commits()).containsExactly(tagged.hash());
        assertThat(pr.files()).extracting(f -> f.path()).containsExactly("anim/walk.json");
        assertThat(commits).extracting(CommitEvent::hash).doesNotHaveDuplicates();
        assertThat(commits).filteredOn(c -> c.message().startsWith("GAME-123")).hasSize(1);
    }

    private static <T> List<T> read(String topic, Class<T> as) {
        return TOPICS.readCommitted(topic).stream()
                .filter(r -> r.key().startsWith("through:"))
                .map(r -> {
                    try {
                        return JSON.readValue(r.value(), as);
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }).toList();
    }
}
