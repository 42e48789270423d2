package dev.bitbridge.ingress.config;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.smallrye.config.EnvConfigSource;

import dev.bitbridge.platform.config.ConfigProblems;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentNamesTest {

    private static final String SECRET_VALUE = "s3cr3t-token-value-9f8e7d";

    private static ConfigProblems check(Map<String, String> environment) {
        ConfigProblems problems = new ConfigProblems(StartupChecks.SUBJECT);
        EnvironmentNames.check(environment, problems);
        return problems;
    }

    private static ConfigProblems check(String variable) {
        return check(Map.of(variable, SECRET_VALUE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_FLAVOR",
            "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_ENABLED",
            "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_TOKEN",
            "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_TOKEN_HASH",
            "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_SECRET",
            "BITBRIDGE_INGRESS_INTEGRATIONS_ACME2_FLAVOR",
            "BITBRIDGE_INGRESS_INTEGRATIONS__ACME_CLOUD__FLAVOR",
            "BITBRIDGE_INGRESS_INTEGRATIONS__ACME_CLOUD__TOKEN_HASH",
            "BITBRIDGE_INGRESS_INTEGRATIONS__ACME__FLAVOR",
            "BITBRIDGE_INGRESS_INTEGRATIONS__A_B_C__SECRET",
            "BITBRIDGE_INGRESS_SEALING_KEYS_LOCAL",
            "BITBRIDGE_INGRESS_SEALING_KEYS_KEY2026",
            "BITBRIDGE_INGRESS_SEALING_KEYS__KEY_2026__",
            "PATH",
            "HOME",
            "BITBRIDGE_INGRESS_MAX_BODY_SIZE",
            "BITBRIDGE_INGRESS_DUPLICATE_WINDOW",
            "QUARKUS_HTTP_PORT" })
    void variablesTheConfigurationReadsOrDoesNotConcernArePassed(String variable) {
        assertThat(check(variable).all()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_CLOUD_FLAVOR, BITBRIDGE_INGRESS_INTEGRATIONS__ACME_CLOUD__FLAVOR, acme-cloud",
            "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_CLOUD_TOKEN_HASH, BITBRIDGE_INGRESS_INTEGRATIONS__ACME_CLOUD__TOKEN_HASH, acme-cloud",
            "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_CLOUD_TOKEN, BITBRIDGE_INGRESS_INTEGRATIONS__ACME_CLOUD__TOKEN, acme-cloud",
            "BITBRIDGE_INGRESS_INTEGRATIONS_A_B_C_SECRET, BITBRIDGE_INGRESS_INTEGRATIONS__A_B_C__SECRET, a-b-c",
            "BITBRIDGE_INGRESS_INTEGRATIONS_X_1_ENABLED, BITBRIDGE_INGRESS_INTEGRATIONS__X_1__ENABLED, x-1",
            "BITBRIDGE_INGRESS_INTEGRATIONS___ACME__FLAVOR, BITBRIDGE_INGRESS_INTEGRATIONS__ACME__FLAVOR, acme",
            "BITBRIDGE_INGRESS_SEALING_KEYS_KEY_2026, BITBRIDGE_INGRESS_SEALING_KEYS__KEY_2026__, key-2026",
            "BITBRIDGE_INGRESS_SEALING_KEYS__KEY_2026, BITBRIDGE_INGRESS_SEALING_KEYS__KEY_2026__, key-2026",
            "BITBRIDGE_INGRESS_SEALING_KEYS_KEY_2026__, BITBRIDGE_INGRESS_SEALING_KEYS__KEY_2026__, key-2026" })
    void anIgnoredVariableIsReportedWithItsRightSpelling(String variable, String rightSpelling, String name) {
        assertThat(check(variable).all()).singleElement().asString()
                .startsWith(variable + ": ")
                .contains("e.g. " + rightSpelling + " ")
                .contains("'" + name + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_COLOR",
            "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_HASH",
            "BITBRIDGE_INGRESS_INTEGRATIONS_ACME",
            "BITBRIDGE_INGRESS_INTEGRATIONS_FLAVOR",
            "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_FLAVOUR",
            "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_flavor",
            "BITBRIDGE_INGRESS_INTEGRATIONS__ACME_CLOUD_FLAVOR" })
    void aVariableThatIsNoSettingOfAnIntegrationIsReported(String variable) {
        assertThat(check(variable).all()).singleElement().asString()
                .startsWith(variable + ": ")
                .contains("is not a setting of a declared integration")
                .contains("_FLAVOR, _ENABLED, _TOKEN, _TOKEN_HASH or _SECRET");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "BITBRIDGE_INGRESS_INTEGRATIONS___FLAVOR",
            "BITBRIDGE_INGRESS_INTEGRATIONS___TOKEN_HASH",
            "BITBRIDGE_INGRESS_INTEGRATIONS____FLAVOR",
            "BITBRIDGE_INGRESS_SEALING_KEYS_",
            "BITBRIDGE_INGRESS_SEALING_KEYS___" })
    void aVariableThatNamesNothingIsReportedRatherThanCrashingTheCheck(String variable) {
        assertThat(check(variable).all()).singleElement().asString().startsWith(variable + ": ");
    }

    @Test
    void everyWrongVariableIsReportedOnceInNameOrder() {
        Map<String, String> environment = new TreeMap<>(Map.of(
                "PATH", "/usr/bin",
                "BITBRIDGE_INGRESS_SEALING_KEYS_KEY_2026", SECRET_VALUE,
                "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_CLOUD_TOKEN", SECRET_VALUE,
                "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_TOKEN", SECRET_VALUE,
                "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_COLOR", "blue"));

        assertThat(check(environment).all()).extracting(p -> p.substring(0, p.indexOf(':')))
                .containsExactly("BITBRIDGE_INGRESS_INTEGRATIONS_ACME_CLOUD_TOKEN",
                        "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_COLOR",
                        "BITBRIDGE_INGRESS_SEALING_KEYS_KEY_2026");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_CLOUD_TOKEN",
            "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_CLOUD_SECRET",
            "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_COLOR",
            "BITBRIDGE_INGRESS_INTEGRATIONS___FLAVOR",
            "BITBRIDGE_INGRESS_SEALING_KEYS_KEY_2026" })
    void messagesNeverContainTheValue(String variable) {
        ConfigProblems problems = check(variable);

        assertThat(problems.all()).isNotEmpty().noneMatch(p -> p.contains(SECRET_VALUE));
    }

    /**
     * The premise of the check: what it passes, SmallRye Config reads; what it reports, SmallRye Config silently
     * ignores. Should a SmallRye upgrade change how environment variables map to keys, this says so.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_FLAVOR, integration acme",
            "BITBRIDGE_INGRESS_INTEGRATIONS__ACME_CLOUD__FLAVOR, integration acme.cloud",
            "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_CLOUD_FLAVOR, nothing",
            "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_COLOR, nothing",
            "BITBRIDGE_INGRESS_SEALING_KEYS_LOCAL, key local",
            "BITBRIDGE_INGRESS_SEALING_KEYS__KEY_2026__, key key.2026",
            "BITBRIDGE_INGRESS_SEALING_KEYS_KEY_2026, nothing",
            "BITBRIDGE_INGRESS_SEALING_KEYS__KEY_2026, nothing" })
    void passedExactlyWhenSmallRyeConfigReadsIt(String variable, String read) {
        IngressConfig config = TestConfigs.builder()
                .withSources(new EnvConfigSource(Map.of(variable, "cloud"), 300))
                .build()
                .getConfigMapping(IngressConfig.class);
        String actual = !config.integrations().isEmpty() ? "integration " + String.join(",", config.integrations().keySet())
                : !config.sealingKeys().isEmpty() ? "key " + String.join(",", config.sealingKeys().keySet())
                        : "nothing";

        assertThat(actual).isEqualTo(read);
        assertThat(check(variable).all().isEmpty()).isEqualTo(!read.equals("nothing"));
    }
}
