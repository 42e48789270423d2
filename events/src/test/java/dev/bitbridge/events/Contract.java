package dev.bitbridge.events;

import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.bitbridge.events.JsonSchemas.JSON;

/**
 * A topic whose values are one record type, documented by the JSON Schema shipped for the topic, with samples written
 * as its producers write them: the one with the most fields set first; together they write every documented property
 * and leave out every optional one at least once.
 */
public final class Contract {

    private final String topic;
    private final Class<? extends Record> type;
    private final Supplier<List<Sample>> samples;

    /**
     * @param topic the topic; its schema is {@code schemas/<topic>.json}
     * @param type the record type of its values
     * @param samples the samples
     */
    public Contract(String topic, Class<? extends Record> type, Supplier<List<Sample>> samples) {
        this.topic = topic;
        this.type = type;
        this.samples = samples;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends Record> type() {
        return type;
    }

    /** @return the schema shipped for the topic */
    public JsonNode schema() {
        return JsonSchemas.shipped(topic + ".json");
    }

    public List<Sample> samples() {
        return samples.get();
    }

    /** @return the first sample, the one with the most fields set, as JSON */
    public ObjectNode first() {
        return JSON.valueToTree(samples().get(0).record());
    }

    @Override
    public String toString() {
        return topic;
    }
}
