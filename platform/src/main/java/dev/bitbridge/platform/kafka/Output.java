package dev.bitbridge.platform.kafka;

import java.util.Map;

/**
 * One record the enricher writes, before it becomes a Kafka message: topic, key, CloudEvents attributes and value.
 *
 * @param topic where it goes
 * @param key {@code <integration>:<repository>}
 * @param id the CloudEvents id: deterministic, so that a consumer can recognise the same fact
 * @param type the CloudEvents type
 * @param subject the CloudEvents subject (the repository), or null
 * @param integration the integration, also the CloudEvents source
 * @param value the JSON value, or the raw body for a dead letter
 * @param headers extra Kafka headers (dead-letter reasons), usually empty
 */
public record Output(String topic, String key, String id, String type, String subject, String integration,
        byte[] value, Map<String, String> headers) {

    public Output {
        headers = Map.copyOf(headers);
    }
}
