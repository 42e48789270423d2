package dev.bitbridge.ingress.integrations;

import java.time.Instant;
import java.util.Objects;

import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * An integration as the edge uses it: who may deliver (token hash), how deliveries are signed, and which flavor's
 * headers to expect.
 *
 * @param name the integration name from the webhook URL
 * @param flavor Cloud or Data Center
 * @param enabled whether deliveries are accepted
 * @param tokenHash the webhook token's hash, {@code sha256:<hex>}
 * @param secret the webhook secret in clear, or {@code null} when deliveries are not signed; never logged
 * @param origin where the definition came from, for logs
 * @param previous the token and secret before a rotation, accepted until their end; {@code null} when none
 */
public record Integration(String name, BitbucketFlavor flavor, boolean enabled, String tokenHash, byte[] secret,
        Origin origin, Previous previous) {

    /** Where an integration was defined. */
    public enum Origin {
        CONFIGURATION,
        TOPIC
    }

    /**
     * What a rotation replaced, still accepted before {@code validUntil} (auth.CredentialRules says how).
     *
     * @param tokenHash the previous token's hash; {@code null} when only the secret was rotated
     * @param secret the previous secret in clear; {@code null} when only the token was rotated; never logged
     * @param validUntil the first instant at which they are refused
     */
    public record Previous(String tokenHash, byte[] secret, Instant validUntil) {

        public Previous {
            Objects.requireNonNull(validUntil, "validUntil");
        }

        @Override
        public String toString() {
            return "Previous[token=" + (tokenHash != null) + ", signed=" + (secret != null) + ", validUntil=" + validUntil
                    + "]";
        }
    }

    public Integration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(flavor, "flavor");
        Objects.requireNonNull(tokenHash, "tokenHash");
    }

    /** An integration without a rotation grace period. */
    public Integration(String name, BitbucketFlavor flavor, boolean enabled, String tokenHash, byte[] secret,
            Origin origin) {
        this(name, flavor, enabled, tokenHash, secret, origin, null);
    }

    /** @return whether deliveries must carry an {@code X-Hub-Signature} */
    public boolean signed() {
        return secret != null;
    }

    @Override
    public String toString() {
        return "Integration[name=" + name + ", flavor=" + flavor.id() + ", enabled=" + enabled + ", signed=" + signed()
                + ", origin=" + origin + (previous == null ? "" : ", previous=" + previous) + "]";
    }
}
