package dev.bitbridge.e2e;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.bitbridge.testkit.suite.LaunchedSuite;

/**
 * One launched suite for every end-to-end class of a run: starting Kafka, PostgreSQL and five services takes most of a
 * minute, so classes share it, each with an integration of its own. JUnit closes it once every class has run.
 * Use: {@code @ExtendWith(SharedSuite.class)}, then {@link #suite()}.
 */
final class SharedSuite implements BeforeAllCallback {

    private static final String KEY = "bitbridge-launched-suite";
    private static volatile LaunchedSuite suite;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(KEY, key -> {
            try {
                Path repository = Path.of(System.getProperty("bitbridge.repository", "..")).toAbsolutePath()
                        .normalize();
                suite = LaunchedSuite.start(repository, repository.resolve("e2e/target/suite-"
                        + System.currentTimeMillis()));
            } catch (Exception e) {
                throw new IllegalStateException("The suite did not start: " + e.getMessage(), e);
            }
            return (ExtensionContext.Store.CloseableResource) () -> suite.close();
        });
    }

    /** @return the suite, once {@link #beforeAll} started it */
    static LaunchedSuite suite() {
        return suite;
    }
}
