package dev.bitbridge.reporter.statuses;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record of {@code bitbridge.builds.v1} as it was read: kept with the status it set, so that a status Bitbucket
 * refuses can be dead-lettered as the record that asked for it.
 *
 * @param topic its topic
 * @param partition its partition
 * @param offset its offset
 * @param key its key
 * @param value its value
 * @param headers its headers (the {@code ce_*} attributes), as text
 */
public record SourceRecord(String topic, int partition, long offset, String key, byte[] value,
        Map<String, String> headers) {

    public SourceRecord {
        headers = Map.copyOf(headers);
    }

    /** @return it as a consumer record again */
    public ConsumerRecord<String, byte[]> toConsumerRecord() {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, partition, offset, key, value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
