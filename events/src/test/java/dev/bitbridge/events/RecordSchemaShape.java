package dev.bitbridge.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import static dev.bitbridge.events.JsonSchemas.JSON;

/**
 * Compares a record type with the schema that documents it, recursively through nested records, lists and
 * {@code $ref}s: the components are exactly the properties, each property is described, its JSON type is the one the
 * component is written as, a primitive component (always written) is required, a date is a {@code date-time}, a
 * Java enum's values are the schema's enumeration and a map's values are typed by {@code additionalProperties}.
 */
public final class RecordSchemaShape {

    private final JsonNode root;
    private final List<String> problems = new ArrayList<>();

    private RecordSchemaShape(JsonNode root) {
        this.root = root;
    }

    /** @return every way {@code schema} fails to document {@code type}; empty when it documents it exactly */
    public static List<String> problems(Class<? extends Record> type, JsonNode schema) {
        RecordSchemaShape shape = new RecordSchemaShape(schema);
        shape.compareRecord(type, schema, "$");
        return shape.problems;
    }

    private void compareRecord(Class<?> type, JsonNode schema, String path) {
        JsonNode object = JsonSchemas.resolve(root, schema);
        JsonNode properties = object.path("properties");
        Set<String> components = new TreeSet<>();
        Arrays.stream(type.getRecordComponents()).forEach(c -> components.add(c.getName()));
        Set<String> documented = new TreeSet<>();
        properties.fieldNames().forEachRemaining(documented::add);

        Set<String> undocumented = new TreeSet<>(components);
        undocumented.removeAll(documented);
        if (!undocumented.isEmpty()) {
            problems.add(path + ": record " + type.getSimpleName() + " has " + undocumented
                    + " the schema does not document");
        }
        Set<String> extra = new TreeSet<>(documented);
        extra.removeAll(components);
        if (!extra.isEmpty()) {
            problems.add(path + ": the schema documents " + extra + " that record " + type.getSimpleName()
                    + " does not have");
        }
        Set<String> required = texts(object.path("required"));
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode property = properties.get(component.getName());
            if (property == null) {
                continue;
            }
            String at = path + "." + component.getName();
            if (!property.hasNonNull("description") && !JsonSchemas.resolve(root, property).hasNonNull("description")) {
                problems.add(at + ": no description");
            }
            if (component.getType().isPrimitive() && !required.contains(component.getName())) {
                problems.add(at + ": a primitive is always written, so it must be required");
            }
            compareValue(component.getType(), component.getGenericType(), property, at);
        }
    }

    private void compareValue(Class<?> type, Type generic, JsonNode property, String path) {
        JsonNode resolved = JsonSchemas.resolve(root, property);
        String expected = jsonType(type);
        if (!expected.equals(resolved.path("type").asText())) {
            problems.add(path + ": " + type.getSimpleName() + " is written as " + expected + ", the schema says "
                    + resolved.path("type"));
            return;
        }
        if (type.isRecord()) {
            compareRecord(type, property, path);
        } else if (type.isEnum()) {
            Set<String> values = new TreeSet<>();
            Arrays.stream(type.getEnumConstants()).forEach(v -> values.add(JSON.valueToTree(v).asText()));
            if (!values.equals(texts(resolved.path("enum")))) {
                problems.add(path + ": the enumeration is " + values + ", the schema says " + resolved.path("enum"));
            }
        } else if ((type == OffsetDateTime.class || type == Instant.class)
                && !"date-time".equals(resolved.path("format").asText())) {
            problems.add(path + ": a date is documented without format date-time");
        } else if (List.class.isAssignableFrom(type)) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            compareValue((Class<?>) element, element, resolved.path("items"), path + "[]");
        } else if (Map.class.isAssignableFrom(type)) {
            Type[] arguments = ((ParameterizedType) generic).getActualTypeArguments();
            if (arguments[0] != String.class) {
                throw new IllegalArgumentException(path + ": a JSON object's keys are text, not " + arguments[0]);
            }
            JsonNode values = resolved.path("additionalProperties");
            if (!values.isObject()) {
                problems.add(path + ": a map is documented without the type of its values (additionalProperties)");
            } else {
                compareValue((Class<?>) arguments[1], arguments[1], values, path + "{}");
            }
        }
    }

    private static String jsonType(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
            return "integer";
        }
        if (type == String.class || type == OffsetDateTime.class || type == Instant.class || type.isEnum()) {
            return "string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "array";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "object";
        }
        throw new IllegalArgumentException("no JSON type known for " + type);
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
