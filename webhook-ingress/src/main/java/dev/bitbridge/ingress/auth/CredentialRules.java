package dev.bitbridge.ingress.auth;

import java.time.Instant;
import java.util.List;

import dev.bitbridge.events.integration.TokenHash;
import dev.bitbridge.ingress.integrations.Integration;

/**
 * The rotation rule (README, "The webhook contract"). The connector changes a Bitbucket hook's URL (token) and secret in
 * one call, so a delivery carrying the <em>current</em> token was built after that call and is signed with the current
 * secret. A delivery carrying the <em>previous</em> token was built before it, but Bitbucket may sign it, or a retry of
 * it, after the call: it may bear either secret. After {@code validUntil} only the current token and secret count.
 * <p>
 * The previous credentials only ever widen what is accepted by one token and one secret: when the current
 * configuration requires a signature, so does every delivery, whichever token it carries.
 */
public final class CredentialRules {

    private static final String DECOY_HASH = TokenHash.of("bitbridge-decoy-token");

    private CredentialRules() {
    }

    /**
     * Compares every presented token with both the current and the previous hash (a decoy when there is none), so the
     * time taken does not depend on which one matches, or on whether the integration exists or is in a grace period.
     *
     * @param integration the integration, or {@code null} when the name is unknown
     * @param presented the tokens the delivery presented
     * @param now the time the delivery's headers arrived
     * @return {@link TokenMatch#PREVIOUS} when a token matches the previous one during the grace (even when it is also
     *         the current one: only the secret was rotated), else {@link TokenMatch#CURRENT} when one matches the current
     *         one, else {@link TokenMatch#NONE}
     */
    public static TokenMatch match(Integration integration, List<String> presented, Instant now) {
        String currentHash = integration == null ? DECOY_HASH : integration.tokenHash();
        String previousHash = previousHash(integration, now);
        boolean current = false;
        boolean previous = false;
        for (String token : presented) {
            current |= TokenHash.matches(token, currentHash);
            previous |= TokenHash.matches(token, previousHash);
        }
        if (integration == null) {
            return TokenMatch.NONE;
        }
        if (previous && !DECOY_HASH.equals(previousHash)) {
            return TokenMatch.PREVIOUS;
        }
        return current ? TokenMatch.CURRENT : TokenMatch.NONE;
    }

    /**
     * @param integration the integration a delivery authenticated for
     * @param match which of its tokens the delivery presented
     * @return the secrets one of which must have signed the delivery; empty when the integration's current
     *         configuration has no secret, so deliveries need no signature
     */
    public static List<byte[]> signingSecrets(Integration integration, TokenMatch match) {
        if (integration.secret() == null) {
            return List.of();
        }
        Integration.Previous previous = integration.previous();
        if (match == TokenMatch.PREVIOUS && previous != null && previous.secret() != null) {
            return List.of(integration.secret(), previous.secret());
        }
        return List.of(integration.secret());
    }

    private static String previousHash(Integration integration, Instant now) {
        Integration.Previous previous = integration == null ? null : integration.previous();
        if (previous == null || !now.isBefore(previous.validUntil())) {
            return DECOY_HASH;
        }
        // Only the secret was rotated: the token is unchanged, and may be signed with either secret.
        return previous.tokenHash() != null ? previous.tokenHash() : integration.tokenHash();
    }
}
