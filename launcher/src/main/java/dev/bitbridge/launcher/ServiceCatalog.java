package dev.bitbridge.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The services the launcher runs, in start order, with the configuration that wires each one to the local Kafka,
 * PostgreSQL and to the others. A new service gets an entry here (and its module in the {@code SERVICES} list of the
 * {@code ./bitbridge} script, which builds it).
 */
public final class ServiceCatalog {

    public static final String WEBHOOK_INGRESS = "webhook-ingress";
    /** The integration declared in the ingress configuration, so a webhook can be tried without the connector. */
    public static final String DEMO_INTEGRATION = "demo";
    /**
     * JVM options every service gets after the configurable ones, so that no {@code BITBRIDGE_SERVICE_JAVA_OPTS} can
     * drop or undo them. A JVM that hit an {@code OutOfMemoryError} must end and be seen (its status {@code exited},
     * the error at the end of its log) rather than limp on with whichever threads the error killed.
     */
    static final List<String> ALWAYS_JAVA_OPTIONS = List.of("-XX:+ExitOnOutOfMemoryError");

    private ServiceCatalog() {
    }

    /**
     * @param config ports and folders
     * @param home where the generated secrets are kept
     * @return every service, whether built or not
     */
    public static List<ServiceSpec> services(LauncherConfig config, LauncherHome home) {
        return List.of(webhookIngress(config, home));
    }

    static ServiceSpec webhookIngress(LauncherConfig config, LauncherHome home) {
        String prefix = "bitbridge.ingress.integrations." + DEMO_INTEGRATION + ".";
        Map<String, String> props = new LinkedHashMap<>();
        props.put("kafka.bootstrap.servers", config.kafkaBootstrapServers());
        props.put(prefix + "flavor", "cloud");
        props.put(prefix + "token", home.demoWebhookToken());
        props.put("bitbridge.ingress.sealing-keys.local", home.localSealingKey());
        return quarkusApp(config, WEBHOOK_INGRESS, config.ingressPort(), "BITBRIDGE_INGRESS_PORT",
                config.ingressManagementPort(), "BITBRIDGE_INGRESS_MANAGEMENT_PORT", props,
                Set.of(prefix + "token", "bitbridge.ingress.sealing-keys.local"));
    }

    /**
     * A Quarkus application with its management interface (which the application enables at build time with
     * {@code quarkus.management.enabled=true}): the public HTTP port keeps Quarkus's default of listening on all
     * interfaces, so that a tunnel can forward webhooks to it, while the operations endpoints (health, metrics, OpenAPI)
     * listen on localhost only.
     */
    private static ServiceSpec quarkusApp(LauncherConfig config, String module, int port, String portVariable,
            int managementPort, String managementPortVariable, Map<String, String> appProps, Set<String> secrets) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.http.port", Integer.toString(port));
        props.put("quarkus.management.port", Integer.toString(managementPort));
        props.put("quarkus.management.host", "localhost");
        props.putAll(appProps);
        Path jar = config.repository().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        return new ServiceSpec(module, jar, javaOptions(config), List.of("-jar", jar.toString()), props, secrets, port,
                portVariable, managementPort, managementPortVariable, "/q/health/ready");
    }

    private static List<String> javaOptions(LauncherConfig config) {
        Stream<String> configured = Arrays.stream(config.serviceJavaOptions().trim().split("\\s+"))
                .filter(s -> !s.isEmpty());
        return Stream.concat(configured, ALWAYS_JAVA_OPTIONS.stream()).toList();
    }
}
