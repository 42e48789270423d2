package dev.bitbridge.events;

import java.util.Map;
import java.util.Objects;

/**
 * What a topic needs to exist correctly: its name, its default partition count and the topic-level configs that
 * its contract depends on (for example {@code cleanup.policy=compact} for a table topic).
 *
 * @param name the topic name
 * @param partitions partitions to create when the topic is absent; a deployment may choose more
 * @param configs topic configs that must be set at creation
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        configs = Map.copyOf(configs);
    }
}
