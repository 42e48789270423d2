package dev.bitbridge.analyzer.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** A configuration that could only fail later stops the analyzer at start, naming the key and never a secret. */
class StartupChecksTest {

    static final String ADMIN = "an-admin-token-of-at-least-32-characters";

    @Test
    void aCompleteConfigurationPasses() {
        assertThat(problems(Map.of())).isEmpty();
    }

    @Test
    void withoutAnAdminTokenNobodyCouldChangeTheRules() {
        Map<String, String> without = new HashMap<>();
        assertThat(problems(without, false)).singleElement().asString()
                .startsWith("bitbridge.analyzer.api.admin-token:").contains("branch rules");
    }

    @Test
    void aShortAdminTokenIsRefusedWithoutQuotingIt() {
        assertThat(problems(Map.of("bitbridge.analyzer.api.admin-token", "short-token"))).singleElement().asString()
                .contains("shorter than 32").doesNotContain("short-token");
    }

    @Test
    void theStallTimeoutMustLeaveRoomForRetries() {
        assertThat(problems(Map.of("bitbridge.analyzer.settings.stall-timeout", "PT3S"))).singleElement().asString()
                .startsWith("bitbridge.analyzer.settings.stall-timeout:");
    }

    private static List<String> problems(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(Map.of("bitbridge.analyzer.api.admin-token", ADMIN));
        all.putAll(overrides);
        return problems(all, false);
    }

    private static List<String> problems(Map<String, String> properties, boolean unused) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(AnalyzerConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return StartupChecks.check(config.getConfigMapping(AnalyzerConfig.class)).all();
    }
}
