package dev.bitbridge.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each released v1 schema is frozen in {@code src/test/resources/schema-baselines}. The schema shipped in
 * {@code src/main/resources/schemas} must stay compatible with it: never edit a baseline to make this test pass; a
 * breaking change needs a new topic version.
 */
class SchemaCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BASELINES = Path.of("src/test/resources/schema-baselines");

    static Stream<String> baselines() throws IOException {
        try (Stream<Path> files = Files.list(BASELINES)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("baselines")
    void shippedSchemaIsCompatibleWithItsBaseline(String file) throws IOException {
        JsonNode baseline = JSON.readTree(BASELINES.resolve(file).toFile());
        JsonNode current = shipped(file);

        assertThat(SchemaCompatibility.violations(baseline, current)).isEmpty();
    }

    @Test
    void everyTopicHasABaseline() throws IOException {
        assertThat(baselines().toList())
                .containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(t -> t.name() + ".json").toList());
    }

    @Test
    void addingAnOptionalFieldIsAllowed() throws IOException {
        ObjectNode current = shipped("bitbridge.integrations.v1.json").deepCopy();
        ((ObjectNode) current.get("properties")).putObject("description").put("type", "string");

        assertThat(SchemaCompatibility.violations(baseline("bitbridge.integrations.v1.json"), current)).isEmpty();
    }

    @Test
    void theRotationGraceBlockIsAnOptionalAdditionToTheReleasedSchema() throws IOException {
        // The released baseline has no 'previous': the parameterised test above is what proves the addition compatible.
        assertThat(baseline("bitbridge.integrations.v1.json").at("/properties/previous").isMissingNode()).isTrue();
        JsonNode current = shipped("bitbridge.integrations.v1.json");

        assertThat(current.at("/properties/previous/properties/validUntil").isMissingNode()).isFalse();
        assertThat(names(current.get("required"))).doesNotContain("previous");
    }

    @Test
    void theNewCommitsMessagesAreAnOptionalAdditionToTheReleasedRefsSchema() throws IOException {
        // The released baseline has no 'newCommitMessages': the parameterised test above proves the addition compatible.
        assertThat(baseline("bitbridge.refs.v1.json").at("/properties/newCommitMessages").isMissingNode()).isTrue();
        assertThat(baseline("bitbridge.refs.v1.json").at("/$defs/commitMessage").isMissingNode()).isTrue();
        JsonNode current = shipped("bitbridge.refs.v1.json");

        assertThat(current.at("/properties/newCommitMessages/items/$ref").asText()).isEqualTo("#/$defs/commitMessage");
        assertThat(names(current.get("required"))).doesNotContain("newCommitMessages");
    }

    @Test
    void removingAFieldIsCaught() throws IOException {
        ObjectNode current = shipped("bitbridge.integrations.v1.json").deepCopy();
        ((ObjectNode) current.get("properties")).remove("updatedAt");

        assertThat(SchemaCompatibility.violations(baseline("bitbridge.integrations.v1.json"), current))
                .containsExactly("$.updatedAt: removed or renamed");
    }

    @Test
    void renamingANestedFieldIsCaught() throws IOException {
        ObjectNode current = shipped("bitbridge.integrations.v1.json").deepCopy();
        ObjectNode secretProps = (ObjectNode) current.at("/properties/webhookSecret/properties");
        secretProps.set("kid", secretProps.remove("keyId"));

        assertThat(SchemaCompatibility.violations(baseline("bitbridge.integrations.v1.json"), current))
                .containsExactly("$.webhookSecret.keyId: removed or renamed");
    }

    @Test
    void makingAnOptionalFieldRequiredIsCaught() throws IOException {
        ObjectNode current = shipped("bitbridge.webhooks.v1.json").deepCopy();
        ((ArrayNode) current.get("required")).add("subject");

        assertThat(SchemaCompatibility.violations(baseline("bitbridge.webhooks.v1.json"), current))
                .containsExactly("$.subject: became required (was optional or absent)");
    }

    @Test
    void changingATypeIsCaught() throws IOException {
        ObjectNode current = shipped("bitbridge.webhooks.v1.json").deepCopy();
        ((ObjectNode) current.at("/properties/bitbucketattempt")).put("type", "string");

        assertThat(SchemaCompatibility.violations(baseline("bitbridge.webhooks.v1.json"), current))
                .containsExactly("$.bitbucketattempt: type changed from \"integer\" to \"string\"");
    }

    @Test
    void renamingAFieldOfASharedDefinitionIsCaught() throws IOException {
        ObjectNode current = shipped("bitbridge.refs.v1.json").deepCopy();
        ObjectNode accountProps = (ObjectNode) current.at("/$defs/account/properties");
        accountProps.set("display_name", accountProps.remove("displayName"));

        assertThat(SchemaCompatibility.violations(baseline("bitbridge.refs.v1.json"), current))
                .containsExactly("$.$defs.account.displayName: removed or renamed");
    }

    @Test
    void makingAFieldOfADefinitionUsedByArrayItemsRequiredIsCaughtOnce() throws IOException {
        ObjectNode current = shipped("bitbridge.commits.v1.json").deepCopy();
        ((ArrayNode) current.at("/$defs/fileChange/required")).add("oldPath");

        assertThat(SchemaCompatibility.violations(baseline("bitbridge.commits.v1.json"), current))
                .containsExactly("$.$defs.fileChange.oldPath: became required (was optional or absent)");
    }

    @Test
    void removingASharedDefinitionIsCaught() throws IOException {
        ObjectNode current = shipped("bitbridge.pullrequests.v1.json").deepCopy();
        ((ObjectNode) current.get("$defs")).remove("comment");
        ((ObjectNode) current.at("/properties/comment")).put("type", "object").remove("$ref");

        assertThat(SchemaCompatibility.violations(baseline("bitbridge.pullrequests.v1.json"), current))
                .containsExactly("$.comment.id: removed or renamed", "$.comment.text: removed or renamed",
                        "$.$defs.comment: removed or renamed");
    }

    @Test
    void changingTheTypeOfArrayItemsIsCaught() throws IOException {
        ObjectNode current = shipped("bitbridge.commits.v1.json").deepCopy();
        ((ObjectNode) current.at("/properties/branches/items")).put("type", "object");

        assertThat(SchemaCompatibility.violations(baseline("bitbridge.commits.v1.json"), current))
                .containsExactly("$.branches[]: type changed from \"string\" to \"object\"");
    }

    @Test
    void removingAFieldOfInlinedArrayItemsIsCaught() throws IOException {
        ObjectNode current = shipped("bitbridge.commits.v1.json").deepCopy();
        ObjectNode inlined = current.at("/$defs/fileChange").deepCopy();
        ((ObjectNode) inlined.get("properties")).remove("oldPath");
        ((ObjectNode) current.at("/properties/files")).set("items", inlined);

        assertThat(SchemaCompatibility.violations(baseline("bitbridge.commits.v1.json"), current))
                .containsExactly("$.files[].oldPath: removed or renamed");
    }

    @Test
    void removingArrayItemsIsCaught() throws IOException {
        ObjectNode current = shipped("bitbridge.refs.v1.json").deepCopy();
        ((ObjectNode) current.at("/properties/newCommits")).remove("items");

        assertThat(SchemaCompatibility.violations(baseline("bitbridge.refs.v1.json"), current))
                .containsExactly("$.newCommits[]: items removed");
    }

    @Test
    void pointingAFieldAtAnotherDefinitionIsCaught() throws IOException {
        ObjectNode current = shipped("bitbridge.commits.v1.json").deepCopy();
        ((ObjectNode) current.at("/properties/author")).put("$ref", "#/$defs/account");

        assertThat(SchemaCompatibility.violations(baseline("bitbridge.commits.v1.json"), current))
                .containsExactly("$.author.raw: removed or renamed", "$.author.account: removed or renamed");
    }

    @Test
    void inliningADefinitionUnchangedOrAddingAnOptionalFieldToOneIsAllowed() throws IOException {
        ObjectNode current = shipped("bitbridge.pullrequests.v1.json").deepCopy();
        ((ObjectNode) current.get("properties")).set("repository", current.at("/$defs/repository").deepCopy());
        ((ObjectNode) current.at("/$defs/endpoint/properties")).putObject("displayId").put("type", "string");

        assertThat(SchemaCompatibility.violations(baseline("bitbridge.pullrequests.v1.json"), current)).isEmpty();
    }

    @Test
    void aReferenceThatDoesNotResolveIsAnError() throws IOException {
        ObjectNode current = shipped("bitbridge.refs.v1.json").deepCopy();
        ((ObjectNode) current.at("/properties/actor")).put("$ref", "#/$defs/user");

        assertThatThrownBy(() -> SchemaCompatibility.violations(baseline("bitbridge.refs.v1.json"), current))
                .hasMessageContaining("$.actor: cannot resolve $ref #/$defs/user");
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static JsonNode baseline(String file) throws IOException {
        return JSON.readTree(BASELINES.resolve(file).toFile());
    }

    private static JsonNode shipped(String file) throws IOException {
        try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream("/schemas/" + file)) {
            assertThat(in).as("schemas/%s is shipped in the events jar", file).isNotNull();
            return JSON.readTree(in);
        }
    }
}
