package dev.bitbridge.bench.connector;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.bitbridge.testkit.ServiceJar;

/**
 * How the connector is started for a run: the packaged jar as a child JVM ({@link ServiceJar}) with what a run needs
 * — Kafka, the database, the Bitbucket Cloud simulator as Cloud's API, fresh sealing, master and admin keys — and two
 * settings that keep the measurement about enrichment: a per-credential API budget too large to defer any file list
 * (the simulator does not rate-limit an API token, so Bitbucket's own 1,000 per hour would otherwise defer files after
 * the first few hundred pushes), and no scheduled hook check during the run.
 *
 * @param bootstrapServers Kafka
 * @param jdbcUrl the database, for Flyway
 * @param reactiveUrl the database, for the service
 * @param cloudApiUrl the simulator's API base, e.g. {@code http://127.0.0.1:1234/2.0}
 * @param cloudOauthUrl the simulator's OAuth endpoints
 * @param adminToken the API's admin token
 * @param sealingKey base64 of 32 bytes
 * @param masterKey base64 of 32 bytes
 */
public record ConnectorSettings(String bootstrapServers, String jdbcUrl, String reactiveUrl, String cloudApiUrl,
        String cloudOauthUrl, String adminToken, String sealingKey, String masterKey) {

    /** Calls per credential and hour the run allows: far more than a run makes. */
    public static final int BUDGET_PER_HOUR = 10_000_000;
    /** Where hooks point: nothing listens there; the harness takes the deliveries from the simulator's log. */
    public static final String WEBHOOK_BASE_URL = "http://127.0.0.1:9";
    static final String KEY_ID = "bench";

    /** @return settings with fresh random keys */
    public static ConnectorSettings of(String bootstrapServers, String jdbcUrl, String reactiveUrl, String cloudApiUrl,
            String cloudOauthUrl) {
        SecureRandom random = new SecureRandom();
        return new ConnectorSettings(bootstrapServers, jdbcUrl, reactiveUrl, cloudApiUrl, cloudOauthUrl,
                HexFormat.of().formatHex(bytes(random, 24)), Base64.getEncoder().encodeToString(bytes(random, 32)),
                Base64.getEncoder().encodeToString(bytes(random, 32)));
    }

    /** @return every configuration property passed to the connector */
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("kafka.bootstrap.servers", bootstrapServers);
        p.put("quarkus.datasource.jdbc.url", jdbcUrl);
        p.put("quarkus.datasource.reactive.url", reactiveUrl);
        p.put("quarkus.datasource.username", "postgres");
        p.put("quarkus.datasource.password", "postgres");
        p.put("bitbridge.connector.sealing-keys." + KEY_ID, sealingKey);
        p.put("bitbridge.connector.sealing-key-id", KEY_ID);
        p.put("bitbridge.credentials.master-keys." + KEY_ID, masterKey);
        p.put("bitbridge.credentials.active-master-key", KEY_ID);
        p.put("bitbridge.connector.api.admin-token", adminToken);
        p.put("bitbridge.connector.bitbucket.cloud-api-url", cloudApiUrl);
        p.put("bitbridge.connector.bitbucket.cloud-oauth-url", cloudOauthUrl);
        p.put("bitbridge.connector.webhook-base-url", WEBHOOK_BASE_URL);
        p.put("bitbridge.connector.bitbucket.budget.requests-per-hour", Integer.toString(BUDGET_PER_HOUR));
        p.put("bitbridge.connector.webhooks.check-interval", "PT24H");
        p.put("bitbridge.connector.enrichment.instance", "bench");
        return p;
    }

    /** @return how the connector child JVM is started */
    public ServiceJar.Builder builder(ConnectorOptions options) {
        ServiceJar.Builder builder = ServiceJar.of(options.connectorJar())
                .directory(options.root())
                .log(options.connectorLog());
        options.connectorJvmArgs().forEach(builder::jvmOption);
        properties().forEach(builder::property);
        return builder;
    }

    /** @return the connector's JVM options, {@code -XX:+ExitOnOutOfMemoryError} included */
    public static List<String> jvmArgs(ConnectorOptions options) {
        return ServiceJar.jvmOptions(options.connectorJvmArgs());
    }

    private static byte[] bytes(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
