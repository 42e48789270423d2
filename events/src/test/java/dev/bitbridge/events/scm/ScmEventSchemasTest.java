package dev.bitbridge.events.scm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.events.JsonSchemas;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.scm.ScmSamples.Sample;

import static dev.bitbridge.events.JsonSchemas.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records of {@code bitbridge.refs.v1}, {@code bitbridge.commits.v1} and {@code bitbridge.pullrequests.v1}, written
 * as the connector writes them ({@link ScmSamples}), against the JSON Schemas shipped for them, with a draft 2020-12
 * validator: every sample conforms; a record component the schema does not document, or a property no component
 * backs, fails; and so does a schema that requires what some sample leaves out.
 */
class ScmEventSchemasTest {

    enum Contract {
        REFS(Topics.REFS_V1, RefChangeEvent.class, ScmSamples::refs),
        COMMITS(Topics.COMMITS_V1, CommitEvent.class, ScmSamples::commits),
        PULL_REQUESTS(Topics.PULLREQUESTS_V1, PullRequestEvent.class, ScmSamples::pullRequests);

        final String topic;
        final Class<? extends Record> type;
        private final Supplier<List<Sample>> samples;

        Contract(String topic, Class<? extends Record> type, Supplier<List<Sample>> samples) {
            this.topic = topic;
            this.type = type;
            this.samples = samples;
        }

        JsonNode schema() {
            return JsonSchemas.shipped(topic + ".json");
        }

        List<Sample> samples() {
            return samples.get();
        }

        /** @return the first sample, the one with the most fields set, as JSON */
        ObjectNode first() {
            return JSON.valueToTree(samples().get(0).record());
        }
    }

    static Stream<Arguments> samples() {
        return Arrays.stream(Contract.values()).flatMap(c -> c.samples().stream().map(s -> Arguments.of(c, s)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("samples")
    void aSampleConformsToItsSchemaAndWritesOnlyDocumentedFields(Contract contract, Sample sample) {
        JsonNode json = JSON.valueToTree(sample.record());

        assertThat(JsonSchemas.errors(contract.schema(), json)).isEmpty();
        assertThat(JsonSchemas.errors(JsonSchemas.strict(contract.schema()), json))
                .as("every field written is a documented property").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Contract.class)
    void theRecordComponentsAreExactlyTheSchemaProperties(Contract contract) {
        assertThat(RecordSchemaShape.problems(contract.type, contract.schema())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Contract.class)
    void theSamplesWriteEveryDocumentedPropertyAndLeaveOutEveryOptionalOne(Contract contract) {
        SchemaCoverage coverage = coverage(contract, contract.schema());

        assertThat(coverage.written()).as("written").containsExactlyInAnyOrderElementsOf(coverage.documented());
        assertThat(coverage.omitted()).as("left out").containsExactlyInAnyOrderElementsOf(coverage.optional());
    }

    static Stream<Arguments> optionalProperties() {
        return Arrays.stream(Contract.values())
                .flatMap(c -> new SchemaCoverage(c.schema()).optional().stream().map(p -> Arguments.of(c, p)));
    }

    @ParameterizedTest(name = "{0} requiring {1}")
    @MethodSource("optionalProperties")
    void aSchemaThatRequiresWhatASampleLeavesOutFails(Contract contract, String property) {
        JsonNode schema = contract.schema().deepCopy();
        int dot = property.lastIndexOf('.');
        String owner = property.substring(0, dot);
        assertThat(owner).as("an object with optional properties is the root or a $defs entry").matches("\\$|#/\\$defs/.+");
        JsonNode object = owner.equals("$") ? schema : schema.at(owner.substring(1));
        ((ObjectNode) object).withArrayProperty("required").add(property.substring(dot + 1));

        List<String> errors = new ArrayList<>();
        contract.samples().forEach(s -> errors.addAll(JsonSchemas.errors(schema, JSON.valueToTree(s.record()))));

        assertThat(errors).anySatisfy(e -> assertThat(e).contains("required property '"
                + property.substring(dot + 1) + "' not found"));
    }

    static Stream<Arguments> requiredProperties() {
        return Arrays.stream(Contract.values()).flatMap(c -> {
            List<Arguments> required = new ArrayList<>();
            c.schema().get("required").forEach(r -> required.add(Arguments.of(c, r.asText())));
            return required.stream();
        });
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredProperties")
    void aRecordWithoutARequiredFieldIsRefused(Contract contract, String property) {
        ObjectNode json = contract.first();
        assertThat(json.has(property)).isTrue();
        json.remove(property);

        assertThat(JsonSchemas.errors(contract.schema(), json)).singleElement().asString()
                .contains("required property '" + property + "' not found");
    }

    @Test
    void aComponentTheSchemaDoesNotDocumentIsFound() {
        ObjectNode schema = Contract.REFS.schema().deepCopy();
        ((ObjectNode) schema.get("properties")).remove("tagMessage");
        ((ObjectNode) schema.at("/$defs/account/properties")).remove("email");

        assertThat(RecordSchemaShape.problems(RefChangeEvent.class, schema)).containsExactlyInAnyOrder(
                "$: record RefChangeEvent has [tagMessage] the schema does not document",
                "$.actor: record Account has [email] the schema does not document");
    }

    @Test
    void aPropertyNoComponentBacksIsFound() {
        ObjectNode schema = Contract.COMMITS.schema().deepCopy();
        ((ObjectNode) schema.at("/$defs/fileChange/properties")).putObject("similarity").put("type", "integer")
                .put("description", "How similar the renamed file is.");

        assertThat(RecordSchemaShape.problems(CommitEvent.class, schema)).containsExactly(
                "$.files[]: the schema documents [similarity] that record FileChange does not have");
    }

    @Test
    void aPrimitiveThatIsNotRequiredIsFound() {
        ObjectNode schema = Contract.PULL_REQUESTS.schema().deepCopy();
        ((ObjectNode) schema.at("/$defs/comment")).remove("required");

        assertThat(RecordSchemaShape.problems(PullRequestEvent.class, schema))
                .containsExactly("$.comment.id: a primitive is always written, so it must be required");
    }

    @Test
    void aFieldWrittenButNotDocumentedIsRefused() {
        ObjectNode json = Contract.REFS.first();
        json.put("surprise", true);
        ((ObjectNode) json.get("repository")).put("project", "GAME");

        for (JsonNode schema : List.of(Contract.REFS.schema(), JsonSchemas.strict(Contract.REFS.schema()))) {
            assertThat(JsonSchemas.errors(schema, json)).hasSize(2)
                    .anySatisfy(e -> assertThat(e).contains("surprise"))
                    .anySatisfy(e -> assertThat(e).contains("project"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "OPEN", "MERGED", "DECLINED", "SUPERSEDED" })
    void everyBitbucketPullRequestStateIsAccepted(String state) {
        ObjectNode json = Contract.PULL_REQUESTS.first().put("state", state);

        assertThat(JsonSchemas.errors(Contract.PULL_REQUESTS.schema(), json)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "open", "DRAFT" })
    void aPullRequestStateBitbucketDoesNotHaveIsRefused(String state) {
        ObjectNode json = Contract.PULL_REQUESTS.first().put("state", state);

        assertThat(JsonSchemas.errors(Contract.PULL_REQUESTS.schema(), json)).singleElement().asString()
                .contains("/state", "enumeration");
    }

    @Test
    void aDateWithoutItsOffsetIsRefused() {
        ObjectNode json = Contract.REFS.first();
        ((ObjectNode) json.get("origin")).put("receivedAt", "2026-11-22T10:15:30");

        assertThat(JsonSchemas.errors(Contract.REFS.schema(), json)).singleElement().asString()
                .contains("/origin/receivedAt");
    }

    @ParameterizedTest
    @ValueSource(strings = { "repository", "account", "person", "fileChange", "origin" })
    void aSharedDefinitionIsTheSameInEverySchemaThatHasIt(String definition) {
        List<JsonNode> copies = new ArrayList<>();
        for (Contract contract : Contract.values()) {
            JsonNode copy = contract.schema().path("$defs").path(definition);
            if (!copy.isMissingNode()) {
                copies.add(copy);
            }
        }

        assertThat(copies).isNotEmpty().allSatisfy(copy -> assertThat(copy).isEqualTo(copies.get(0)));
    }

    @Test
    void theDocumentedEnumerationsOfRefsAreTheRecordsConstants() {
        JsonNode schema = Contract.REFS.schema();

        assertThat(texts(schema.at("/properties/refType/enum"))).containsExactly(RefChangeEvent.BRANCH,
                RefChangeEvent.TAG);
        assertThat(texts(schema.at("/properties/change/enum"))).containsExactly(RefChangeEvent.CREATED,
                RefChangeEvent.UPDATED, RefChangeEvent.DELETED);
    }

    private static SchemaCoverage coverage(Contract contract, JsonNode schema) {
        SchemaCoverage coverage = new SchemaCoverage(schema);
        contract.samples().forEach(s -> coverage.add(JSON.valueToTree(s.record())));
        return coverage;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
