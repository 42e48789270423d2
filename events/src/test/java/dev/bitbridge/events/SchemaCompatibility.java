package dev.bitbridge.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rule for a versioned topic: a newer schema may only add optional fields. It may not remove or rename a field,
 * change its type, or make an optional field required. Applied recursively to nested objects, to array
 * {@code items}, to the shared definitions in {@code $defs} and through {@code $ref}s.
 * <p>
 * A {@code $defs} entry is compared once, under {@code $.$defs.<name>}; a property whose {@code $ref} is unchanged is
 * therefore not compared again. A property whose {@code $ref} changed, or that was inlined or moved into a definition,
 * is compared with what its references resolve to, so that moving a shape around without changing it is allowed.
 */
final class SchemaCompatibility {

    private final JsonNode baselineRoot;
    private final JsonNode currentRoot;
    private final List<String> out = new ArrayList<>();
    /** Pairs of references being compared, so that recursive definitions end. */
    private final Set<String> following = new HashSet<>();

    private SchemaCompatibility(JsonNode baselineRoot, JsonNode currentRoot) {
        this.baselineRoot = baselineRoot;
        this.currentRoot = currentRoot;
    }

    /** @return every way {@code current} breaks consumers written against {@code baseline}; empty when compatible */
    static List<String> violations(JsonNode baseline, JsonNode current) {
        SchemaCompatibility rule = new SchemaCompatibility(baseline, current);
        rule.compare("$", baseline, current);
        rule.compareDefinitions(baseline.path("$defs"), current.path("$defs"));
        return rule.out;
    }

    private void compareDefinitions(JsonNode baseline, JsonNode current) {
        for (Map.Entry<String, JsonNode> def : baseline.properties()) {
            JsonNode now = current.get(def.getKey());
            String path = "$.$defs." + def.getKey();
            if (now == null) {
                out.add(path + ": removed or renamed");
            } else {
                compare(path, def.getValue(), now);
            }
        }
    }

    private void compare(String path, JsonNode baseline, JsonNode current) {
        String oldRef = baseline.path("$ref").asText(null);
        String newRef = current.path("$ref").asText(null);
        if (oldRef != null && oldRef.equals(newRef)) {
            return; // the definition itself is compared under $.$defs
        }
        if (oldRef != null || newRef != null) {
            String pair = oldRef + " -> " + newRef;
            if (following.add(pair)) {
                compare(path, resolve(baselineRoot, baseline, path), resolve(currentRoot, current, path));
                following.remove(pair);
            }
            return;
        }
        compareShape(path, baseline, current);
    }

    private void compareShape(String path, JsonNode baseline, JsonNode current) {
        if (!baseline.path("type").equals(current.path("type"))) {
            out.add(path + ": type changed from " + baseline.path("type") + " to " + current.path("type"));
        }
        Set<String> wasRequired = names(baseline.path("required"));
        for (String name : names(current.path("required"))) {
            if (!wasRequired.contains(name)) {
                out.add(path + "." + name + ": became required (was optional or absent)");
            }
        }
        JsonNode newProps = current.path("properties");
        for (Map.Entry<String, JsonNode> field : baseline.path("properties").properties()) {
            JsonNode now = newProps.get(field.getKey());
            if (now == null) {
                out.add(path + "." + field.getKey() + ": removed or renamed");
            } else {
                compare(path + "." + field.getKey(), field.getValue(), now);
            }
        }
        if (baseline.has("items")) {
            if (current.has("items")) {
                compare(path + "[]", baseline.get("items"), current.get("items"));
            } else {
                out.add(path + "[]: items removed");
            }
        }
    }

    /** @return what {@code node}'s local {@code $ref} points at, or {@code node} itself when it has none */
    private JsonNode resolve(JsonNode root, JsonNode node, String path) {
        if (!node.has("$ref")) {
            return node;
        }
        String ref = node.get("$ref").asText();
        JsonNode target = ref.startsWith("#") ? root.at(ref.substring(1)) : null;
        if (target == null || target.isMissingNode()) {
            throw new IllegalArgumentException(path + ": cannot resolve $ref " + ref + " (only local references are)");
        }
        return resolve(root, target, path);
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
