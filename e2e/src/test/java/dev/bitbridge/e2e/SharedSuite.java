package dev.bitbridge.e2e;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
import dev.bitbridge.testkit.bitbucket.Flavor;
import dev.bitbridge.testkit.suite.LaunchedSuite;

/**
 * One launched suite for every end-to-end class of a run: starting Kafka, PostgreSQL and five services takes most of a
 * minute, so classes share it, each with an integration of its own. JUnit closes it once every class has run.
 * Use: {@code @ExtendWith(SharedSuite.class)}, then {@link #suite()}.
 * <p>
 * The connector has one Bitbucket Cloud API URL for all its integrations, fixed when it starts; the launcher leaves it
 * at bitbucket.org. So one Bitbucket Cloud simulator ({@link #cloud()}) starts before the suite, which gets its API and
 * OAuth URLs in the environment (as {@code BitbucketCloudResource} gives them to a {@code @QuarkusTest}), and closes
 * after it. Classes using it keep to repositories and credentials of their own.
 */
final class SharedSuite implements BeforeAllCallback {

    private static final String KEY = "bitbridge-launched-suite";
    private static volatile LaunchedSuite suite;
    private static volatile BitbucketSimulator cloud;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(KEY, key -> {
            try {
                Path repository = Path.of(System.getProperty("bitbridge.repository", "..")).toAbsolutePath()
                        .normalize();
                cloud = BitbucketSimulator.start(Flavor.CLOUD, 0, false);
                suite = LaunchedSuite.start(repository, repository.resolve("e2e/target/suite-"
                        + System.currentTimeMillis()), cloudEnvironment(cloud));
            } catch (Exception e) {
                if (cloud != null) {
                    cloud.close();
                }
                throw new IllegalStateException("The suite did not start: " + e.getMessage(), e);
            }
            return (ExtensionContext.Store.CloseableResource) () -> {
                try {
                    suite.close();
                } finally {
                    cloud.close();
                }
            };
        });
    }

    /** The connector's settings for a Cloud simulator, as environment variables the launched services inherit. */
    private static Map<String, String> cloudEnvironment(BitbucketSimulator cloud) {
        String oauth = cloud.tokenUrl().substring(0, cloud.tokenUrl().lastIndexOf('/'));
        return Map.of("BITBRIDGE_CONNECTOR_BITBUCKET_CLOUD_API_URL", cloud.baseUrl(),
                "BITBRIDGE_CONNECTOR_BITBUCKET_CLOUD_OAUTH_URL", oauth);
    }

    /** @return the Bitbucket Cloud simulator the connector's Cloud integrations talk to, once the suite started */
    static BitbucketSimulator cloud() {
        return cloud;
    }

    /** @return the suite, once {@link #beforeAll} started it */
    static LaunchedSuite suite() {
        return suite;
    }
}
