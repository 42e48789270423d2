package dev.bitbridge.ingress.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.smallrye.config.SmallRyeConfig;

import dev.bitbridge.platform.config.ConfigProblems;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformSettingsTest {

    private static final String CHANNEL = "mp.messaging.outgoing.raw-webhooks.";
    /** Stands for "remove this key from the baseline" in the tables below. */
    private static final String ABSENT = "<absent>";

    /** A configuration with no problem; each test changes what it is about. */
    private static Map<String, String> baseline() {
        return new HashMap<>(Map.of(
                CHANNEL + "max.block.ms", "1000",
                CHANNEL + "delivery.timeout.ms", "2500",
                CHANNEL + "max.request.size", "1114112",
                "quarkus.shutdown.timeout", "PT15S"));
    }

    private static List<String> problems(Map<String, String> properties, String... profiles) {
        SmallRyeConfig config = TestConfigs.config(properties, profiles);
        ConfigProblems problems = new ConfigProblems(StartupChecks.SUBJECT);
        PlatformSettings.check(config, config.getConfigMapping(IngressConfig.class), problems);
        return problems.all();
    }

    private static List<String> problemsWith(String... keysAndValues) {
        Map<String, String> properties = baseline();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1].equals(ABSENT)) {
                properties.remove(keysAndValues[i]);
            } else {
                properties.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return problems(properties);
    }

    private static List<String> keysAtFault(List<String> problems) {
        return problems.stream().map(p -> p.substring(0, p.indexOf(": "))).toList();
    }

    @ParameterizedTest(name = "max-body-size={0}, max.request.size={1}: problem={2}")
    @CsvSource({
            "1M, 1114112, false",
            "1M, 1048576, true",
            "1M, <absent>, true",
            "512K, <absent>, false",
            "2M, 2162688, false",
            "65M, 80000000, true" })
    void theProducerMustTakeARecordOfTheLargestBody(String maxBody, String maxRequest, boolean problem) {
        List<String> found = problemsWith("bitbridge.ingress.max-body-size", maxBody, CHANNEL + "max.request.size",
                maxRequest, "bitbridge.ingress.body-memory", "128M");

        if (problem) {
            assertThat(keysAtFault(found)).containsOnly("bitbridge.ingress.max-body-size");
        } else {
            assertThat(found).isEmpty();
        }
    }

    @Test
    void theBaselineHasNoProblem() {
        assertThat(problems(baseline())).isEmpty();
    }

    @ParameterizedTest(name = "{0} profile")
    @ValueSource(strings = { "prod", "test", "dev" })
    void theShippedApplicationPropertiesHaveNoProblem(String profile) throws IOException {
        Properties shipped = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            shipped.load(in);
        }
        Map<String, String> properties = new HashMap<>();
        shipped.stringPropertyNames().forEach(key -> properties.put(key, shipped.getProperty(key)));
        assertThat(properties).containsKeys(CHANNEL + "max.block.ms", CHANNEL + "delivery.timeout.ms",
                "quarkus.shutdown.timeout", "quarkus.http.access-log.pattern", "%test.quarkus.http.access-log.enabled");

        assertThat(problems(properties, profile)).isEmpty();
    }

    @ParameterizedTest(name = "max.block.ms={0} + delivery.timeout.ms={1} vs publish-timeout={2}: problem={3}")
    @CsvSource({
            "1000, 2500, PT4S, false",
            "1000, 2999, PT4S, false",
            "1000, 3000, PT4S, true",
            "2000, 2500, PT4S, true",
            "4000, 0, PT4S, true",
            "1000, 2500, PT3.5S, true",
            "1000, 2500, PT3.501S, false",
            "5000, 5000, PT11S, false" })
    void theProducerMustGiveUpBeforeThePublishTimeout(String maxBlock, String delivery, String publishTimeout,
            boolean problem) {
        List<String> problems = problemsWith(CHANNEL + "max.block.ms", maxBlock, CHANNEL + "delivery.timeout.ms",
                delivery, "bitbridge.ingress.publish-timeout", publishTimeout,
                "quarkus.shutdown.timeout", "PT30S");

        if (problem) {
            assertThat(problems).singleElement().asString()
                    .startsWith("bitbridge.ingress.publish-timeout: ")
                    .contains(maxBlock + " + " + delivery);
        } else {
            assertThat(problems).isEmpty();
        }
    }

    @ParameterizedTest(name = "kafka.max.block.ms={0}, channel {1}: problem={2}")
    @CsvSource({
            "1000, <absent>, false",
            "1499, <absent>, false",
            "1500, <absent>, true",
            "60000, 1000, false",
            "500, 2000, true" })
    void maxBlockFallsBackToTheKafkaDefaultsOfTheApplication(String kafka, String channel, boolean problem) {
        List<String> problems = problemsWith("kafka.max.block.ms", kafka, CHANNEL + "max.block.ms", channel);

        assertThat(keysAtFault(problems)).isEqualTo(problem ? List.of("bitbridge.ingress.publish-timeout") : List.of());
    }

    @ParameterizedTest(name = "kafka.delivery.timeout.ms={0}, channel {1}: problem={2}")
    @CsvSource({
            "2500, <absent>, false",
            "3000, <absent>, true",
            "120000, 2500, false",
            "100, 3000, true" })
    void deliveryTimeoutFallsBackToTheKafkaDefaultsOfTheApplication(String kafka, String channel, boolean problem) {
        List<String> problems = problemsWith("kafka.delivery.timeout.ms", kafka, CHANNEL + "delivery.timeout.ms",
                channel);

        assertThat(keysAtFault(problems)).isEqualTo(problem ? List.of("bitbridge.ingress.publish-timeout") : List.of());
    }

    @Test
    void withoutAnyProducerTimeoutKafkasOwnDefaultsCount() {
        List<String> problems = problemsWith(CHANNEL + "max.block.ms", ABSENT, CHANNEL + "delivery.timeout.ms", ABSENT);

        assertThat(problems).singleElement().asString()
                .startsWith("bitbridge.ingress.publish-timeout: ")
                .contains("60000 + 120000");
    }

    @ParameterizedTest(name = "shutdown {0}, body-timeout {1}: problem={2}")
    @CsvSource({
            "PT15S, PT5S, false",
            "15S, PT5S, false",
            "PT9.001S, PT5S, false",
            "PT9S, PT5S, true",
            "PT5S, PT5S, true",
            "PT0S, PT5S, true",
            "<absent>, PT5S, true",
            "PT15S, PT11S, true",
            "PT15S, PT10.999S, false" })
    void shutdownMustOutlastTheLongestDelivery(String shutdown, String bodyTimeout, boolean problem) {
        List<String> problems = problemsWith("quarkus.shutdown.timeout", shutdown, "bitbridge.ingress.body-timeout",
                bodyTimeout);

        assertThat(keysAtFault(problems)).isEqualTo(problem ? List.of("quarkus.shutdown.timeout") : List.of());
    }

    @ParameterizedTest(name = "enabled={0}, pattern={1}: problem={2}")
    @CsvSource(delimiter = '|', value = {
            "true | common | true",
            "true | combined | true",
            "true | <absent> | true",
            "true | %h %U %s | true",
            "true | %h %t \"%m %R %H\" %s %b %D | false",
            "false | common | false",
            "<absent> | common | false",
            "<absent> | <absent> | false" })
    void anEnabledAccessLogMustNotLogTokens(String enabled, String pattern, boolean problem) {
        List<String> problems = problemsWith("quarkus.http.access-log.enabled", enabled,
                "quarkus.http.access-log.pattern", pattern);

        assertThat(keysAtFault(problems)).isEqualTo(problem ? List.of("quarkus.http.access-log.pattern") : List.of());
    }

    @ParameterizedTest(name = "body-memory {0}, max-body-size {1}: problem={2}")
    @CsvSource({ "32M, 1M, false", "1M, 1M, false", "1023K, 1M, true", "1M, 2M, true", "100, 101, true" })
    void bodyMemoryMustHoldTheLargestBody(String bodyMemory, String maxBodySize, boolean problem) {
        List<String> problems = problemsWith("bitbridge.ingress.body-memory", bodyMemory,
                "bitbridge.ingress.max-body-size", maxBodySize, CHANNEL + "max.request.size", "4194304");

        assertThat(keysAtFault(problems)).isEqualTo(problem ? List.of("bitbridge.ingress.body-memory") : List.of());
    }

    @ParameterizedTest(name = "stall-timeout {0}: problem={1}")
    @CsvSource({ "PT30S, false", "PT15S, false", "PT14.999S, true", "PT1S, true", "PT0S, true" })
    void theStallTimeoutMustOutlastAReadersKafkaCalls(String stallTimeout, boolean problem) {
        List<String> problems = problemsWith("bitbridge.ingress.stall-timeout", stallTimeout);

        assertThat(keysAtFault(problems)).isEqualTo(problem ? List.of("bitbridge.ingress.stall-timeout") : List.of());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "bitbridge.ingress.duplicate-capacity, 0",
            "bitbridge.ingress.duplicate-capacity, -5",
            "bitbridge.ingress.duplicate-window, PT0S",
            "bitbridge.ingress.duplicate-window, -PT1H",
            "bitbridge.ingress.retry-after-seconds, -1",
            "bitbridge.ingress.refusals.rate, 0",
            "bitbridge.ingress.refusals.rate, -1",
            "bitbridge.ingress.refusals.rate, NaN",
            "bitbridge.ingress.refusals.rate, Infinity",
            "bitbridge.ingress.refusals.burst, 0",
            "bitbridge.ingress.refusals.tracked-integrations, 0",
            "bitbridge.ingress.refusals.max-in-flight, 0",
            "bitbridge.ingress.refusals.max-in-flight, 1025" })
    void limitsThatCannotWorkAreProblems(String key, String value) {
        assertThat(keysAtFault(problemsWith(key, value))).containsExactly(key);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "bitbridge.ingress.duplicate-capacity, 1",
            "bitbridge.ingress.duplicate-window, PT0.001S",
            "bitbridge.ingress.retry-after-seconds, 0",
            "bitbridge.ingress.refusals.rate, 0.001",
            "bitbridge.ingress.refusals.burst, 1",
            "bitbridge.ingress.refusals.tracked-integrations, 1",
            "bitbridge.ingress.refusals.max-in-flight, 1",
            "bitbridge.ingress.refusals.max-in-flight, 1024" })
    void theSmallestWorkableLimitsAreNoProblem(String key, String value) {
        assertThat(problemsWith(key, value)).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<String> problems = problemsWith(CHANNEL + "max.block.ms", ABSENT, "quarkus.shutdown.timeout", ABSENT,
                "quarkus.http.access-log.enabled", "true", "bitbridge.ingress.body-memory", "1K",
                "bitbridge.ingress.stall-timeout", "PT1S");

        assertThat(keysAtFault(problems)).containsExactlyInAnyOrder("bitbridge.ingress.publish-timeout",
                "quarkus.shutdown.timeout", "quarkus.http.access-log.pattern", "bitbridge.ingress.body-memory",
                "bitbridge.ingress.stall-timeout");
    }
}
