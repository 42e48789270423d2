package dev.bitbridge.connector.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** A configuration that could only fail later stops the service at start, naming the key and never a secret. */
class StartupChecksTest {

    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String ADMIN = "an-admin-token-of-at-least-32-characters";

    @Test
    void aCompleteConfigurationPasses() {
        assertThat(problems(Map.of())).isEmpty();
    }

    @Test
    void aSealingKeyIdThatNamesNoKeyIsNamed() {
        assertThat(problems(Map.of("bitbridge.connector.sealing-key-id", "other")))
                .singleElement().asString().startsWith("bitbridge.connector.sealing-key-id:").contains("[k1]");
    }

    @Test
    void aMalformedSealingKeyIsNamedWithoutItsValue() {
        List<String> problems = problems(Map.of("bitbridge.connector.sealing-keys.k1", "c2hvcnQ="));
        assertThat(problems).singleElement().asString().contains("k1").doesNotContain("c2hvcnQ=");
    }

    @Test
    void withoutAdminTokenOrOidcNobodyCouldUseTheApi() {
        Map<String, String> without = new HashMap<>(base());
        without.remove("bitbridge.connector.api.admin-token");
        assertThat(problems(without, false)).singleElement().asString()
                .startsWith("bitbridge.connector.api.admin-token:").contains("OIDC");
        without.put("quarkus.oidc.auth-server-url", "https://issuer.example.com/realms/x");
        assertThat(problems(without, false)).isEmpty();
    }

    @Test
    void aShortAdminTokenIsRefusedWithoutQuotingIt() {
        assertThat(problems(Map.of("bitbridge.connector.api.admin-token", "short-token")))
                .singleElement().asString().contains("shorter than 32").doesNotContain("short-token");
    }

    @Test
    void theWebhookBaseUrlMustBeAnAbsoluteUrlWithoutQuery() {
        for (String bad : List.of("hooks.example.com", "ftp://hooks.example.com", "https://hooks.example.com/?t=1",
                "https://exa mple.com")) {
            assertThat(problems(Map.of("bitbridge.connector.webhook-base-url", bad))).as(bad)
                    .singleElement().asString().startsWith("bitbridge.connector.webhook-base-url:");
        }
    }

    @Test
    void enrichmentNeedsAtLeastOneFileCallAndNoNegativeCacheTime() {
        assertThat(problems(Map.of("bitbridge.connector.enrichment.concurrent-file-calls", "0")))
                .singleElement().asString().startsWith("bitbridge.connector.enrichment.concurrent-file-calls:")
                .contains("at least 1");
        assertThat(problems(Map.of("bitbridge.connector.enrichment.access-cache-ttl", "-PT1S")))
                .singleElement().asString().startsWith("bitbridge.connector.enrichment.access-cache-ttl:");
        assertThat(problems(Map.of("bitbridge.connector.enrichment.access-cache-ttl", "PT0S"))).isEmpty();
    }

    private static Map<String, String> base() {
        return Map.of("bitbridge.connector.sealing-keys.k1", KEY, "bitbridge.connector.sealing-key-id", "k1",
                "bitbridge.connector.api.admin-token", ADMIN);
    }

    private static List<String> problems(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(base());
        all.putAll(overrides);
        return problems(all, false);
    }

    private static List<String> problems(Map<String, String> properties, boolean unused) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(ConnectorConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return StartupChecks.check(config.getConfigMapping(ConnectorConfig.class), config).all();
    }
}
