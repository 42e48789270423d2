package dev.bitbridge.credentials.vault;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A service configured for the Vault store: no master keys used, and no database needed for credentials. */
public class VaultStoreProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "bitbridge.credentials.store", "vault",
                "bitbridge.credentials.vault.path-prefix", "bitbridge/test",
                // This service has no datasource at all: the Vault store must not need one.
                "quarkus.flyway.migrate-at-start", "false",
                // What quarkus-vault and Vert.x log about requests must not show values either.
                "quarkus.log.category.\"io.quarkus.vault\".level", "DEBUG",
                "quarkus.log.category.\"io.vertx\".level", "DEBUG");
    }
}
