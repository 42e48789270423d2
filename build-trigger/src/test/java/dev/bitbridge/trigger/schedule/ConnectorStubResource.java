package dev.bitbridge.trigger.schedule;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import dev.bitbridge.trigger.branches.ConnectorStub;

/** A connector stub for a {@code @QuarkusTest}: build-trigger is pointed at it, and the test gets it in a field. */
public class ConnectorStubResource implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "connector-admin-token-0123456789abcdef";

    private ConnectorStub stub;

    @Override
    public Map<String, String> start() {
        try {
            stub = new ConnectorStub(TOKEN);
        } catch (Exception e) {
            throw new IllegalStateException("The connector stub did not start", e);
        }
        return Map.of("bitbridge.trigger.connector.url", stub.url(), "bitbridge.trigger.connector.api-token", TOKEN);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(stub, new TestInjector.AnnotatedAndMatchesType(InjectConnector.class,
                ConnectorStub.class));
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
