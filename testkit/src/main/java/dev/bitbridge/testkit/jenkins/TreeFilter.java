package dev.bitbridge.testkit.jenkins;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.testkit.bitbucket.http.Json;

/**
 * Jenkins' {@code tree} query parameter ({@code NamedPathPruner}): {@code number,url,builds[number,queueId]{0,10}}
 * keeps only the named fields (and every object's {@code _class}); a name without brackets keeps a nested object as
 * its {@code _class} alone; {@code {M,N}} keeps the elements M (inclusive) to N (exclusive) of a list, {@code {N}}
 * the N-th only, {@code {M,}} from M on.
 */
final class TreeFilter {

    record Spec(String name, List<Spec> children, int from, int to) {
    }

    private final String text;
    private int at;

    private TreeFilter(String text) {
        this.text = text;
    }

    /** @return the parsed tree; fails with {@link IllegalArgumentException} on a malformed one */
    static List<Spec> parse(String tree) {
        TreeFilter parser = new TreeFilter(tree);
        List<Spec> specs = parser.list();
        if (parser.at != tree.length()) {
            throw new IllegalArgumentException("Unexpected '" + tree.charAt(parser.at) + "' at " + parser.at);
        }
        return specs;
    }

    static JsonNode apply(JsonNode node, List<Spec> specs) {
        if (node.isArray()) {
            ArrayNode out = Json.array();
            node.forEach(element -> out.add(apply(element, specs)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = Json.object();
        if (node.has("_class")) {
            out.set("_class", node.get("_class"));
        }
        for (Spec spec : specs) {
            JsonNode value = node.get(spec.name);
            if (value == null) {
                continue;
            }
            if (value.isArray()) {
                ArrayNode ranged = Json.array();
                for (int i = Math.max(0, spec.from); i < Math.min(value.size(), spec.to); i++) {
                    ranged.add(value.get(i));
                }
                value = ranged;
            }
            out.set(spec.name, apply(value, spec.children));
        }
        return out;
    }

    private List<Spec> list() {
        List<Spec> specs = new ArrayList<>();
        do {
            specs.add(spec());
        } while (at < text.length() && text.charAt(at) == ',' && ++at > 0);
        return specs;
    }

    private Spec spec() {
        int start = at;
        while (at < text.length() && ",[]{}".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        String name = text.substring(start, at).trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Missing a name at " + start);
        }
        List<Spec> children = List.of();
        if (at < text.length() && text.charAt(at) == '[') {
            at++;
            children = list();
            expect(']');
        }
        int from = 0;
        int to = Integer.MAX_VALUE;
        if (at < text.length() && text.charAt(at) == '{') {
            int close = text.indexOf('}', at);
            if (close < 0) {
                throw new IllegalArgumentException("Unclosed range at " + at);
            }
            String range = text.substring(at + 1, close).trim();
            at = close + 1;
            int comma = range.indexOf(',');
            if (comma < 0) {
                from = Integer.parseInt(range);
                to = from + 1;
            } else {
                from = range.substring(0, comma).isBlank() ? 0 : Integer.parseInt(range.substring(0, comma).trim());
                String end = range.substring(comma + 1).trim();
                to = end.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(end);
            }
        }
        return new Spec(name, children, from, to);
    }

    private void expect(char c) {
        if (at >= text.length() || text.charAt(at) != c) {
            throw new IllegalArgumentException("Expected '" + c + "' at " + at);
        }
        at++;
    }
}
