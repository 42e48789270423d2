package dev.bitbridge.platform.kafka;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.DeadLetters;

/** Turns {@link Output}s into Kafka messages: CloudEvents in binary mode, and dead letters that keep the original. */
public final class OutputMessages {

    private OutputMessages() {
    }

    /** @return the Kafka message for an output */
    public static Message<byte[]> message(Output output) {
        RecordHeaders headers = new RecordHeaders();
        output.headers().forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        Message<byte[]> message = Message.of(output.value()).addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(output.topic())
                .withKey(output.key())
                .withHeaders(headers)
                .build());
        if (output.id() == null) {
            return message; // a dead letter keeps the original's ce_* headers and gets no new CloudEvent
        }
        var ce = OutgoingCloudEventMetadata.builder()
                .withId(output.id())
                .withSource(URI.create(CloudEvents.sourceOf(output.integration())))
                .withType(output.type())
                .withDataContentType(CloudEvents.JSON)
                .withTimestamp(ZonedDateTime.now(ZoneOffset.UTC));
        if (output.subject() != null) {
            ce.withSubject(output.subject());
        }
        return message.addMetadata(ce.build());
    }

    /**
     * @param record the record that cannot be processed
     * @param deadLetterTopic where it goes
     * @param service the service giving up on it
     * @param integration its integration, when known; else null
     * @param reason a stable code, e.g. {@code unparseable}
     * @param detail what is wrong and what to do; never a secret
     * @return the record as it was (value and headers), with why in its headers
     */
    public static Output deadLetter(ConsumerRecord<String, byte[]> record, String deadLetterTopic, String service,
            String integration, String reason, String detail) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        headers.put(DeadLetters.HEADER_REASON, reason);
        headers.put(DeadLetters.HEADER_DETAIL, detail);
        headers.put(DeadLetters.HEADER_TOPIC, record.topic());
        headers.put(DeadLetters.HEADER_PARTITION, Integer.toString(record.partition()));
        headers.put(DeadLetters.HEADER_OFFSET, Long.toString(record.offset()));
        headers.put(DeadLetters.HEADER_SERVICE, service);
        if (integration != null) {
            headers.put(DeadLetters.HEADER_INTEGRATION, integration);
        }
        return new Output(deadLetterTopic, record.key(), null, null, null, null,
                record.value() == null ? new byte[0] : record.value(), headers);
    }
}
