package dev.bitbridge.events.webhook;

import java.time.OffsetDateTime;
import java.util.Objects;

import dev.bitbridge.events.CloudEvents;

/**
 * One record on {@code bitbridge.webhooks.v1}: a Bitbucket webhook exactly as it was delivered.
 * <p>
 * The record value is the webhook body, byte for byte; everything else travels as CloudEvents binary-mode headers
 * ({@code ce_*}). The schema {@code schemas/bitbridge.webhooks.v1.json} describes the same event in CloudEvents' JSON
 * form for readers and tooling.
 *
 * @param id the delivery id Bitbucket gave it: {@code X-Request-UUID} (Cloud) or {@code X-Request-Id} (Data Center)
 * @param integration the Bitbridge integration that received it; also the {@code source}, as
 *        {@code /integrations/<name>}
 * @param flavor which Bitbucket product sent it
 * @param eventKey Bitbucket's {@code X-Event-Key}, such as {@code repo:push} or {@code pr:opened}
 * @param time when the ingress accepted it
 * @param repository the repository full name ({@code workspace/slug} or {@code PROJECT/slug}); the CloudEvents
 *        {@code subject}; {@code null} when the payload names no repository
 * @param hookUuid Bitbucket Cloud's {@code X-Hook-UUID}, the webhook subscription; {@code null} when absent
 * @param attempt Bitbucket Cloud's {@code X-Attempt-Number}, 1 for the first try; {@code null} when absent (Data
 *        Center sends none)
 */
public record RawWebhookEvent(
        String id,
        String integration,
        BitbucketFlavor flavor,
        String eventKey,
        OffsetDateTime time,
        String repository,
        String hookUuid,
        Integer attempt) {

    /** CloudEvents extension attribute: the integration name. */
    public static final String EXT_INTEGRATION = "bitbucketintegration";
    /** CloudEvents extension attribute: {@code cloud} or {@code datacenter}. */
    public static final String EXT_FLAVOR = "bitbucketflavor";
    /** CloudEvents extension attribute: Bitbucket's {@code X-Event-Key}. */
    public static final String EXT_EVENT_KEY = "bitbucketeventkey";
    /** CloudEvents extension attribute: Bitbucket's {@code X-Hook-UUID}. */
    public static final String EXT_HOOK_UUID = "bitbuckethookuuid";
    /** CloudEvents extension attribute: Bitbucket's {@code X-Attempt-Number}. */
    public static final String EXT_ATTEMPT = "bitbucketattempt";

    public RawWebhookEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(flavor, "flavor");
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(time, "time");
    }

    /** @return the CloudEvents {@code source}: {@code /integrations/<integration>} */
    public String source() {
        return CloudEvents.sourceOf(integration);
    }

    /** @return the CloudEvents {@code type}, e.g. {@code dev.bitbridge.bitbucket.cloud.repo:push} */
    public String type() {
        return typeOf(flavor, eventKey);
    }

    /**
     * @param flavor the Bitbucket flavor
     * @param eventKey the {@code X-Event-Key}
     * @return the CloudEvents {@code type} of a raw webhook with that flavor and key
     */
    public static String typeOf(BitbucketFlavor flavor, String eventKey) {
        return CloudEvents.TYPE_PREFIX + "bitbucket." + flavor.id() + "." + eventKey;
    }
}
