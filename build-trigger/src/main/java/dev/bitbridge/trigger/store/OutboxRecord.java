package dev.bitbridge.trigger.store;

import java.time.Instant;

/**
 * A {@code bitbridge.builds.v1} record waiting to be sent (a row of {@code build_outbox}), written with the transition
 * it describes.
 *
 * @param id its place in the outbox, the order it is sent in; null until it is written
 */
public record OutboxRecord(Long id, String requestId, int sequence, String recordKey, String eventType,
        String integration, String subject, byte[] payload, Instant createdAt) {
}
