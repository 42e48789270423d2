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
