package dev.bitbridge.bench.trigger;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.bitbridge.testkit.ServiceJar;

/**
 * How the two services are started for a run: the packaged jars as child JVMs ({@link ServiceJar}) with what a run
 * needs — Kafka; for build-trigger its database, a fresh credential master key and admin token; for the analyzer an
 * admin token and an instance name (its transactional id) — and otherwise their defaults: the figures are those of
 * the configuration they ship with (tracking 2 s growing to 60 s, dispatch batch 50, poll interval 1 s).
 *
 * @param bootstrapServers Kafka
 * @param jdbcUrl build-trigger's database, for Flyway
 * @param reactiveUrl the same, for the service
 * @param analyzerToken the analyzer's admin token
 * @param triggerToken build-trigger's admin token
 * @param masterKey base64 of 32 bytes: build-trigger's credential store key
 */
public record ServiceSettings(String bootstrapServers, String jdbcUrl, String reactiveUrl, String analyzerToken,
        String triggerToken, String masterKey) {

    static final String KEY_ID = "bench";

    /** @return settings with fresh random keys */
    public static ServiceSettings of(String bootstrapServers, String jdbcUrl, String reactiveUrl) {
        SecureRandom random = new SecureRandom();
        return new ServiceSettings(bootstrapServers, jdbcUrl, reactiveUrl, HexFormat.of().formatHex(bytes(random, 24)),
                HexFormat.of().formatHex(bytes(random, 24)), Base64.getEncoder().encodeToString(bytes(random, 32)));
    }

    /** @return every configuration property passed to commit-analyzer */
    public Map<String, String> analyzerProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("kafka.bootstrap.servers", bootstrapServers);
        p.put("bitbridge.analyzer.api.admin-token", analyzerToken);
        p.put("bitbridge.analyzer.instance", "bench");
        return p;
    }

    /** @return every configuration property passed to build-trigger */
    public Map<String, String> triggerProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("kafka.bootstrap.servers", bootstrapServers);
        p.put("quarkus.datasource.jdbc.url", jdbcUrl);
        p.put("quarkus.datasource.reactive.url", reactiveUrl);
        p.put("quarkus.datasource.username", "postgres");
        p.put("quarkus.datasource.password", "postgres");
        p.put("bitbridge.credentials.master-keys." + KEY_ID, masterKey);
        p.put("bitbridge.credentials.active-master-key", KEY_ID);
        p.put("bitbridge.trigger.api.admin-token", triggerToken);
        return p;
    }

    /** @return how commit-analyzer is started */
    public ServiceJar.Builder analyzer(TriggerOptions options) {
        return builder(options.analyzerJar(), options.analyzerJvmArgs(), options.analyzerLog(), options.root(),
                analyzerProperties());
    }

    /** @return how build-trigger is started */
    public ServiceJar.Builder trigger(TriggerOptions options) {
        return builder(options.triggerJar(), options.triggerJvmArgs(), options.triggerLog(), options.root(),
                triggerProperties());
    }

    private static ServiceJar.Builder builder(Path jar, List<String> jvmArgs, Path log, Path root,
            Map<String, String> properties) {
        ServiceJar.Builder builder = ServiceJar.of(jar).directory(root).log(log);
        jvmArgs.forEach(builder::jvmOption);
        properties.forEach(builder::property);
        return builder;
    }

    private static byte[] bytes(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
