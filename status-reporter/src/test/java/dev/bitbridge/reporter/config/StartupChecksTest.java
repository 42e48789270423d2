package dev.bitbridge.reporter.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** A configuration that could only fail later stops status-reporter at start, naming the key and never a secret. */
class StartupChecksTest {

    static final String ADMIN = "an-admin-token-of-at-least-32-characters";

    @Test
    void aCompleteConfigurationPasses() {
        assertThat(problems(Map.of())).isEmpty();
    }

    @Test
    void theConnectorIsRequiredWithItsToken() {
        Map<String, String> none = new HashMap<>(Map.of("bitbridge.reporter.api.admin-token", ADMIN));
        assertThat(keys(problems(none, false))).containsExactly("bitbridge.reporter.connector.url",
                "bitbridge.reporter.connector.api-token");
        assertThat(keys(problems(Map.of("bitbridge.reporter.connector.url", "localhost:8081"))))
                .containsExactly("bitbridge.reporter.connector.url");
    }

    @Test
    void anAdminTokenIsLongEnoughAndNeverQuoted() {
        assertThat(problems(Map.of("bitbridge.reporter.api.admin-token", "short-token"))).singleElement().asString()
                .startsWith("bitbridge.reporter.api.admin-token:").doesNotContain("short-token");
    }

    @Test
    void aLeaseOutlastsAPostAndBackoffsAreOrdered() {
        assertThat(keys(problems(Map.of("bitbridge.reporter.post.lease", "PT10S",
                "bitbridge.reporter.connector.request-timeout", "PT15S"))))
                .containsExactly("bitbridge.reporter.post.lease");
        assertThat(keys(problems(Map.of("bitbridge.reporter.retry.initial-backoff", "PT0S"))))
                .containsExactly("bitbridge.reporter.retry.initial-backoff");
        assertThat(keys(problems(Map.of("bitbridge.reporter.retry.max-backoff", "PT1S"))))
                .containsExactly("bitbridge.reporter.retry.max-backoff");
        assertThat(keys(problems(Map.of("bitbridge.reporter.retry.give-up-after", "PT1M"))))
                .containsExactly("bitbridge.reporter.retry.give-up-after");
        assertThat(keys(problems(Map.of("bitbridge.reporter.post.batch-size", "0"))))
                .containsExactly("bitbridge.reporter.post.batch-size");
    }

    @Test
    void theBuildPageIsAnAbsoluteUrl() {
        assertThat(keys(problems(Map.of("bitbridge.reporter.links.build-page", "builds/{requestId}"))))
                .containsExactly("bitbridge.reporter.links.build-page");
    }

    private static List<String> keys(List<String> problems) {
        return problems.stream().map(p -> p.substring(0, p.indexOf(':'))).toList();
    }

    private static List<String> problems(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(Map.of("bitbridge.reporter.api.admin-token", ADMIN,
                "bitbridge.reporter.connector.url", "http://localhost:8081", "bitbridge.reporter.connector.api-token",
                ADMIN));
        all.putAll(overrides);
        return problems(all, false);
    }

    private static List<String> problems(Map<String, String> properties, boolean unused) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(ReporterConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return StartupChecks.check(config.getConfigMapping(ReporterConfig.class)).all();
    }
}
