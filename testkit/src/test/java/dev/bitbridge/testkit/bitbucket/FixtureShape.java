package dev.bitbridge.testkit.bitbucket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Compares what the simulator answers with real Bitbucket answers in {@code ../shared/fixtures} (read there at test
 * time, never copied into the repository). The comparison is of shape: every field the real answer has must be there,
 * recursively, with the same JSON type; a field the real answer has as {@code null} may be anything or absent (for a
 * client, an absent value and a null one are the same), and arrays compare their elements with the real first
 * element. Tests are skipped, saying why, where the fixtures folder is absent.
 */
final class FixtureShape {

    static final Path FIXTURES = Path.of("").toAbsolutePath().getParent().resolve("../shared/fixtures").normalize();

    private FixtureShape() {
    }

    /** @return the fixture, or a skipped test when absent */
    static JsonNode fixture(String name) {
        Path file = FIXTURES.resolve(name);
        assumeTrue(Files.isReadable(file), "Fixture " + file + " is absent (the shared fixtures are not checked out "
                + "here): the comparison with real Bitbucket answers is skipped");
        try {
            return Http.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a copy of an object without some fields (e.g. to compare a page's fields apart from its values) */
    static JsonNode without(JsonNode node, String... fields) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = node.deepCopy();
        copy.remove(java.util.List.of(fields));
        return copy;
    }

    /** Asserts that {@code actual} has every field of {@code real}, recursively, with the same types. */
    static void assertSameShape(JsonNode actual, JsonNode real) {
        List<String> problems = new ArrayList<>();
        compare("$", actual, real, problems);
        assertThat(problems).as("differences from the real answer").isEmpty();
    }

    private static void compare(String at, JsonNode actual, JsonNode real, List<String> problems) {
        if (real == null || real.isNull()) {
            return;
        }
        if (actual == null || actual.isMissingNode()) {
            problems.add(at + " is missing");
            return;
        }
        if (actual.getNodeType() != real.getNodeType()) {
            problems.add(at + " is " + actual.getNodeType() + ", the real one " + real.getNodeType());
            return;
        }
        if (real.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = real.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                compare(at + "." + field.getKey(), actual.get(field.getKey()), field.getValue(), problems);
            }
        } else if (real.isArray() && !real.isEmpty()) {
            for (int i = 0; i < actual.size(); i++) {
                compare(at + "[" + i + "]", actual.get(i), real.get(0), problems);
            }
        }
    }
}
