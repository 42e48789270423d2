package dev.bitbridge.events.integration;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * What the webhook edge needs to know about one integration: one value on the compacted topic
 * {@code bitbridge.integrations.v1}, keyed by {@link #name()}. A tombstone (null value) removes the integration.
 * <p>
 * It carries no secret in clear: the webhook token only as a hash, the webhook secret sealed with a key that only the
 * connector and the ingress hold.
 *
 * @param name the integration name, which appears in the webhook URL; see {@link IntegrationNames}
 * @param flavor Bitbucket Cloud or Data Center
 * @param enabled whether webhooks for this integration are accepted
 * @param tokenHash the webhook token's hash, as made by {@link TokenHash#of(String)}
 * @param webhookSecret the webhook secret sealed by {@link SecretSealer}, or {@code null} when deliveries are not
 *        signed
 * @param updatedAt when this record was written
 * @param previous the token and secret before the last rotation and until when they stay valid, or {@code null}
 *        when there is no grace period (added to v1 as an optional field; older records have none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntegrationRoute(
        String name,
        BitbucketFlavor flavor,
        boolean enabled,
        String tokenHash,
        SealedSecret webhookSecret,
        Instant updatedAt,
        PreviousCredentials previous) {

    public IntegrationRoute {
        IntegrationNames.requireValid(name);
        Objects.requireNonNull(flavor, "flavor");
        Objects.requireNonNull(tokenHash, "tokenHash");
        if (!TokenHash.isWellFormed(tokenHash)) {
            throw new IllegalArgumentException("tokenHash of integration '" + name + "' is not of the form sha256:<64 hex>");
        }
    }

    /** A route without a grace period, as every record written before {@link #previous()} existed. */
    public IntegrationRoute(String name, BitbucketFlavor flavor, boolean enabled, String tokenHash,
            SealedSecret webhookSecret, Instant updatedAt) {
        this(name, flavor, enabled, tokenHash, webhookSecret, updatedAt, null);
    }

    @Override
    public String toString() {
        // Even a hash and a sealed value are kept out of logs.
        return "IntegrationRoute[name=" + name + ", flavor=" + flavor.id() + ", enabled=" + enabled
                + ", signed=" + (webhookSecret != null) + ", updatedAt=" + updatedAt
                + (previous == null ? "" : ", previous=" + previous) + "]";
    }
}
