package dev.bitbridge.reporter.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A {@link ConnectorStatusStub} for a {@code @QuarkusTest}: status-reporter is configured to post through it
 * ({@code bitbridge.reporter.connector.*}), and a test gets it in a field of type {@link ConnectorStatusStub}.
 */
public class ConnectorStatusStubResource implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "connector-admin-token-0123456789abcdef";

    private ConnectorStatusStub stub;

    @Override
    public Map<String, String> start() {
        try {
            stub = new ConnectorStatusStub(TOKEN);
        } catch (Exception e) {
            throw new IllegalStateException("The connector stub could not start", e);
        }
        return Map.of("bitbridge.reporter.connector.url", stub.url(), "bitbridge.reporter.connector.api-token",
                TOKEN);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(stub, new TestInjector.MatchesType(ConnectorStatusStub.class));
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
