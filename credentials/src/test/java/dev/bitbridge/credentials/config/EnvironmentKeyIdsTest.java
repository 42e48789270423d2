package dev.bitbridge.credentials.config;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.bitbridge.platform.config.ConfigProblems;

import static org.assertj.core.api.Assertions.assertThat;

/** Master keys given as environment variables, as a Kubernetes Secret usually provides them. */
class EnvironmentKeyIdsTest {

    private static final String KEY = "Gm0n4rJ2cT9yq0sUVq2wGJ0xq3Yv1m7jUO7bq5m2Vv8=";

    @Test
    void aHyphenatedKeyIdIsWrittenWithUnderscoresBetweenDoubleUnderscores() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(CredentialsConfig.class)
                .withSources(new EnvConfigSource(Map.of(
                        "BITBRIDGE_CREDENTIALS_MASTER_KEYS__K_2026__", KEY,
                        "BITBRIDGE_CREDENTIALS_ACTIVE_MASTER_KEY", "k-2026"), 300))
                .build();

        ConfigProblems problems = CredentialsStartupCheck.problems(config.getConfigMapping(CredentialsConfig.class),
                Optional.empty());

        assertThat(problems.all()).isEmpty();
    }
}
