package dev.bitbridge.connector.routing;

import jakarta.enterprise.context.ApplicationScoped;

import dev.bitbridge.connector.config.ConnectorConfig;
import dev.bitbridge.events.integration.SealedSecret;
import dev.bitbridge.events.integration.SecretSealer;

/** Seals webhook secrets for routing records with the configured sealing key (checked at start). */
@ApplicationScoped
public class RouteSealer {

    private final SecretSealer sealer;
    private final String keyId;

    RouteSealer(ConnectorConfig config) {
        this.sealer = new SecretSealer(config.sealingKeys());
        this.keyId = config.sealingKeyId();
    }

    public SealedSecret seal(String integration, String secret) {
        return sealer.seal(integration, secret, keyId);
    }
}
