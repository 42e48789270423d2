package dev.bitbridge.events.integration;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The webhook token and secret an integration had before a rotation, still accepted until {@link #validUntil()} so
 * that deliveries Bitbucket built (or retries) with the old hook settings are not lost. After that instant they are
 * ignored; no new record is needed.
 * <p>
 * The rule the ingress applies (README, "The webhook contract"): a token that matches {@link #tokenHash()} before
 * {@code validUntil} may be signed with the current secret or with {@link #webhookSecret()}. The block only widens what
 * is accepted: it never lets an unsigned delivery through on an integration whose current configuration is signed.
 *
 * @param tokenHash the previous token's hash, as made by {@link TokenHash#of(String)}; {@code null} when only the
 *        secret was rotated, in which case the current token counts as the previous one during the grace
 * @param webhookSecret the previous webhook secret, sealed by {@link SecretSealer} for the same integration;
 *        {@code null} when only the token was rotated (or the previous configuration was unsigned)
 * @param validUntil the first instant at which the previous token and secret are no longer accepted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PreviousCredentials(String tokenHash, SealedSecret webhookSecret, Instant validUntil) {

    public PreviousCredentials {
        Objects.requireNonNull(validUntil, "previous.validUntil");
        if (tokenHash == null && webhookSecret == null) {
            throw new IllegalArgumentException("previous names neither a tokenHash nor a webhookSecret");
        }
        if (tokenHash != null && !TokenHash.isWellFormed(tokenHash)) {
            throw new IllegalArgumentException("previous.tokenHash is not of the form sha256:<64 hex>");
        }
    }

    /** @return whether the previous credentials are still accepted at {@code now} */
    public boolean validAt(Instant now) {
        return now.isBefore(validUntil);
    }

    @Override
    public String toString() {
        return "PreviousCredentials[token=" + (tokenHash != null) + ", signed=" + (webhookSecret != null) + ", validUntil="
                + validUntil + "]";
    }
}
