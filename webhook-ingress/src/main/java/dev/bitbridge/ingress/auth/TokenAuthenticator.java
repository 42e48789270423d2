package dev.bitbridge.ingress.auth;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.bitbridge.events.integration.TokenHash;
import dev.bitbridge.ingress.integrations.Integration;
import dev.bitbridge.ingress.integrations.IntegrationRegistry;

/**
 * Finds the integration a delivery is for and checks its token. Unknown integration, disabled integration, missing
 * token and wrong token are indistinguishable to the caller, so integration names cannot be probed; an unknown name
 * still costs a hash comparison.
 */
@ApplicationScoped
public class TokenAuthenticator {

    private static final String DECOY_HASH = TokenHash.of("bitbridge-decoy-token");

    private final IntegrationRegistry registry;

    public TokenAuthenticator(IntegrationRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param integrationName the name from the URL
     * @param presented the tokens the delivery presented
     * @return the integration when it exists, is enabled and one presented token matches; empty otherwise
     */
    public Optional<Integration> authenticate(String integrationName, List<String> presented) {
        Optional<Integration> found = registry.find(integrationName);
        String expected = found.map(Integration::tokenHash).orElse(DECOY_HASH);
        boolean matched = false;
        for (String token : presented) {
            matched |= TokenHash.matches(token, expected);
        }
        if (matched && found.isPresent() && found.get().enabled()) {
            return found;
        }
        return Optional.empty();
    }
}
