package dev.bitbridge.ingress.integrations;

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
 */
public record Integration(String name, BitbucketFlavor flavor, boolean enabled, String tokenHash, byte[] secret,
        Origin origin) {

    /** Where an integration was defined. */
    public enum Origin {
        CONFIGURATION,
        TOPIC
    }

    public Integration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(flavor, "flavor");
        Objects.requireNonNull(tokenHash, "tokenHash");
    }

    /** @return whether deliveries must carry an {@code X-Hub-Signature} */
    public boolean signed() {
        return secret != null;
    }

    @Override
    public String toString() {
        return "Integration[name=" + name + ", flavor=" + flavor.id() + ", enabled=" + enabled + ", signed=" + signed()
                + ", origin=" + origin + "]";
    }
}
