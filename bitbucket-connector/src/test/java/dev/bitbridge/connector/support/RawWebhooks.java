package dev.bitbridge.connector.support;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ExecutionException;

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
import dev.bitbridge.testkit.EmbeddedKafka;

/**
 * Publishes raw webhooks to {@code bitbridge.webhooks.v1} exactly as the ingress does (the same CloudEvents headers
 * and key), for tests that start at the connector's input.
 */
public final class RawWebhooks implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public RawWebhooks() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafka.shared().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes one raw webhook and waits for Kafka's acknowledgement. */
    public RecordMetadata publish(String integration, BitbucketFlavor flavor, String eventKey, String eventId,
            String repository, byte[] body) {
        try {
            return publishAsync(integration, flavor, eventKey, eventId, repository, body).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a raw webhook", e.getCause());
        }
    }

    /** Publishes one raw webhook without waiting: for load. */
    public java.util.concurrent.Future<RecordMetadata> publishAsync(String integration, BitbucketFlavor flavor,
            String eventKey, String eventId, String repository, byte[] body) {
        RawWebhookEvent event = new RawWebhookEvent(eventId, integration, flavor, eventKey,
                OffsetDateTime.now(ZoneOffset.UTC), repository, null, null);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.WEBHOOKS_V1,
                RecordKeys.of(integration, repository), body);
        header(record, CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
        header(record, CloudEvents.HEADER_ID, event.id());
        header(record, CloudEvents.HEADER_SOURCE, event.source());
        header(record, CloudEvents.HEADER_TYPE, event.type());
        header(record, CloudEvents.HEADER_TIME, event.time().toString());
        header(record, CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.JSON);
        header(record, CloudEvents.HEADER_PREFIX + RawWebhookEvent.EXT_INTEGRATION, integration);
        header(record, CloudEvents.HEADER_PREFIX + RawWebhookEvent.EXT_FLAVOR, flavor.id());
        header(record, CloudEvents.HEADER_PREFIX + RawWebhookEvent.EXT_EVENT_KEY, eventKey);
        if (repository != null) {
            header(record, CloudEvents.HEADER_SUBJECT, repository);
        }
        return producer.send(record);
    }

    /** Publishes a record that is not a raw webhook at all (no CloudEvents headers): a poison record. */
    public RecordMetadata publishPoison(String key, byte[] body) {
        return send(new ProducerRecord<>(Topics.WEBHOOKS_V1, key, body));
    }

    private RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a raw webhook", e.getCause());
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
