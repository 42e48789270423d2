package dev.bitbridge.events;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which properties of a schema some JSON documents wrote and left out. A property is named
 * {@code <owner>.<property>}: the owner is the shared definition an object comes from ({@code #/$defs/account}),
 * else its path from the root ({@code $}), so that an account's {@code email} counts once wherever accounts appear.
 */
public final class SchemaCoverage {

    private final JsonNode root;
    private final Set<String> documented = new TreeSet<>();
    private final Set<String> optional = new TreeSet<>();
    private final Set<String> written = new TreeSet<>();
    private final Set<String> omitted = new TreeSet<>();

    public SchemaCoverage(JsonNode schema) {
        this.root = schema;
        document(schema, "$", new HashSet<>());
    }

    /** Counts what {@code json}, a document of the schema, writes and leaves out. */
    public void add(JsonNode json) {
        visit(root, json, "$");
    }

    /** @return every property the schema documents */
    public Set<String> documented() {
        return documented;
    }

    /** @return every property the schema documents but does not require of its object */
    public Set<String> optional() {
        return optional;
    }

    /** @return every property some document wrote */
    public Set<String> written() {
        return written;
    }

    /** @return every property some document left out of an object it wrote */
    public Set<String> omitted() {
        return omitted;
    }

    private void document(JsonNode schema, String path, Set<String> owners) {
        String owner = owner(schema, path);
        if (!owners.add(owner)) {
            return;
        }
        JsonNode object = JsonSchemas.resolve(root, schema);
        Set<String> required = new HashSet<>();
        object.path("required").forEach(r -> required.add(r.asText()));
        for (Map.Entry<String, JsonNode> property : object.path("properties").properties()) {
            String name = owner + "." + property.getKey();
            documented.add(name);
            if (!required.contains(property.getKey())) {
                optional.add(name);
            }
            document(property.getValue(), path + "." + property.getKey(), owners);
        }
        if (object.has("items")) {
            document(object.get("items"), path + "[]", owners);
        }
    }

    private void visit(JsonNode schema, JsonNode json, String path) {
        String owner = owner(schema, path);
        JsonNode object = JsonSchemas.resolve(root, schema);
        if (json.isObject()) {
            for (Map.Entry<String, JsonNode> property : object.path("properties").properties()) {
                String name = owner + "." + property.getKey();
                JsonNode value = json.get(property.getKey());
                if (value == null || value.isNull()) {
                    omitted.add(name);
                } else {
                    written.add(name);
                    visit(property.getValue(), value, path + "." + property.getKey());
                }
            }
        } else if (json.isArray()) {
            json.forEach(element -> visit(object.path("items"), element, path + "[]"));
        }
    }

    private static String owner(JsonNode schema, String path) {
        return schema.has("$ref") ? schema.get("$ref").asText() : path;
    }
}
