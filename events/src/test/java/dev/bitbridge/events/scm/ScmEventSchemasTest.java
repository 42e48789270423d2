package dev.bitbridge.events.scm;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.events.Contract;
import dev.bitbridge.events.JsonSchemas;
import dev.bitbridge.events.RecordContractTest;
import dev.bitbridge.events.RecordSchemaShape;
import dev.bitbridge.events.Topics;

import static dev.bitbridge.events.JsonSchemas.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records of {@code bitbridge.refs.v1}, {@code bitbridge.commits.v1} and {@code bitbridge.pullrequests.v1}, written
 * as the connector writes them ({@link ScmSamples}), against the JSON Schemas shipped for them: the checks of
 * {@link RecordContractTest}, and that those checks find what they are meant to find.
 */
class ScmEventSchemasTest extends RecordContractTest {

    static final Contract REFS = new Contract(Topics.REFS_V1, RefChangeEvent.class, ScmSamples::refs);
    static final Contract COMMITS = new Contract(Topics.COMMITS_V1, CommitEvent.class, ScmSamples::commits);
    static final Contract PULL_REQUESTS = new Contract(Topics.PULLREQUESTS_V1, PullRequestEvent.class,
            ScmSamples::pullRequests);

    @Override
    protected List<Contract> contracts() {
        return List.of(REFS, COMMITS, PULL_REQUESTS);
    }

    @Test
    void aComponentTheSchemaDoesNotDocumentIsFound() {
        ObjectNode schema = REFS.schema().deepCopy();
        ((ObjectNode) schema.get("properties")).remove("tagMessage");
        ((ObjectNode) schema.at("/$defs/account/properties")).remove("email");

        assertThat(RecordSchemaShape.problems(RefChangeEvent.class, schema)).containsExactlyInAnyOrder(
                "$: record RefChangeEvent has [tagMessage] the schema does not document",
                "$.actor: record Account has [email] the schema does not document");
    }

    @Test
    void aPropertyNoComponentBacksIsFound() {
        ObjectNode schema = COMMITS.schema().deepCopy();
        ((ObjectNode) schema.at("/$defs/fileChange/properties")).putObject("similarity").put("type", "integer")
                .put("description", "How similar the renamed file is.");

        assertThat(RecordSchemaShape.problems(CommitEvent.class, schema)).containsExactly(
                "$.files[]: the schema documents [similarity] that record FileChange does not have");
    }

    @Test
    void aPrimitiveThatIsNotRequiredIsFound() {
        ObjectNode schema = PULL_REQUESTS.schema().deepCopy();
        ((ObjectNode) schema.at("/$defs/comment")).remove("required");

        assertThat(RecordSchemaShape.problems(PullRequestEvent.class, schema))
                .containsExactly("$.comment.id: a primitive is always written, so it must be required");
    }

    @Test
    void aFieldWrittenButNotDocumentedIsRefused() {
        ObjectNode json = REFS.first();
        json.put("surprise", true);
        ((ObjectNode) json.get("repository")).put("project", "GAME");

        for (JsonNode schema : List.of(REFS.schema(), JsonSchemas.strict(REFS.schema()))) {
            assertThat(JsonSchemas.errors(schema, json)).hasSize(2)
                    .anySatisfy(e -> assertThat(e).contains("surprise"))
                    .anySatisfy(e -> assertThat(e).contains("project"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "OPEN", "MERGED", "DECLINED", "SUPERSEDED" })
    void everyBitbucketPullRequestStateIsAccepted(String state) {
        ObjectNode json = PULL_REQUESTS.first().put("state", state);

        assertThat(JsonSchemas.errors(PULL_REQUESTS.schema(), json)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "open", "DRAFT" })
    void aPullRequestStateBitbucketDoesNotHaveIsRefused(String state) {
        ObjectNode json = PULL_REQUESTS.first().put("state", state);

        assertThat(JsonSchemas.errors(PULL_REQUESTS.schema(), json)).singleElement().asString()
                .contains("/state", "enumeration");
    }

    @Test
    void aDateWithoutItsOffsetIsRefused() {
        ObjectNode json = REFS.first();
        ((ObjectNode) json.get("origin")).put("receivedAt", "2026-11-22T10:15:30");

        assertThat(JsonSchemas.errors(REFS.schema(), json)).singleElement().asString()
                .contains("/origin/receivedAt");
    }

    @Test
    void aRefCarriesAtMostTheBoundOfCommitMessages() {
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i <= CommitMessage.MAX_COMMITS; i++) {
            hashes.add("%040x".formatted(i));
        }
        ObjectNode json = REFS.first();
        ArrayNode messages = json.putArray("newCommitMessages");
        CommitMessage.of(hashes, hash -> "GAME-1 " + hash).forEach(m -> messages.add(JSON.valueToTree(m)));

        assertThat(messages).hasSize(CommitMessage.MAX_COMMITS);
        assertThat(JsonSchemas.errors(REFS.schema(), json)).isEmpty();

        messages.add(JSON.valueToTree(CommitMessage.of(hashes.get(CommitMessage.MAX_COMMITS), "one too many")));
        assertThat(JsonSchemas.errors(REFS.schema(), json)).singleElement().asString()
                .contains("/newCommitMessages");
    }

    @Test
    void aCommitMessageCutAsTheConnectorCutsItConformsAndALongerOneIsRefused() {
        String emoji = "\uD83D\uDE80"; // one code point, two chars
        CommitMessage cut = CommitMessage.of(ScmSamples.H2, "x".repeat(CommitMessage.MAX_LENGTH - 1) + emoji + "y");
        ObjectNode json = REFS.first();
        json.putArray("newCommitMessages").add(JSON.valueToTree(cut));

        assertThat(cut.truncated()).isTrue();
        assertThat(JsonSchemas.errors(REFS.schema(), json)).isEmpty();

        ((ObjectNode) json.get("newCommitMessages").get(0)).put("message", "x".repeat(CommitMessage.MAX_LENGTH + 1));
        assertThat(JsonSchemas.errors(REFS.schema(), json)).singleElement().asString()
                .contains("/newCommitMessages/0/message");
    }

    @Test
    void theDocumentedEnumerationsOfRefsAreTheRecordsConstants() {
        JsonNode schema = REFS.schema();

        assertThat(texts(schema.at("/properties/refType/enum"))).containsExactly(RefChangeEvent.BRANCH,
                RefChangeEvent.TAG);
        assertThat(texts(schema.at("/properties/change/enum"))).containsExactly(RefChangeEvent.CREATED,
                RefChangeEvent.UPDATED, RefChangeEvent.DELETED);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
