package dev.bitbridge.credentials.vault;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.bitbridge.testkit.vault.VaultSimulator;

/** {@link VaultStoreContract} against the testkit's Vault simulator. */
class VaultSimulatorContractTest extends VaultStoreContract {

    private static VaultSimulator vault;

    @BeforeAll
    static void start() {
        vault = new VaultSimulator("root", "secret");
    }

    @AfterAll
    static void stop() {
        vault.close();
    }

    @Override
    String url() {
        return vault.url();
    }

    @Override
    String token() {
        return "root";
    }
}
