package dev.bitbridge.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every topic's schema, as shipped: a draft 2020-12 schema (checked against the meta-schema) named by its topic, and
 * a shape shared between schemas ({@code $defs} of one name: repository, account, origin, …) is the same in all of
 * them, so that a consumer reading several topics reads one repository.
 */
class ShippedSchemasTest {

    static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    static Stream<String> topics() {
        return Topics.ALL.stream().map(TopicSpec::name);
    }

    @ParameterizedTest
    @MethodSource("topics")
    void aTopicsSchemaIsADraft202012SchemaNamedByItsTopic(String topic) {
        JsonNode schema = JsonSchemas.shipped(topic + ".json");

        assertThat(schema.path("$schema").asText()).isEqualTo(DRAFT_2020_12);
        assertThat(schema.path("$id").asText()).isEqualTo("https://bitbridge.dev/schemas/" + topic + ".json");
        assertThat(schema.path("title").asText()).endsWith("(" + topic + ")");
        assertThat(schema.path("description").asText()).isNotBlank();
        assertThat(metaSchema().validate(schema)).as("errors against the draft 2020-12 meta-schema").isEmpty();
    }

    @Test
    void theMetaSchemaFindsAKeywordWithAValueOfTheWrongType() {
        JsonNode schema = JsonSchemas.shipped(Topics.BUILDS_V1 + ".json").deepCopy();
        ((ObjectNode) schema.at("/properties/statusKey")).put("maxLength", "40");

        assertThat(metaSchema().validate(schema)).isNotEmpty();
    }

    static Stream<String> sharedDefinitions() {
        Set<String> names = new TreeSet<>();
        topics().forEach(t -> JsonSchemas.shipped(t + ".json").path("$defs").fieldNames().forEachRemaining(names::add));
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("sharedDefinitions")
    void aSharedDefinitionIsTheSameInEverySchemaThatHasIt(String definition) {
        List<JsonNode> copies = new ArrayList<>();
        topics().forEach(topic -> {
            JsonNode copy = JsonSchemas.shipped(topic + ".json").path("$defs").path(definition);
            if (!copy.isMissingNode()) {
                copies.add(copy);
            }
        });

        assertThat(copies).isNotEmpty().allSatisfy(copy -> assertThat(copy).isEqualTo(copies.get(0)));
    }

    @Test
    void theShapesOfTheScmEventsAreSharedWithTheTopicsBuiltOnThem() {
        List<String> withRepository = topics()
                .filter(t -> JsonSchemas.shipped(t + ".json").at("/$defs/repository").isObject()).toList();

        assertThat(withRepository).contains(Topics.REFS_V1, Topics.TASK_LINKS_V1, Topics.BUILD_REQUESTS_V1,
                Topics.BUILDS_V1);
        assertThat(JsonSchemas.shipped(Topics.TASK_LINKS_V1 + ".json").at("/$defs/person"))
                .isEqualTo(JsonSchemas.shipped(Topics.COMMITS_V1 + ".json").at("/$defs/person"));
    }

    private static Schema metaSchema() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of(DRAFT_2020_12));
    }
}
