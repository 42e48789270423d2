package dev.bitbridge.credentials.vault;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.vault.VaultContainer;

/**
 * {@link VaultStoreContract} against a real Vault in dev mode (KV v2 at {@code secret}). Needs a Docker engine; without
 * one the class is reported as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class RealVaultContractTest extends VaultStoreContract {

    private static final String TOKEN = "contract-root-token";

    @Container
    static final VaultContainer<?> VAULT = new VaultContainer<>("hashicorp/vault:1.19.0").withVaultToken(TOKEN);

    @Override
    String url() {
        return VAULT.getHttpHostAddress();
    }

    @Override
    String token() {
        return TOKEN;
    }
}
