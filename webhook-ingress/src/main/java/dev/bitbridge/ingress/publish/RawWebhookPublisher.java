package dev.bitbridge.ingress.publish;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadataBuilder;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.RecordKeys;
import dev.bitbridge.events.webhook.RawWebhookEvent;

/**
 * Writes one raw webhook to {@code bitbridge.webhooks.v1}: the body unchanged as the value, the CloudEvents attributes
 * as binary-mode headers (written by SmallRye's CloudEvents support), keyed by integration and repository. The
 * returned {@link Uni} completes when the broker acknowledged the write (acks=all, idempotent producer; see
 * {@code application.properties}).
 */
@ApplicationScoped
public class RawWebhookPublisher {

    /** The outgoing channel, bound to {@code bitbridge.webhooks.v1} in {@code application.properties}. */
    public static final String CHANNEL = "raw-webhooks";

    private final MutinyEmitter<byte[]> emitter;

    RawWebhookPublisher(
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /**
     * @param event the CloudEvents attributes
     * @param body the webhook body exactly as received
     * @return completes when Kafka acknowledged the record; fails when it did not
     */
    public Uni<Void> publish(RawWebhookEvent event, byte[] body) {
        OutgoingCloudEventMetadataBuilder<Object> ce = OutgoingCloudEventMetadata.builder()
                .withId(event.id())
                .withSource(URI.create(event.source()))
                .withType(event.type())
                .withTimestamp(event.time().toZonedDateTime())
                .withDataContentType(CloudEvents.JSON)
                .withExtension(RawWebhookEvent.EXT_INTEGRATION, event.integration())
                .withExtension(RawWebhookEvent.EXT_FLAVOR, event.flavor().id())
                .withExtension(RawWebhookEvent.EXT_EVENT_KEY, event.eventKey());
        if (event.repository() != null) {
            ce.withSubject(event.repository());
        }
        if (event.hookUuid() != null) {
            ce.withExtension(RawWebhookEvent.EXT_HOOK_UUID, event.hookUuid());
        }
        if (event.attempt() != null) {
            ce.withExtension(RawWebhookEvent.EXT_ATTEMPT, String.valueOf(event.attempt()));
        }
        Message<byte[]> message = Message.of(body)
                .addMetadata(ce.build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                        .withKey(RecordKeys.of(event.integration(), event.repository()))
                        .build());
        return emitter.sendMessage(message);
    }

    /** @return whether the channel's stream has ended, so that no publish can succeed any more */
    boolean terminated() {
        return emitter.isCancelled();
    }
}
