package dev.bitbridge.ingress.http;

/**
 * The body of a 202: the event is durably in Kafka.
 *
 * @param id the delivery id, as sent in {@code X-Request-UUID} or {@code X-Request-Id}
 * @param duplicate {@code true} when this id was accepted before and nothing new was published
 */
public record AcceptedBody(String id, boolean duplicate) {
}
