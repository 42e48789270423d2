package dev.bitbridge.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rule for a versioned topic: a newer schema may only add optional fields. It may not remove or rename a field,
 * change its type, or make an optional field required. Applied recursively to nested objects.
 */
final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** @return every way {@code current} breaks consumers written against {@code baseline}; empty when compatible */
    static List<String> violations(JsonNode baseline, JsonNode current) {
        List<String> out = new ArrayList<>();
        compare("$", baseline, current, out);
        return out;
    }

    private static void compare(String path, JsonNode baseline, JsonNode current, List<String> out) {
        if (!baseline.path("type").equals(current.path("type"))) {
            out.add(path + ": type changed from " + baseline.path("type") + " to " + current.path("type"));
        }
        Set<String> wasRequired = names(baseline.path("required"));
        for (String name : names(current.path("required"))) {
            if (!wasRequired.contains(name)) {
                out.add(path + "." + name + ": became required (was optional or absent)");
            }
        }
        JsonNode oldProps = baseline.path("properties");
        JsonNode newProps = current.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = oldProps.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode now = newProps.get(field.getKey());
            if (now == null) {
                out.add(path + "." + field.getKey() + ": removed or renamed");
            } else {
                compare(path + "." + field.getKey(), field.getValue(), now, out);
            }
        }
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
