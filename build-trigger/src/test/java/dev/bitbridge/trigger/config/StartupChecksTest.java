package dev.bitbridge.trigger.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** A configuration that could only fail later stops build-trigger at start, naming the key and never a secret. */
class StartupChecksTest {

    static final String ADMIN = "an-admin-token-of-at-least-32-characters";

    @Test
    void aCompleteConfigurationPasses() {
        assertThat(problems(Map.of())).isEmpty();
    }

    @Test
    void anAdminTokenIsRequiredAndLongEnough() {
        assertThat(problems(new HashMap<>(), false)).singleElement().asString()
                .startsWith("bitbridge.trigger.api.admin-token:");
        assertThat(problems(Map.of("bitbridge.trigger.api.admin-token", "short-token"))).singleElement().asString()
                .contains("shorter than 32").doesNotContain("short-token");
    }

    @Test
    void recoveryMustWaitLongerThanACallMayTake() {
        assertThat(problems(Map.of("bitbridge.trigger.dispatch.recover-after", "PT5S",
                "bitbridge.trigger.dispatch.request-timeout", "PT10S"))).singleElement().asString()
                .startsWith("bitbridge.trigger.dispatch.recover-after:");
    }

    @Test
    void aPassTakesAtLeastOneBuild() {
        assertThat(problems(Map.of("bitbridge.trigger.dispatch.batch-size", "0"))).singleElement().asString()
                .startsWith("bitbridge.trigger.dispatch.batch-size:");
    }

    @Test
    void theTargetCacheTtlMayBeZeroButNotNegative() {
        assertThat(problems(Map.of("bitbridge.trigger.dispatch.target-cache-ttl", "-PT1S"))).singleElement()
                .asString().startsWith("bitbridge.trigger.dispatch.target-cache-ttl:");
        assertThat(problems(Map.of("bitbridge.trigger.dispatch.target-cache-ttl", "PT0S"))).isEmpty();
    }

    @Test
    void aConnectorNeedsAnAbsoluteUrlAndItsToken() {
        assertThat(problems(Map.of("bitbridge.trigger.connector.url", "http://localhost:8081",
                "bitbridge.trigger.connector.api-token", ADMIN))).isEmpty();
        assertThat(problems(Map.of("bitbridge.trigger.connector.url", "http://localhost:8081"))).singleElement()
                .asString().startsWith("bitbridge.trigger.connector.api-token:");
        assertThat(problems(Map.of("bitbridge.trigger.connector.url", "localhost:8081",
                "bitbridge.trigger.connector.api-token", ADMIN))).singleElement().asString()
                .startsWith("bitbridge.trigger.connector.url:");
    }

    @Test
    void schedulesArePolledAtLeastEverySecondAndInBatchesOfOneOrMore() {
        assertThat(problems(Map.of("bitbridge.trigger.schedules.poll-interval", "PT0.5S"))).singleElement()
                .asString().startsWith("bitbridge.trigger.schedules.poll-interval:");
        assertThat(problems(Map.of("bitbridge.trigger.schedules.batch-size", "0"))).singleElement().asString()
                .startsWith("bitbridge.trigger.schedules.batch-size:");
    }

    @Test
    void aScheduleMayNotFireMoreOftenThanEverySecond() {
        assertThat(problems(Map.of("bitbridge.trigger.schedules.min-interval", "PT1S"))).isEmpty();
        assertThat(problems(Map.of("bitbridge.trigger.schedules.min-interval", "PT0.5S"))).singleElement()
                .asString().startsWith("bitbridge.trigger.schedules.min-interval:");
    }

    @Test
    void aSlotIsOnTimeLongerThanAPollTakesAndNeverTooOldWhileOnTime() {
        assertThat(problems(Map.of("bitbridge.trigger.schedules.late-after", "PT1S"))).singleElement().asString()
                .startsWith("bitbridge.trigger.schedules.late-after:").contains("poll-interval");
        assertThat(problems(Map.of("bitbridge.trigger.schedules.catch-up-window", "PT1M"))).singleElement()
                .asString().startsWith("bitbridge.trigger.schedules.catch-up-window:").contains("PT2M");
        assertThat(problems(Map.of("bitbridge.trigger.schedules.catch-up-window", "PT0S",
                "bitbridge.trigger.schedules.late-after", "PT0S"))).extracting(p -> p.substring(0, p.indexOf(':')))
                .containsExactly("bitbridge.trigger.schedules.late-after");
    }

    @Test
    void theConnectorBackoffIsPositiveAndBounded() {
        assertThat(problems(Map.of("bitbridge.trigger.schedules.backoff", "PT0S"))).singleElement().asString()
                .startsWith("bitbridge.trigger.schedules.backoff:");
        assertThat(problems(Map.of("bitbridge.trigger.schedules.backoff", "PT1M",
                "bitbridge.trigger.schedules.max-backoff", "PT30S"))).singleElement().asString()
                .startsWith("bitbridge.trigger.schedules.max-backoff:");
    }

    private static List<String> problems(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(Map.of("bitbridge.trigger.api.admin-token", ADMIN));
        all.putAll(overrides);
        return problems(all, false);
    }

    private static List<String> problems(Map<String, String> properties, boolean unused) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(TriggerConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return StartupChecks.check(config.getConfigMapping(TriggerConfig.class)).all();
    }
}
