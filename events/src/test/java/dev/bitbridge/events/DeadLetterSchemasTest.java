package dev.bitbridge.events;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.bitbridge.events.JsonSchemas.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dead-letter topics' schemas describe the headers of {@link DeadLetters}, all of them and no others, and the
 * headers a service writes conform: the original record's {@code ce_*} headers are kept beside them.
 */
class DeadLetterSchemasTest {

    static Stream<String> deadLetterTopics() {
        return Stream.of(Topics.WEBHOOKS_DEAD_LETTERS_V1, Topics.COMMIT_ANALYZER_DEAD_LETTERS_V1,
                Topics.BUILD_TRIGGER_DEAD_LETTERS_V1);
    }

    @ParameterizedTest
    @MethodSource("deadLetterTopics")
    void theSchemaDocumentsEveryDeadLetterHeaderAndTheValue(String topic) throws IllegalAccessException {
        JsonNode schema = JsonSchemas.shipped(topic + ".json");
        List<String> documented = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(documented::add);

        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                Stream.concat(headers().stream(), Stream.of("value")).toList());
        schema.get("properties").forEach(p -> assertThat(p.path("description").asText()).isNotBlank());
        assertThat(schema.has("additionalProperties")).as("the original ce_* headers are kept beside them").isFalse();
    }

    @Test
    void theNewDeadLetterTopicsRequireWhatTheConnectorsDoes() {
        JsonNode webhooks = JsonSchemas.shipped(Topics.WEBHOOKS_DEAD_LETTERS_V1 + ".json");

        for (String topic : List.of(Topics.COMMIT_ANALYZER_DEAD_LETTERS_V1, Topics.BUILD_TRIGGER_DEAD_LETTERS_V1)) {
            assertThat(JsonSchemas.shipped(topic + ".json").get("required")).isEqualTo(webhooks.get("required"));
        }
    }

    @Test
    void aBuildRequestDeadLetterAsBuildTriggerWritesItConforms() {
        JsonNode schema = JsonSchemas.shipped(Topics.BUILD_TRIGGER_DEAD_LETTERS_V1 + ".json");
        ObjectNode headers = deadLetter("build-trigger", "unparseable", Topics.BUILD_REQUESTS_V1);

        assertThat(JsonSchemas.errors(schema, headers)).isEmpty();
        assertThat(JsonSchemas.errors(schema, headers.deepCopy().put(DeadLetters.HEADER_SERVICE, "commit-analyzer")))
                .singleElement().asString().contains(DeadLetters.HEADER_SERVICE);
        assertThat(JsonSchemas.errors(schema, headers.deepCopy().put(DeadLetters.HEADER_REASON, "Unparseable JSON")))
                .singleElement().asString().contains(DeadLetters.HEADER_REASON);
    }

    @Test
    void aCommitAnalyzerDeadLetterWithoutAnIntegrationConformsAndOneWithoutItsOffsetDoesNot() {
        JsonNode schema = JsonSchemas.shipped(Topics.COMMIT_ANALYZER_DEAD_LETTERS_V1 + ".json");
        ObjectNode headers = deadLetter("commit-analyzer", "internal_error", Topics.COMMITS_V1);
        headers.remove(DeadLetters.HEADER_INTEGRATION);

        assertThat(JsonSchemas.errors(schema, headers)).isEmpty();
        headers.remove(DeadLetters.HEADER_OFFSET);
        assertThat(JsonSchemas.errors(schema, headers)).singleElement().asString()
                .contains(DeadLetters.HEADER_OFFSET);
    }

    private static ObjectNode deadLetter(String service, String reason, String topic) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", "3b0f6c2e-8d4a-4f1b-9c7e-2a5d8e1f4b6c");
        headers.put("ce_source", "/integrations/acme-cloud");
        headers.put(DeadLetters.HEADER_REASON, reason);
        headers.put(DeadLetters.HEADER_DETAIL, "The value is not a JSON object: fix the producer, then publish it again");
        headers.put(DeadLetters.HEADER_TOPIC, topic);
        headers.put(DeadLetters.HEADER_PARTITION, "3");
        headers.put(DeadLetters.HEADER_OFFSET, "1042");
        headers.put(DeadLetters.HEADER_INTEGRATION, "acme-cloud");
        headers.put(DeadLetters.HEADER_SERVICE, service);
        return JSON.valueToTree(headers);
    }

    private static List<String> headers() throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Field field : Arrays.stream(DeadLetters.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getName().startsWith("HEADER_")).toList()) {
            names.add((String) field.get(null));
        }
        return names;
    }
}
