package dev.bitbridge.connector.deliveries;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One delivery of a webhook to an integration, as the ingress saw it.
 *
 * @param receivedAt when the ingress took (or refused) it
 * @param outcome {@code accepted} or {@code refused}
 * @param eventId {@code X-Request-UUID} (Cloud) or {@code X-Request-Id} (Data Center), when valid
 * @param eventKey {@code X-Event-Key}, e.g. {@code repo:push}
 * @param repository the repository's full name, for accepted deliveries (refused bodies are never read)
 * @param reason why it was refused, e.g. {@code signature_mismatch}
 * @param status the HTTP status the ingress answered, for refused deliveries
 */
@Schema(name = "Delivery")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Delivery(@JsonIgnore String source, Instant receivedAt, String outcome, String eventId,
        String eventKey, String repository, String reason, Integer status) {
}
