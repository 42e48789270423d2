package dev.bitbridge.events.scm;

/**
 * The raw webhook an enriched record came from: find it on {@code bitbridge.webhooks.v1} by its id.
 *
 * @param eventId the raw event's id: Bitbucket's {@code X-Request-UUID} or {@code X-Request-Id}
 * @param eventKey Bitbucket's {@code X-Event-Key}
 * @param receivedAt when the ingress accepted it
 */
public record Origin(String eventId, String eventKey, java.time.OffsetDateTime receivedAt) {
}
