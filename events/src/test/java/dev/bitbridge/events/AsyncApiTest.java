package dev.bitbridge.events;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code asyncapi.yaml} documents every topic Bitbridge owns, with its settings, every schema it points at exists, and
 * it says what it means: no key YAML made up from a plain scalar (a {@code ": "} or a comma in an unquoted flow-style
 * value), only keywords AsyncAPI and JSON Schema know.
 */
class AsyncApiTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The JSON Schema keywords the document's header and payload schemas may use. */
    static final Set<String> SCHEMA_KEYWORDS = Set.of("$ref", "type", "title", "description", "properties", "required",
            "items", "enum", "const", "format", "default", "examples", "additionalProperties", "pattern", "minimum",
            "maximum", "minLength", "maxLength");
    static final Set<String> MESSAGE_KEYS = Set.of("name", "title", "summary", "description", "contentType", "headers",
            "payload", "bindings", "correlationId", "tags", "externalDocs", "examples", "traits");
    static final Set<String> CHANNEL_KEYS = Set.of("address", "title", "summary", "description", "messages", "bindings",
            "servers", "parameters", "tags", "externalDocs");
    static final Set<String> OPERATION_KEYS = Set.of("action", "channel", "title", "summary", "description", "security",
            "tags", "externalDocs", "bindings", "traits", "messages", "reply");
    static final Set<String> MULTI_FORMAT_SCHEMA_KEYS = Set.of("schemaFormat", "schema");
    /** The topic settings the Kafka channel binding (0.5.0) can state; others, such as compaction lag, it cannot. */
    static final Set<String> BINDING_TOPIC_CONFIGS = Set.of("cleanup.policy", "retention.ms", "retention.bytes",
            "delete.retention.ms", "max.message.bytes");

    private static JsonNode doc;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = AsyncApiTest.class.getResourceAsStream("/asyncapi.yaml")) {
            doc = YAML.readTree(in);
        }
    }

    @Test
    void everyTopicHasAChannelWithItsPartitionsAndEveryReferencedSchemaShips() {
        List<String> addresses = new ArrayList<>();
        doc.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(TopicSpec::name).toList());
        doc.path("channels").forEach(channel -> {
            TopicSpec spec = Topics.ALL.stream().filter(t -> t.name().equals(channel.path("address").asText()))
                    .findFirst().orElseThrow();
            assertThat(channel.path("bindings").path("kafka").path("partitions").asInt()).as(spec.name())
                    .isEqualTo(spec.partitions());
        });
        List<String> refs = doc.findValuesAsText("$ref").stream().filter(r -> r.startsWith("schemas/")).toList();
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(AsyncApiTest.class.getResource("/" + ref)).as(ref).isNotNull();
        }
    }

    @Test
    void everyChannelStatesItsTopicsSettingsAsTopicsHasThem() {
        List<String> mismatches = new ArrayList<>();
        for (TopicSpec spec : Topics.ALL) {
            JsonNode configuration = channel(spec.name()).path("bindings").path("kafka").path("topicConfiguration");
            configuration.fieldNames().forEachRemaining(key -> {
                if (!spec.configs().containsKey(key)) {
                    mismatches.add(spec.name() + ": " + key + " is not a setting of the topic");
                }
            });
            spec.configs().forEach((key, value) -> {
                if (!BINDING_TOPIC_CONFIGS.contains(key)) {
                    return;
                }
                JsonNode stated = configuration.path(key);
                String text = stated.isArray() && stated.size() == 1 ? stated.get(0).asText() : stated.asText(null);
                if (!value.equals(text)) {
                    mismatches.add(spec.name() + ": " + key + " is " + value + ", the channel says "
                            + (stated.isMissingNode() ? "nothing" : stated));
                }
            });
        }

        assertThat(mismatches).isEmpty();
    }

    @Test
    void noKeyIsWithoutAValue() {
        assertThat(nullValues(doc, "")).isEmpty();
    }

    @Test
    void everyDescriptionIsText() {
        List<String> notText = new ArrayList<>();
        descriptions(doc, "", notText);

        assertThat(notText).isEmpty();
    }

    @Test
    void channelsOperationsAndMessagesUseOnlyAsyncApiKeys() {
        List<String> unknown = new ArrayList<>();
        doc.path("channels").properties().forEach(c -> unknownKeys(c.getValue(), CHANNEL_KEYS,
                "/channels/" + c.getKey(), unknown));
        doc.path("operations").properties().forEach(o -> unknownKeys(o.getValue(), OPERATION_KEYS,
                "/operations/" + o.getKey(), unknown));
        for (Map.Entry<String, JsonNode> message : doc.path("components").path("messages").properties()) {
            String path = "/components/messages/" + message.getKey();
            unknownKeys(message.getValue(), MESSAGE_KEYS, path, unknown);
            unknownKeys(message.getValue().path("payload"), MULTI_FORMAT_SCHEMA_KEYS, path + "/payload", unknown);
        }

        assertThat(unknown).isEmpty();
    }

    @Test
    void everyHeaderAndPayloadSchemaUsesOnlyJsonSchemaKeywords() {
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonNode> message : doc.path("components").path("messages").properties()) {
            String path = "/components/messages/" + message.getKey();
            schemaKeywords(message.getValue().path("headers"), path + "/headers", unknown);
            schemaKeywords(message.getValue().path("payload").path("schema"), path + "/payload/schema", unknown);
        }

        assertThat(unknown).isEmpty();
    }

    @Test
    void anUnquotedDescriptionWithACommaInFlowStyleIsCaught() throws IOException {
        JsonNode headers = YAML.readTree("""
                type: object
                properties:
                  ce_bitbucketattempt: { type: string, description: X-Attempt-Number (Cloud), a decimal integer }
                """);
        List<String> unknown = new ArrayList<>();
        schemaKeywords(headers, "", unknown);

        assertThat(unknown).containsExactly("/properties/ce_bitbucketattempt: a decimal integer");
        assertThat(nullValues(headers, "")).containsExactly("/properties/ce_bitbucketattempt/a decimal integer");
        assertThat(headers.at("/properties/ce_bitbucketattempt/description").asText())
                .isEqualTo("X-Attempt-Number (Cloud)");
    }

    private static JsonNode channel(String topic) {
        for (JsonNode channel : doc.path("channels")) {
            if (channel.path("address").asText().equals(topic)) {
                return channel;
            }
        }
        throw new AssertionError("no channel for " + topic);
    }

    /** Walks an object schema: its own keywords, its properties' and its items'. */
    private static void schemaKeywords(JsonNode schema, String path, List<String> unknown) {
        if (schema.isMissingNode()) {
            return;
        }
        unknownKeys(schema, SCHEMA_KEYWORDS, path, unknown);
        schema.path("properties").properties()
                .forEach(p -> schemaKeywords(p.getValue(), path + "/properties/" + p.getKey(), unknown));
        schemaKeywords(schema.path("items"), path + "/items", unknown);
    }

    private static void unknownKeys(JsonNode object, Set<String> known, String path, List<String> unknown) {
        object.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                unknown.add(path + ": " + key);
            }
        });
    }

    private static List<String> nullValues(JsonNode node, String path) {
        List<String> found = new ArrayList<>();
        node.properties().forEach(field -> {
            String at = path + "/" + field.getKey();
            if (field.getValue().isNull()) {
                found.add(at);
            }
            found.addAll(nullValues(field.getValue(), at));
        });
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            found.addAll(nullValues(node.get(i), path + "/" + i));
        }
        return found;
    }

    private static void descriptions(JsonNode node, String path, List<String> notText) {
        node.properties().forEach(field -> {
            String at = path + "/" + field.getKey();
            JsonNode value = field.getValue();
            boolean property = value.isContainerNode(); // a schema property named "description"
            if (field.getKey().equals("description") && !property && (!value.isTextual() || value.asText().isBlank())) {
                notText.add(at);
            }
            descriptions(field.getValue(), at, notText);
        });
        node.forEach(element -> {
            if (node.isArray()) {
                descriptions(element, path + "/[]", notText);
            }
        });
    }
}
