package dev.bitbridge.bench.connector;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.RecordKeys;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.events.webhook.RawWebhookEvent;

/**
 * Publishes raw webhooks to {@code bitbridge.webhooks.v1} as the ingress does: the body byte for byte, keyed
 * {@code <integration>:<repository>}, with the ingress's CloudEvents headers and producer settings ({@code acks=all},
 * idempotence, {@code linger.ms=1}).
 */
public final class RawPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    /** @param bootstrapServers the broker */
    public RawPublisher(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "bitbridge-bench-raw-webhooks",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "1",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(Topics.WEBHOOKS_V1_MAX_RECORD_BYTES)),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * @param delivery the webhook
     * @param timestampMillis the record's timestamp and the event's {@code ce_time} (when the ingress accepted it)
     * @return Kafka's acknowledgement
     */
    public Future<RecordMetadata> publish(RawDelivery delivery, long timestampMillis) {
        return producer.send(record(delivery, timestampMillis));
    }

    /** @return the record the ingress would write for this delivery */
    static ProducerRecord<String, byte[]> record(RawDelivery delivery, long timestampMillis) {
        RawWebhookEvent event = new RawWebhookEvent(delivery.eventId(), delivery.integration(), BitbucketFlavor.CLOUD,
                delivery.eventKey(), OffsetDateTime.ofInstant(Instant.ofEpochMilli(timestampMillis), ZoneOffset.UTC),
                delivery.repository(), delivery.hookUuid(), delivery.attempt());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.WEBHOOKS_V1, null, timestampMillis,
                RecordKeys.of(event.integration(), event.repository()), delivery.body());
        header(record, CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
        header(record, CloudEvents.HEADER_ID, event.id());
        header(record, CloudEvents.HEADER_SOURCE, event.source());
        header(record, CloudEvents.HEADER_TYPE, event.type());
        header(record, CloudEvents.HEADER_TIME, event.time().toString());
        header(record, CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.JSON);
        header(record, CloudEvents.HEADER_PREFIX + RawWebhookEvent.EXT_INTEGRATION, event.integration());
        header(record, CloudEvents.HEADER_PREFIX + RawWebhookEvent.EXT_FLAVOR, event.flavor().id());
        header(record, CloudEvents.HEADER_PREFIX + RawWebhookEvent.EXT_EVENT_KEY, event.eventKey());
        if (event.repository() != null) {
            header(record, CloudEvents.HEADER_SUBJECT, event.repository());
        }
        if (event.hookUuid() != null) {
            header(record, CloudEvents.HEADER_PREFIX + RawWebhookEvent.EXT_HOOK_UUID, event.hookUuid());
        }
        if (event.attempt() != null) {
            header(record, CloudEvents.HEADER_PREFIX + RawWebhookEvent.EXT_ATTEMPT, event.attempt().toString());
        }
        return record;
    }

    /** Sends whatever is buffered and waits for it. */
    public void flush() {
        producer.flush();
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
