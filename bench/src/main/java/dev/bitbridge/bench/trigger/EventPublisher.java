package dev.bitbridge.bench.trigger;

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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.RecordKeys;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.scm.RefChangeEvent;

/**
 * Publishes what the services upstream of a run would: ref changes on {@code bitbridge.refs.v1} as the connector
 * writes them, and build requests on {@code bitbridge.build-requests.v1} as commit-analyzer writes them — JSON values
 * (dates as ISO-8601 text, as the services' Jackson writes them), key {@code <integration>:<repository>}, CloudEvents
 * 1.0 in binary mode as SmallRye's {@code OutgoingCloudEventMetadata} writes it ({@code ce_specversion},
 * {@code ce_id}, {@code ce_source}, {@code ce_type}, {@code ce_time}, {@code ce_subject}, {@code content-type}).
 * {@code acks=all}, idempotence and {@code linger.ms=0}, as the services' producers; not transactional (a
 * {@code read_committed} consumer reads such records at once).
 */
public final class EventPublisher implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final KafkaProducer<String, byte[]> producer;

    /** @param bootstrapServers the broker */
    public EventPublisher(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "bitbridge-bench-trigger-events",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "0"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes a build request, stamped {@code timestampMillis}. */
    public Future<RecordMetadata> request(BuildRequest request, long timestampMillis) {
        return producer.send(record(request, timestampMillis));
    }

    /** Publishes a ref change with its CloudEvents id ({@code <raw event id>/ref/<index>}). */
    public Future<RecordMetadata> refChange(RefChangeEvent event, String id, long timestampMillis) {
        return producer.send(record(event, id, timestampMillis));
    }

    /** Sends whatever is buffered and waits for it. */
    public void flush() {
        producer.flush();
    }

    /** @return the record commit-analyzer writes for a build request */
    static ProducerRecord<String, byte[]> record(BuildRequest request, long timestampMillis) {
        return record(Topics.BUILD_REQUESTS_V1, request.integration(), request.repository().fullName(),
                request.requestId(), BuildRequest.TYPE, request, timestampMillis);
    }

    /** @return the record the connector writes for a ref change */
    static ProducerRecord<String, byte[]> record(RefChangeEvent event, String id, long timestampMillis) {
        return record(Topics.REFS_V1, event.integration(), event.repository().fullName(), id, event.type(), event,
                timestampMillis);
    }

    private static ProducerRecord<String, byte[]> record(String topic, String integration, String repository,
            String id, String type, Object value, long timestampMillis) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A " + type + " could not be written as JSON", e);
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, timestampMillis,
                RecordKeys.of(integration, repository), json);
        header(record, CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
        header(record, CloudEvents.HEADER_ID, id);
        header(record, CloudEvents.HEADER_SOURCE, CloudEvents.sourceOf(integration));
        header(record, CloudEvents.HEADER_TYPE, type);
        header(record, CloudEvents.HEADER_TIME,
                OffsetDateTime.ofInstant(Instant.ofEpochMilli(timestampMillis), ZoneOffset.UTC).toString());
        header(record, CloudEvents.HEADER_SUBJECT, repository);
        header(record, CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.JSON);
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
