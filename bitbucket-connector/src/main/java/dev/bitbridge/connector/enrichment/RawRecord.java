package dev.bitbridge.connector.enrichment;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.events.webhook.RawWebhookEvent;

/**
 * One record of {@code bitbridge.webhooks.v1} as the enricher reads it: the CloudEvents attributes the ingress wrote,
 * the body, and the record's position (which stamps the state it leads to, ADR 11).
 *
 * @param integration the integration, from {@code ce_bitbucketintegration}
 * @param flavor the flavor, from {@code ce_bitbucketflavor}
 * @param eventKey Bitbucket's {@code X-Event-Key}
 * @param eventId the raw event id ({@code ce_id})
 * @param receivedAt when the ingress accepted it ({@code ce_time})
 * @param record the Kafka record, for its key, position and body
 */
public record RawRecord(String integration, BitbucketFlavor flavor, String eventKey, String eventId,
        OffsetDateTime receivedAt, ConsumerRecord<String, byte[]> record) {

    /**
     * @return the record read as a raw webhook, or empty when a header the ingress always writes is missing or
     *         unreadable (then the record was not written by the ingress, and is a dead letter)
     */
    public static Optional<RawRecord> of(ConsumerRecord<String, byte[]> record) {
        String integration = header(record, CloudEvents.HEADER_PREFIX + RawWebhookEvent.EXT_INTEGRATION);
        String flavor = header(record, CloudEvents.HEADER_PREFIX + RawWebhookEvent.EXT_FLAVOR);
        String eventKey = header(record, CloudEvents.HEADER_PREFIX + RawWebhookEvent.EXT_EVENT_KEY);
        String id = header(record, CloudEvents.HEADER_ID);
        String time = header(record, CloudEvents.HEADER_TIME);
        if (integration == null || flavor == null || eventKey == null || id == null || record.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RawRecord(integration, BitbucketFlavor.of(flavor), eventKey, id,
                    time == null ? OffsetDateTime.now(java.time.ZoneOffset.UTC) : OffsetDateTime.parse(time), record));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** @return the integration named in the record's headers, when there is one */
    public static Optional<String> integrationOf(ConsumerRecord<String, byte[]> record) {
        return Optional.ofNullable(header(record, CloudEvents.HEADER_PREFIX + RawWebhookEvent.EXT_INTEGRATION));
    }

    public int partition() {
        return record.partition();
    }

    public long offset() {
        return record.offset();
    }

    public byte[] body() {
        return record.value();
    }

    /** @return where this record is, for logs and dead letters: {@code topic-partition@offset} */
    public String position() {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
