package dev.bitbridge.trigger.branches;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A {@link ConnectorStub} for a {@code @QuarkusTest}: build-trigger is configured to ask it
 * ({@code bitbridge.trigger.connector.*}), and a test gets it in a field of type {@link ConnectorStub}.
 */
public class ConnectorStubResource implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "connector-admin-token-0123456789abcdef";

    private ConnectorStub stub;

    @Override
    public Map<String, String> start() {
        try {
            stub = new ConnectorStub(TOKEN);
        } catch (Exception e) {
            throw new IllegalStateException("The connector stub could not start", e);
        }
        return Map.of("bitbridge.trigger.connector.url", stub.url(), "bitbridge.trigger.connector.api-token", TOKEN);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(stub, new TestInjector.MatchesType(ConnectorStub.class));
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
