package dev.bitbridge.ingress.publish;

import dev.bitbridge.ingress.integrations.Integration;

/**
 * A webhook delivery that passed authentication and validation.
 *
 * @param integration the integration it was sent to
 * @param eventKey {@code X-Event-Key}
 * @param eventId {@code X-Request-UUID} or {@code X-Request-Id}
 * @param hookUuid {@code X-Hook-UUID}, or {@code null}
 * @param attempt {@code X-Attempt-Number}, or {@code null}
 * @param repository the repository full name, or {@code null}
 * @param body the body exactly as received
 */
public record Delivery(Integration integration, String eventKey, String eventId, String hookUuid, Integer attempt,
        String repository, byte[] body) {
}
