package dev.bitbridge.connector.enrichment.payload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A node of a webhook body with the JSON path that leads to it, so that a {@link ReadFailure} can say where. JSON
 * {@code null} and an absent member are both "absent". Optional reads return null when absent and fail only on a value
 * of the wrong type; {@code require…} reads also fail when absent.
 */
record PathNode(JsonNode node, String path) {

    static PathNode root(JsonNode node) {
        return new PathNode(node, "$");
    }

    boolean present() {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    PathNode get(String field) {
        return new PathNode(present() && node.isObject() ? node.get(field) : null, path + "." + field);
    }

    PathNode get(int index) {
        return new PathNode(present() && node.isArray() ? node.get(index) : null, path + "[" + index + "]");
    }

    /** @return this node, which must be an object */
    PathNode requireObject() {
        if (!present()) {
            throw ReadFailure.missing(path);
        }
        if (!node.isObject()) {
            throw ReadFailure.invalid(path, "expected an object, found " + kind());
        }
        return this;
    }

    /** @return whether this node is an object; false when absent; fails when something else */
    boolean isObject() {
        if (!present()) {
            return false;
        }
        if (!node.isObject()) {
            throw ReadFailure.invalid(path, "expected an object, found " + kind());
        }
        return true;
    }

    /** @return the text (a number or boolean as text), or null when absent; fails on an object or array */
    String text() {
        if (!present()) {
            return null;
        }
        if (node.isContainerNode()) {
            throw ReadFailure.invalid(path, "expected text, found " + kind());
        }
        return node.asText();
    }

    /** @return the text, or null when absent or blank */
    String nonBlank() {
        String text = text();
        return text == null || text.isBlank() ? null : text;
    }

    /** @return the text, which must be present and not blank */
    String requireText() {
        String text = text();
        if (text == null) {
            throw ReadFailure.missing(path);
        }
        if (text.isBlank()) {
            throw ReadFailure.invalid(path, "is empty");
        }
        return text;
    }

    /** @return the boolean ({@code true}/{@code false} as text accepted), or null when absent */
    Boolean bool() {
        if (!present()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            String text = node.textValue().trim().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return Boolean.valueOf(text);
            }
        }
        throw ReadFailure.invalid(path, "expected true or false, found " + kind());
    }

    /** @return the whole number (a numeric string accepted), which must be present */
    long requireLong() {
        if (!present()) {
            throw ReadFailure.missing(path);
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.textValue().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw ReadFailure.invalid(path, "expected a whole number, found " + kind());
    }

    /** @return the elements, none when absent; fails when not an array */
    List<PathNode> items() {
        if (!present()) {
            return List.of();
        }
        return requireItems();
    }

    /** @return the elements of this array, which must be present */
    List<PathNode> requireItems() {
        if (!present()) {
            throw ReadFailure.missing(path);
        }
        if (!node.isArray()) {
            throw ReadFailure.invalid(path, "expected an array, found " + kind());
        }
        List<PathNode> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            items.add(get(i));
        }
        return items;
    }

    /** @return {@code links.<name>.href} (Cloud) or {@code links.<name>[0].href} (Data Center), null when absent */
    String link(String name) {
        PathNode link = get("links").get(name);
        if (link.present() && link.node().isArray()) {
            link = link.get(0);
        }
        return link.get("href").nonBlank();
    }

    private String kind() {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
