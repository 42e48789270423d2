package dev.bitbridge.testkit.bitbucket;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A Bitbucket Cloud simulator for a {@code @QuarkusTest}, which the service reaches through
 * {@code bitbridge.connector.bitbucket.cloud-api-url} and {@code cloud-oauth-url}. The test gets it in a field marked
 * {@link InjectBitbucket}.
 */
public class BitbucketCloudResource implements QuarkusTestResourceLifecycleManager {

    private BitbucketSimulator simulator;

    @Override
    public Map<String, String> start() {
        simulator = BitbucketSimulator.cloud();
        String oauth = simulator.tokenUrl().substring(0, simulator.tokenUrl().lastIndexOf('/'));
        return Map.of(
                "bitbridge.connector.bitbucket.cloud-api-url", simulator.baseUrl(),
                "bitbridge.connector.bitbucket.cloud-oauth-url", oauth);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(simulator,
                new TestInjector.AnnotatedAndMatchesType(InjectBitbucket.class, BitbucketSimulator.class));
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
