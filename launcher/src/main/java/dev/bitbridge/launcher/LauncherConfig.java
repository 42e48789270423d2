package dev.bitbridge.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where things live and which ports they use, read once from the environment when the supervisor starts.
 * <p>
 * The supervisor records the values it actually used in the status file, so {@code ./bitbridge status} and
 * {@code ./bitbridge records} keep working from a shell whose environment has changed since {@code up}.
 *
 * @param repository the repository root, where service modules are found
 * @param home the one folder holding data, logs and run state ({@code .bitbridge/} unless {@code BITBRIDGE_HOME})
 * @param kafkaPort the Kafka client listener on localhost
 * @param kafkaControllerPort the KRaft controller listener on localhost (only the broker itself talks to it)
 * @param postgresPort the PostgreSQL port on localhost
 * @param ingressPort the public HTTP port of {@code webhook-ingress}, where webhooks arrive
 * @param ingressManagementPort the management port of {@code webhook-ingress} on localhost: health, metrics, OpenAPI
 * @param connectorPort the public HTTP port of {@code bitbucket-connector}, serving the management API under
 *        {@code /api/v1}
 * @param connectorManagementPort the management port of {@code bitbucket-connector} on localhost: health, metrics,
 *        OpenAPI
 * @param analyzerPort the public HTTP port of {@code commit-analyzer}, serving the settings API under {@code /api/v1}
 * @param analyzerManagementPort the management port of {@code commit-analyzer} on localhost: health, metrics, OpenAPI
 * @param triggerPort the public HTTP port of {@code build-trigger}, serving Jenkins targets and builds under
 *        {@code /api/v1}
 * @param triggerManagementPort the management port of {@code build-trigger} on localhost: health, metrics, OpenAPI
 * @param reporterPort the public HTTP port of {@code status-reporter}, serving what was posted for a commit under
 *        {@code /api/v1}
 * @param reporterManagementPort the management port of {@code status-reporter} on localhost: health, metrics, OpenAPI
 * @param serviceReadyTimeout how long a service may take to answer its readiness check
 * @param serviceJavaOptions JVM options for each service process
 * @param publicWebhookUrl where Bitbucket reaches the ingress from outside this machine ({@code
 *        BITBRIDGE_PUBLIC_WEBHOOK_URL}, e.g. a tunnel's {@code https://…} address forwarding to the ingress port): the
 *        base of the hook URLs the connector registers; absent, {@code http://localhost:<ingress port>}
 */
public record LauncherConfig(
        Path repository,
        Path home,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        int ingressPort,
        int ingressManagementPort,
        int connectorPort,
        int connectorManagementPort,
        int analyzerPort,
        int analyzerManagementPort,
        int triggerPort,
        int triggerManagementPort,
        int reporterPort,
        int reporterManagementPort,
        Duration serviceReadyTimeout,
        String serviceJavaOptions,
        Optional<String> publicWebhookUrl) {

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_POSTGRES_PORT = 5432;
    public static final int DEFAULT_INGRESS_PORT = 8080;
    /** Quarkus's own default for {@code quarkus.management.port}. */
    public static final int DEFAULT_INGRESS_MANAGEMENT_PORT = 9000;
    /** The connector's own defaults ({@code application.properties}), so that both services run side by side. */
    public static final int DEFAULT_CONNECTOR_PORT = 8081;
    public static final int DEFAULT_CONNECTOR_MANAGEMENT_PORT = 9002;
    /** The analyzer's own defaults ({@code application.properties}), next to the connector's. */
    public static final int DEFAULT_ANALYZER_PORT = 8083;
    public static final int DEFAULT_ANALYZER_MANAGEMENT_PORT = 9003;
    /** build-trigger's own defaults ({@code application.properties}), next to the analyzer's. */
    public static final int DEFAULT_TRIGGER_PORT = 8084;
    public static final int DEFAULT_TRIGGER_MANAGEMENT_PORT = 9004;
    /** status-reporter's own defaults ({@code application.properties}), next to build-trigger's. */
    public static final int DEFAULT_REPORTER_PORT = 8085;
    public static final int DEFAULT_REPORTER_MANAGEMENT_PORT = 9005;
    /** Small heaps and the serial collector: a developer machine runs several of these next to an IDE. */
    public static final String DEFAULT_SERVICE_JAVA_OPTIONS = "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    /**
     * @param repository the repository root
     * @param env the process environment ({@code BITBRIDGE_*} variables)
     * @return the configuration, defaults filled in
     * @throws IllegalArgumentException naming the variable that does not hold a valid port
     */
    public static LauncherConfig fromEnvironment(Path repository, Map<String, String> env) {
        Path root = repository.toAbsolutePath().normalize();
        String home = env.get("BITBRIDGE_HOME");
        return new LauncherConfig(
                root,
                home == null || home.isBlank() ? root.resolve(".bitbridge") : root.resolve(home).normalize(),
                port(env, "BITBRIDGE_KAFKA_PORT", DEFAULT_KAFKA_PORT),
                port(env, "BITBRIDGE_KAFKA_CONTROLLER_PORT", DEFAULT_KAFKA_CONTROLLER_PORT),
                port(env, "BITBRIDGE_POSTGRES_PORT", DEFAULT_POSTGRES_PORT),
                port(env, "BITBRIDGE_INGRESS_PORT", DEFAULT_INGRESS_PORT),
                port(env, "BITBRIDGE_INGRESS_MANAGEMENT_PORT", DEFAULT_INGRESS_MANAGEMENT_PORT),
                port(env, "BITBRIDGE_CONNECTOR_PORT", DEFAULT_CONNECTOR_PORT),
                port(env, "BITBRIDGE_CONNECTOR_MANAGEMENT_PORT", DEFAULT_CONNECTOR_MANAGEMENT_PORT),
                port(env, "BITBRIDGE_ANALYZER_PORT", DEFAULT_ANALYZER_PORT),
                port(env, "BITBRIDGE_ANALYZER_MANAGEMENT_PORT", DEFAULT_ANALYZER_MANAGEMENT_PORT),
                port(env, "BITBRIDGE_TRIGGER_PORT", DEFAULT_TRIGGER_PORT),
                port(env, "BITBRIDGE_TRIGGER_MANAGEMENT_PORT", DEFAULT_TRIGGER_MANAGEMENT_PORT),
                port(env, "BITBRIDGE_REPORTER_PORT", DEFAULT_REPORTER_PORT),
                port(env, "BITBRIDGE_REPORTER_MANAGEMENT_PORT", DEFAULT_REPORTER_MANAGEMENT_PORT),
                Duration.ofSeconds(number(env, "BITBRIDGE_SERVICE_READY_TIMEOUT_SECONDS", 100, 3600)),
                env.getOrDefault("BITBRIDGE_SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JAVA_OPTIONS),
                url(env, "BITBRIDGE_PUBLIC_WEBHOOK_URL"));
    }

    /** @return the webhook base URL Bitbucket delivers to: the public one when set, else the local ingress */
    public String webhookBaseUrl() {
        return publicWebhookUrl.orElse("http://localhost:" + ingressPort);
    }

    private static Optional<String> url(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim().replaceAll("/+$", "");
        try {
            java.net.URI uri = new java.net.URI(trimmed);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new java.net.URISyntaxException(trimmed, "not an absolute http(s) URL without query");
            }
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL without query, such as"
                    + " https://bitbridge.example.com (a public address forwarding to the ingress port); was '"
                    + value + "'");
        }
        return Optional.of(trimmed);
    }

    /** @return {@code host:port} for Kafka clients */
    public String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    private static int port(Map<String, String> env, String name, int defaultValue) {
        return number(env, name, defaultValue, 65535);
    }

    private static int number(Map<String, String> env, String name, int defaultValue, int max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < 1 || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number from 1 to " + max + ", was '" + value + "'");
        }
    }
}
