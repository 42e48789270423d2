package dev.bitbridge.connector.enrichment.payload;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.bitbridge.connector.enrichment.payload.ReadFailure.Problem;
import dev.bitbridge.events.webhook.BitbucketFlavor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bodies that cannot be read fail with the JSON path and the problem, for a dead-letter reason. */
class MalformedBodyTest {

    private final WebhookReader reader = new WebhookReader();

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            // not JSON, or not an object
            "cloud|repo:push|not json|NOT_JSON|$",
            "cloud|repo:push|{\"repository\": |NOT_JSON|$",
            "cloud|repo:push|{} trailing|NOT_JSON|$",
            "cloud|repo:push|''|NOT_JSON|$",
            "datacenter|repo:refs_changed|[]|INVALID|$",
            "datacenter|repo:refs_changed|[{\"changes\": []}]|INVALID|$",
            "cloud|pullrequest:created|null|INVALID|$",
            "cloud|pullrequest:created|42|INVALID|$",
            // Cloud push
            "cloud|repo:push|{\"push\": {\"changes\": []}}|MISSING|$.repository",
            "cloud|repo:push|{\"repository\": {\"name\": \"r\"}, \"push\": {\"changes\": []}}|MISSING|$.repository.full_name",
            "cloud|repo:push|{\"repository\": {\"full_name\": \"\"}, \"push\": {\"changes\": []}}|INVALID|$.repository.full_name",
            "cloud|repo:push|{\"repository\": \"ws/r\", \"push\": {\"changes\": []}}|INVALID|$.repository",
            "cloud|repo:push|{\"repository\": {\"full_name\": \"ws/r\"}}|MISSING|$.push",
            "cloud|repo:push|{\"repository\": {\"full_name\": \"ws/r\"}, \"push\": {}}|MISSING|$.push.changes",
            "cloud|repo:push|{\"repository\": {\"full_name\": \"ws/r\"}, \"push\": {\"changes\": {}}}|INVALID|$.push.changes",
            "cloud|repo:push|{\"repository\": {\"full_name\": \"ws/r\"}, \"push\": {\"changes\": [{\"old\": null, \"new\": null}]}}|MISSING|$.push.changes[0].new",
            "cloud|repo:push|{\"repository\": {\"full_name\": \"ws/r\"}, \"push\": {\"changes\": [{\"new\": {\"type\": \"branch\", \"name\": \"b\", \"target\": {}}}]}}|MISSING|$.push.changes[0].new.target.hash",
            "cloud|repo:push|{\"repository\": {\"full_name\": \"ws/r\"}, \"push\": {\"changes\": [{\"new\": {\"type\": \"named_branch\", \"name\": \"b\", \"target\": {\"hash\": \"h\"}}}]}}|INVALID|$.push.changes[0].new.type",
            "cloud|repo:push|{\"repository\": {\"full_name\": \"ws/r\"}, \"push\": {\"changes\": [{\"new\": {\"type\": \"branch\", \"target\": {\"hash\": \"h\"}}}]}}|MISSING|$.push.changes[0].new.name",
            "cloud|repo:push|{\"repository\": {\"full_name\": \"ws/r\"}, \"push\": {\"changes\": [{\"new\": {\"type\": \"branch\", \"name\": \"b\", \"target\": {\"hash\": \"h\"}}, \"commits\": [{\"hash\": \"h\"}, {\"message\": \"m\"}]}]}}|MISSING|$.push.changes[0].commits[1].hash",
            "cloud|repo:push|{\"repository\": {\"full_name\": \"ws/r\"}, \"push\": {\"changes\": [{\"new\": {\"type\": \"branch\", \"name\": \"b\", \"target\": {\"hash\": \"h\"}}, \"commits\": [{\"hash\": \"h\", \"date\": \"last week\"}]}]}}|INVALID|$.push.changes[0].commits[0].date",
            "cloud|repo:push|{\"repository\": {\"full_name\": \"ws/r\"}, \"push\": {\"changes\": [{\"new\": {\"type\": \"branch\", \"name\": \"b\", \"target\": {\"hash\": \"h\"}}, \"forced\": \"maybe\"}]}}|INVALID|$.push.changes[0].forced",
            // Data Center push
            "datacenter|repo:refs_changed|{\"changes\": []}|MISSING|$.repository",
            "datacenter|repo:refs_changed|{\"repository\": {\"slug\": \"r\"}, \"changes\": []}|MISSING|$.repository.project",
            "datacenter|repo:refs_changed|{\"repository\": {\"slug\": \"r\", \"project\": {}}, \"changes\": []}|MISSING|$.repository.project.key",
            "datacenter|repo:refs_changed|{\"repository\": {\"project\": {\"key\": \"P\"}}, \"changes\": []}|MISSING|$.repository.slug",
            "datacenter|repo:refs_changed|{\"repository\": {\"slug\": \"r\", \"project\": {\"key\": \"P\"}}}|MISSING|$.changes",
            "datacenter|repo:refs_changed|{\"repository\": {\"slug\": \"r\", \"project\": {\"key\": \"P\"}}, \"changes\": [{\"ref\": {\"id\": \"refs/heads/m\"}, \"fromHash\": \"a\", \"type\": \"UPDATE\"}]}|MISSING|$.changes[0].toHash",
            "datacenter|repo:refs_changed|{\"repository\": {\"slug\": \"r\", \"project\": {\"key\": \"P\"}}, \"changes\": [{\"ref\": {\"id\": \"refs/heads/m\"}, \"fromHash\": \"a\", \"toHash\": \"b\", \"type\": \"MERGE\"}]}|INVALID|$.changes[0].type",
            "datacenter|repo:refs_changed|{\"repository\": {\"slug\": \"r\", \"project\": {\"key\": \"P\"}}, \"changes\": [{\"ref\": {\"id\": \"refs/pull-requests/1/from\"}, \"fromHash\": \"a\", \"toHash\": \"b\"}]}|MISSING|$.changes[0].ref.type",
            "datacenter|repo:refs_changed|{\"repository\": {\"slug\": \"r\", \"project\": {\"key\": \"P\"}}, \"changes\": [{\"ref\": {\"type\": \"BRANCH\"}, \"fromHash\": \"a\", \"toHash\": \"b\"}]}|MISSING|$.changes[0].ref.id",
            "datacenter|repo:refs_changed|{\"repository\": {\"slug\": \"r\", \"project\": {\"key\": \"P\"}}, \"changes\": [], \"commits\": [{\"message\": \"m\"}]}|MISSING|$.commits[0].id",
            "datacenter|repo:refs_changed|{\"repository\": {\"slug\": \"r\", \"project\": {\"key\": \"P\"}}, \"changes\": [], \"date\": \"2018-07-05T18:22:00\"}|INVALID|$.date",
            // pull requests
            "cloud|pullrequest:created|{\"repository\": {\"full_name\": \"ws/r\"}}|MISSING|$.pullrequest",
            "cloud|pullrequest:created|{\"pullrequest\": {\"source\": {\"branch\": {\"name\": \"s\"}}, \"destination\": {\"branch\": {\"name\": \"d\"}}}, \"repository\": {\"full_name\": \"ws/r\"}}|MISSING|$.pullrequest.id",
            "cloud|pullrequest:created|{\"pullrequest\": {\"id\": 1, \"source\": {\"branch\": {}}, \"destination\": {\"branch\": {\"name\": \"d\"}}}, \"repository\": {\"full_name\": \"ws/r\"}}|MISSING|$.pullrequest.source.branch.name",
            "cloud|pullrequest:created|{\"pullrequest\": {\"id\": 1, \"source\": {\"branch\": {\"name\": \"s\"}}, \"destination\": {\"branch\": {\"name\": \"d\"}}}}|MISSING|$.pullrequest.destination.repository",
            "cloud|pullrequest:comment_created|{\"pullrequest\": {\"id\": 1, \"source\": {\"branch\": {\"name\": \"s\"}}, \"destination\": {\"branch\": {\"name\": \"d\"}}}, \"repository\": {\"full_name\": \"ws/r\"}}|MISSING|$.comment",
            "cloud|pullrequest:created|{\"pullrequest\": {\"id\": \"one\", \"source\": {\"branch\": {\"name\": \"s\"}}, \"destination\": {\"branch\": {\"name\": \"d\"}}}, \"repository\": {\"full_name\": \"ws/r\"}}|INVALID|$.pullrequest.id",
            "datacenter|pr:opened|{\"date\": \"2018-07-05T19:21:30+0000\"}|MISSING|$.pullRequest",
            "datacenter|pr:opened|{\"pullRequest\": {\"id\": 1, \"fromRef\": {\"id\": \"refs/heads/s\"}}}|MISSING|$.pullRequest.toRef",
            "datacenter|pr:opened|{\"pullRequest\": {\"id\": 1, \"fromRef\": {\"id\": \"refs/heads/s\"}, \"toRef\": {\"id\": \"refs/heads/m\"}}}|MISSING|$.pullRequest.toRef.repository",
            "datacenter|pr:comment:added|{\"pullRequest\": {\"id\": 1, \"fromRef\": {\"id\": \"refs/heads/s\", \"repository\": {\"slug\": \"r\", \"project\": {\"key\": \"P\"}}}, \"toRef\": {\"id\": \"refs/heads/m\", \"repository\": {\"slug\": \"r\", \"project\": {\"key\": \"P\"}}}}}|MISSING|$.comment" })
    void failsNamingThePath(String flavor, String eventKey, String body, Problem problem, String path) {
        assertThatThrownBy(() -> reader.read(BitbucketFlavor.of(flavor), eventKey,
                body.getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(ReadFailure.class, failure -> {
                    assertThat(failure.problem()).isEqualTo(problem);
                    assertThat(failure.path()).isEqualTo(path);
                    assertThat(failure.getMessage()).isEqualTo(path + ": " + failure.detail());
                });
    }

    @Test
    void theMessageQuotesNoBodyContent() {
        assertThatThrownBy(() -> reader.read(BitbucketFlavor.CLOUD, "repo:push",
                "{\"secret\": tok_0123456789}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ReadFailure.class, failure -> {
                    assertThat(failure.getMessage()).startsWith("$: not JSON (line 1, column ")
                            .doesNotContain("tok_0123456789");
                    assertThat(failure.problem().code()).isEqualTo("not_json");
                });
    }

    @Test
    void aNullBodyIsNotJson() {
        assertThatThrownBy(() -> reader.read(BitbucketFlavor.DATACENTER, "repo:refs_changed", null))
                .isInstanceOfSatisfying(ReadFailure.class,
                        failure -> assertThat(failure.problem()).isEqualTo(Problem.NOT_JSON));
    }
}
