package dev.bitbridge.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import static org.assertj.core.api.Assertions.assertThat;

/** Test support: the shipped JSON Schemas, read from the classpath, and a draft 2020-12 validator for them. */
public final class JsonSchemas {

    /**
     * Writes records as the services do (Quarkus' default mapper: Java time as ISO-8601 text, offsets as given) and
     * reads them back as strictly as the connector does (an unknown property fails).
     */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private JsonSchemas() {
    }

    /** @return {@code schemas/<file>} as shipped in the events jar */
    public static JsonNode shipped(String file) {
        try (InputStream in = JsonSchemas.class.getResourceAsStream("/schemas/" + file)) {
            assertThat(in).as("schemas/%s is shipped in the events jar", file).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Validates with draft 2020-12, {@code format} asserted (a date-time without an offset is an error, not a remark).
     * A registry per call: a registry keeps schemas by {@code $id}, and tests validate altered copies that keep it.
     *
     * @return the validation errors of {@code instance} against {@code schema}; empty when it conforms
     */
    public static List<String> errors(JsonNode schema, JsonNode instance) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                        .build()));
        return registry.getSchema(schema).validate(instance).stream().map(Object::toString).toList();
    }

    /**
     * The enriched topics' schemas are closed ({@code additionalProperties: false}) today; tests validate against this
     * copy too, so that a field written but not documented still fails them should a schema be opened.
     *
     * @return a copy of {@code schema} in which every object schema with properties has
     *         {@code additionalProperties: false}
     */
    public static JsonNode strict(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        close(copy);
        return copy;
    }

    private static void close(JsonNode node) {
        if (node.isObject()) {
            if ("object".equals(node.path("type").asText()) && node.has("properties")) {
                ((ObjectNode) node).put("additionalProperties", false);
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                close(field.getValue());
            }
        } else if (node.isArray()) {
            node.forEach(JsonSchemas::close);
        }
    }

    /**
     * @param root the schema a {@code $ref} is resolved in
     * @param node a subschema
     * @return the subschema behind {@code node}'s local {@code $ref}; {@code node} itself when it has none
     */
    public static JsonNode resolve(JsonNode root, JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        String ref = node.get("$ref").asText();
        assertThat(ref).as("only local references").startsWith("#/");
        JsonNode target = root.at(ref.substring(1));
        assertThat(target.isMissingNode()).as("%s resolves", ref).isFalse();
        return resolve(root, target);
    }
}
