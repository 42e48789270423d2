package dev.bitbridge.ingress.auth;

import java.util.Map;

import dev.bitbridge.ingress.integrations.Integration;
import dev.bitbridge.ingress.integrations.IntegrationRegistry;

/** Builds registries for plain unit tests, from integrations as the topic would deliver them. */
final class TestRegistries {

    private TestRegistries() {
    }

    static IntegrationRegistry of(Map<String, Integration> integrations) {
        IntegrationRegistry registry = IntegrationRegistry.empty();
        integrations.values().forEach(registry::put);
        return registry;
    }
}
