package dev.bitbridge.credentials.postgres;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.credentials.CredentialStore;
import dev.bitbridge.credentials.SecretFields;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.vault.InjectVaultSimulator;
import dev.bitbridge.testkit.vault.VaultSimulator;
import dev.bitbridge.testkit.vault.VaultSimulatorResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PostgreSQL-store service that also has a Vault address configured (quarkus-vault is on every service's classpath)
 * never contacts Vault: neither at start nor when it reads and writes credentials.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(VaultSimulatorResource.class)
class PostgresStoreLeavesVaultAloneTest {

    @Inject
    CredentialStore store;

    @Inject
    Config config;

    @InjectVaultSimulator
    VaultSimulator vault;

    @Test
    void noRequestReachesVault() {
        store.put("integrations/quiet/bitbucket", SecretFields.of(Map.of("token", "t"))).await()
                .atMost(Duration.ofSeconds(10));
        store.get("integrations/quiet/bitbucket").await().atMost(Duration.ofSeconds(10));

        assertThat(store.kind()).isEqualTo("postgres");
        assertThat(config.getValue("quarkus.vault.url", String.class)).isEqualTo(vault.url());
        assertThat(vault.requests()).isEmpty();
    }

    @Test
    void vaultDevServicesAreOffByDefault() {
        // From this library's META-INF/microprofile-config.properties: no service tries to start a Vault container.
        assertThat(config.getValue("quarkus.vault.devservices.enabled", Boolean.class)).isFalse();
    }
}
