package dev.bitbridge.ingress.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * Builds configuration from plain properties for unit tests, with the converters Quarkus registers for the types
 * {@link IngressConfig} uses. Map keys holding dots are quoted, as SmallRye Config spells them:
 * {@code bitbridge.ingress.integrations."acme.cloud".flavor}.
 */
public final class TestConfigs {

    private TestConfigs() {
    }

    /**
     * @param properties the configuration
     * @param profiles active profiles, e.g. {@code test} for the {@code %test.} keys
     * @return all configuration, with {@link IngressConfig} mapped
     */
    public static SmallRyeConfig config(Map<String, String> properties, String... profiles) {
        return builder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withProfiles(List.of(profiles))
                .build();
    }

    /** @return a builder with {@link IngressConfig} mapped and Quarkus's converters, to add sources to */
    public static SmallRyeConfigBuilder builder() {
        return new SmallRyeConfigBuilder()
                .withMapping(IngressConfig.class)
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withConverter(Duration.class, 100, new DurationConverter())
                .withConverter(BitbucketFlavor.class, 100, BitbucketFlavor::of);
    }

    /** @return the ingress configuration from {@code properties} */
    public static IngressConfig ingress(Map<String, String> properties) {
        return config(properties).getConfigMapping(IngressConfig.class);
    }
}
