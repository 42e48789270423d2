package dev.bitbridge.events;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.bitbridge.events.JsonSchemas.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks every record topic's contract gets, for the {@link #contracts()} of a subclass: the samples, written as
 * the producers write them, conform to the shipped JSON Schema with a draft 2020-12 validator; a record component the
 * schema does not document, or a property no component backs, fails; together the samples write every documented
 * property and leave out every optional one, so a schema that requires what some sample leaves out fails; and a
 * record without a required field is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RecordContractTest {

    /** @return the topics this test checks */
    protected abstract List<Contract> contracts();

    Stream<Contract> contractStream() {
        return contracts().stream();
    }

    Stream<Arguments> samples() {
        return contracts().stream().flatMap(c -> c.samples().stream().map(s -> Arguments.of(c, s)));
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
    @MethodSource("contractStream")
    void theRecordComponentsAreExactlyTheSchemaProperties(Contract contract) {
        assertThat(RecordSchemaShape.problems(contract.type(), contract.schema())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("contractStream")
    void theSamplesWriteEveryDocumentedPropertyAndLeaveOutEveryOptionalOne(Contract contract) {
        SchemaCoverage coverage = new SchemaCoverage(contract.schema());
        contract.samples().forEach(s -> coverage.add(JSON.valueToTree(s.record())));

        assertThat(coverage.written()).as("written").containsExactlyInAnyOrderElementsOf(coverage.documented());
        assertThat(coverage.omitted()).as("left out").containsExactlyInAnyOrderElementsOf(coverage.optional());
    }

    Stream<Arguments> optionalProperties() {
        return contracts().stream()
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

    Stream<Arguments> requiredProperties() {
        return contracts().stream().flatMap(c -> {
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
}
