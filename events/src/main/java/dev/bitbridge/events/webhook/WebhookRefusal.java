package dev.bitbridge.events.webhook;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.bitbridge.events.CloudEvents;

/**
 * One record on {@code bitbridge.webhook-refusals.v1}: the ingress refused a delivery to an integration that exists,
 * and this says why, so that a user can tell what is wrong with a webhook without access to the ingress's logs.
 * <p>
 * It deliberately carries nothing a caller could abuse or that is secret: no body, no token, no secret, no signature,
 * no query string. Header values appear only when they were well-formed. Refusals are sampled per integration (a rate
 * limit), so the topic says why deliveries fail, not how many did; the ingress's metrics count them all.
 *
 * @param integration the integration named in the webhook URL
 * @param flavor the integration's Bitbucket flavor
 * @param time when the delivery was refused
 * @param reason the error code of the answer, e.g. {@code unauthorized}, {@code signature_mismatch}
 * @param status the HTTP status answered
 * @param credentials which of the integration's tokens the delivery presented: {@code current} or {@code previous}
 *        (during a rotation's grace period); {@code null} when it presented no valid token or was refused before the
 *        token was checked
 * @param eventKey {@code X-Event-Key}, or {@code null} when absent or malformed
 * @param eventId {@code X-Request-UUID} (Cloud) or {@code X-Request-Id} (Data Center), or {@code null} when absent or
 *        malformed
 * @param hookUuid {@code X-Hook-UUID}, or {@code null} when absent or malformed
 * @param attempt {@code X-Attempt-Number}, or {@code null} when absent or malformed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookRefusal(
        String integration,
        BitbucketFlavor flavor,
        Instant time,
        String reason,
        int status,
        String credentials,
        String eventKey,
        String eventId,
        String hookUuid,
        Integer attempt) {

    /** The CloudEvents {@code type} of a refusal record. */
    public static final String TYPE = CloudEvents.TYPE_PREFIX + "ingress.webhook.refused";

    /** {@link #credentials()} when the current token matched. */
    public static final String CURRENT = "current";
    /** {@link #credentials()} when the previous token matched, during a rotation's grace period. */
    public static final String PREVIOUS = "previous";

    public WebhookRefusal {
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(flavor, "flavor");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return the CloudEvents {@code source}: {@code /integrations/<integration>} */
    public String source() {
        return CloudEvents.sourceOf(integration);
    }
}
