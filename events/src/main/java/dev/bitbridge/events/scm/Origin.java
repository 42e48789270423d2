package dev.bitbridge.events.scm;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The raw webhook an enriched record came from: find it on {@code bitbridge.webhooks.v1} by its id.
 *
 * @param eventId the raw event's id: Bitbucket's {@code X-Request-UUID} or {@code X-Request-Id}
 * @param eventKey Bitbucket's {@code X-Event-Key}
 * @param receivedAt when the ingress accepted it, with its offset (kept when the record is read back, like the
 *        events' own dates)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Origin(
        String eventId,
        String eventKey,
        @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE) OffsetDateTime receivedAt) {
}
