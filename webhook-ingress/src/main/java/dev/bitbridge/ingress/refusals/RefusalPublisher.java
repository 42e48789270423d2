package dev.bitbridge.ingress.refusals;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.webhook.RawWebhookEvent;
import dev.bitbridge.events.webhook.WebhookRefusal;

/**
 * Writes one refusal report to {@code bitbridge.webhook-refusals.v1}: the JSON record as the value, CloudEvents
 * binary-mode headers, keyed by integration name. Its own producer (channel {@value #CHANNEL}, see
 * {@code application.properties}), so that reports can neither delay nor fill the buffer of raw webhooks; SmallRye
 * sends on the producer's own thread, never on the event loop.
 */
@ApplicationScoped
public class RefusalPublisher {

    /** The outgoing channel, bound to {@code bitbridge.webhook-refusals.v1} in {@code application.properties}. */
    public static final String CHANNEL = "webhook-refusals";
    /** Above any allowed {@code refusals.max-in-flight}, so the reporter's own bound is the one that applies. */
    static final int BUFFER = 1024;

    private final MutinyEmitter<byte[]> emitter;
    private final ObjectMapper json;

    RefusalPublisher(
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER) MutinyEmitter<byte[]> emitter,
            ObjectMapper json) {
        this.emitter = emitter;
        this.json = json;
    }

    /**
     * @param refusal the report
     * @return completes when Kafka acknowledged it; fails when it did not. Nothing happens until it is subscribed to.
     */
    public Uni<Void> publish(WebhookRefusal refusal) {
        byte[] value;
        try {
            value = json.writeValueAsBytes(refusal);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        Message<byte[]> message = Message.of(value)
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(UUID.randomUUID().toString())
                        .withSource(URI.create(refusal.source()))
                        .withType(WebhookRefusal.TYPE)
                        .withTimestamp(refusal.time().atZone(ZoneOffset.UTC))
                        .withDataContentType(CloudEvents.JSON)
                        .withExtension(RawWebhookEvent.EXT_INTEGRATION, refusal.integration())
                        .build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                        .withKey(refusal.integration())
                        .build());
        return emitter.sendMessage(message);
    }
}
