package dev.bitbridge.testkit.vault;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a {@link VaultSimulator} with a KV version 2 engine at {@code secret} (as {@code vault server -dev} has) and
 * points quarkus-vault at it with token authentication. A test's field annotated {@link InjectVaultSimulator} gets the
 * simulator.
 */
public class VaultSimulatorResource implements QuarkusTestResourceLifecycleManager {

    /** The token the simulator accepts. */
    public static final String TOKEN = "simulator-root-token";

    private VaultSimulator simulator;

    @Override
    public Map<String, String> start() {
        simulator = new VaultSimulator(TOKEN, "secret");
        return Map.of(
                "quarkus.vault.url", simulator.url(),
                "quarkus.vault.authentication.client-token", TOKEN);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(simulator,
                new TestInjector.AnnotatedAndMatchesType(InjectVaultSimulator.class, VaultSimulator.class));
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
