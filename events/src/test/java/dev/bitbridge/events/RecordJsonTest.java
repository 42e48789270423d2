package dev.bitbridge.events;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import static dev.bitbridge.events.JsonSchemas.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the {@link #samples()} of a subclass are written and read back: what is not known is left out (never
 * {@code null}), at the top and in every nested record, and a record reads back as itself, dates with their offsets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RecordJsonTest {

    /** @return the records to write and read back */
    protected abstract Stream<Sample> samples();

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void nothingIsWrittenAsNull(Sample sample) {
        JsonNode json = JSON.valueToTree(sample.record());

        assertThat(nulls(json, "$")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aSampleReadsBackAsTheSameRecord(Sample sample) throws Exception {
        Record read = JSON.readValue(JSON.writeValueAsBytes(sample.record()), sample.record().getClass());

        assertThat(read).isEqualTo(sample.record());
    }

    private static List<String> nulls(JsonNode json, String path) {
        List<String> found = new ArrayList<>();
        if (json.isNull()) {
            found.add(path);
        }
        json.properties().forEach(field -> found.addAll(nulls(field.getValue(), path + "." + field.getKey())));
        for (int i = 0; json.isArray() && i < json.size(); i++) {
            found.addAll(nulls(json.get(i), path + "[" + i + "]"));
        }
        return found;
    }
}
