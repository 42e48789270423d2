package dev.bitbridge.ingress.auth;

import java.util.List;
import java.util.Optional;

import dev.bitbridge.ingress.integrations.Integration;

/**
 * What the token check found out about a delivery. The caller answers every unaccepted outcome with the same 401;
 * the details only go into the refusal report of an integration that exists.
 *
 * @param integration the integration named in the URL, enabled or not; {@code null} when there is none of that name
 * @param match which of its tokens the delivery presented
 */
public record Authentication(Integration integration, TokenMatch match) {

    /** @return the integration when it exists, is enabled and a token of it was presented; empty otherwise */
    public Optional<Integration> accepted() {
        return integration != null && integration.enabled() && match != TokenMatch.NONE
                ? Optional.of(integration)
                : Optional.empty();
    }

    /** @return the secrets one of which must sign the delivery; empty when it need not be signed */
    public List<byte[]> signingSecrets() {
        return CredentialRules.signingSecrets(integration, match);
    }
}
