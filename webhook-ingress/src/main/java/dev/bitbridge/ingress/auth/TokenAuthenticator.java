package dev.bitbridge.ingress.auth;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.bitbridge.ingress.integrations.IntegrationRegistry;

/**
 * Finds the integration a delivery is for and checks its token, current or — during a rotation's grace period —
 * previous ({@link CredentialRules}). Unknown integration, disabled integration, missing token and wrong token are
 * indistinguishable to the caller, so integration names cannot be probed; an unknown name still costs the same hash
 * comparisons.
 */
@ApplicationScoped
public class TokenAuthenticator {

    private final IntegrationRegistry registry;
    private final Clock clock;

    public TokenAuthenticator(IntegrationRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * @param integrationName the name from the URL
     * @param presented the tokens the delivery presented
     * @return the integration (if any) and which of its tokens matched; see {@link Authentication#accepted()}
     */
    public Authentication authenticate(String integrationName, List<String> presented) {
        var integration = registry.find(integrationName).orElse(null);
        return new Authentication(integration, CredentialRules.match(integration, presented, clock.instant()));
    }
}
