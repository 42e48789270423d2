package dev.bitbridge.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The services the launcher runs, in start order, with the configuration that wires each one to the local Kafka,
 * PostgreSQL and to the others. This is the only list of services: the {@code ./bitbridge} script asks for it
 * ({@code java -jar bitbridge-launcher.jar modules}) to know which modules to build, and the supervisor starts, checks
 * and stops what it lists, so to be built and run a new service needs an entry here and nowhere else. Its two ports
 * come from {@link LauncherConfig} (an environment variable each, with the service's own default). What {@code up}
 * prints about each service (the script's {@code print_info}), the short log names ({@code ./bitbridge logs connector})
 * and {@code docs/running.md} are written by hand and name the services too.
 */
public final class ServiceCatalog {

    public static final String WEBHOOK_INGRESS = "webhook-ingress";
    public static final String BITBUCKET_CONNECTOR = "bitbucket-connector";
    public static final String COMMIT_ANALYZER = "commit-analyzer";
    public static final String BUILD_TRIGGER = "build-trigger";
    public static final String STATUS_REPORTER = "status-reporter";
    /** The connector's database; a database per service, so that no service depends on another's tables. */
    public static final String CONNECTOR_DATABASE = "bitbridge_connector";
    /** build-trigger's database: its Jenkins targets, builds and their outbox. */
    public static final String TRIGGER_DATABASE = "bitbridge_trigger";
    /** status-reporter's database: each status's newest state and what was posted. */
    public static final String REPORTER_DATABASE = "bitbridge_reporter";
    /** The integration declared in the ingress configuration, so a webhook can be tried without the connector. */
    public static final String DEMO_INTEGRATION = "demo";
    /**
     * The id of the one sealing key. The connector seals webhook secrets with it and the ingress opens them with it,
     * so both get the same id and the same key ({@link LauncherHome#localSealingKey()}).
     */
    static final String SEALING_KEY_ID = "local";
    /** The id of the credential store's one master key ({@link LauncherHome#credentialsMasterKey()}). */
    static final String MASTER_KEY_ID = "local";
    /**
     * JVM options every service gets after the configurable ones, so that no {@code BITBRIDGE_SERVICE_JAVA_OPTS} can
     * drop or undo them. A JVM that hit an {@code OutOfMemoryError} must end and be seen (its status {@code exited},
     * the error at the end of its log) rather than limp on with whichever threads the error killed.
     */
    static final List<String> ALWAYS_JAVA_OPTIONS = List.of("-XX:+ExitOnOutOfMemoryError");

    /**
     * One service: its Maven module, which is also its name, and how its spec is made. The spec is made only when the
     * supervisor needs it, since making it generates the service's secrets; listing the modules must not.
     */
    private record Entry(String module, BiFunction<LauncherConfig, LauncherHome, ServiceSpec> spec) {
    }

    /**
     * In start order: the connector after the ingress, whose URL it hands to Bitbucket; the analyzer after the
     * connector, whose commit, ref and pull-request topics it reads; build-trigger after the analyzer whose build
     * requests it dispatches and the connector it asks for branch heads; status-reporter last, after build-trigger whose
     * build states it posts through the connector.
     */
    private static final List<Entry> ENTRIES = List.of(
            new Entry(WEBHOOK_INGRESS, ServiceCatalog::webhookIngress),
            new Entry(BITBUCKET_CONNECTOR, ServiceCatalog::bitbucketConnector),
            new Entry(COMMIT_ANALYZER, ServiceCatalog::commitAnalyzer),
            new Entry(BUILD_TRIGGER, ServiceCatalog::buildTrigger),
            new Entry(STATUS_REPORTER, ServiceCatalog::statusReporter));

    private ServiceCatalog() {
    }

    /** @return the Maven module of every service, in start order; nothing is generated or read */
    public static List<String> modules() {
        return ENTRIES.stream().map(Entry::module).toList();
    }

    /**
     * @param config ports and folders
     * @param home where the generated secrets are kept (and created on first use)
     * @return every service, whether built or not, in start order
     */
    public static List<ServiceSpec> services(LauncherConfig config, LauncherHome home) {
        return ENTRIES.stream().map(e -> e.spec().apply(config, home)).toList();
    }

    /** @return where a service module's runnable jar is built, relative to the repository root */
    public static Path artifact(String module) {
        return Path.of(module, "target", "quarkus-app", "quarkus-run.jar");
    }

    static ServiceSpec webhookIngress(LauncherConfig config, LauncherHome home) {
        String prefix = "bitbridge.ingress.integrations." + DEMO_INTEGRATION + ".";
        String sealingKey = "bitbridge.ingress.sealing-keys." + SEALING_KEY_ID;
        Map<String, String> props = new LinkedHashMap<>();
        props.put("kafka.bootstrap.servers", config.kafkaBootstrapServers());
        props.put(prefix + "flavor", "cloud");
        props.put(prefix + "token", home.demoWebhookToken());
        props.put(sealingKey, home.localSealingKey());
        return quarkusApp(config, WEBHOOK_INGRESS, config.ingressPort(), "BITBRIDGE_INGRESS_PORT",
                config.ingressManagementPort(), "BITBRIDGE_INGRESS_MANAGEMENT_PORT", props,
                Set.of(prefix + "token", sealingKey), Optional.empty());
    }

    /**
     * The connector: its management API on the public port, integrations in a database of its own, routing records
     * to Kafka sealed with the key the ingress opens them with.
     */
    static ServiceSpec bitbucketConnector(LauncherConfig config, LauncherHome home) {
        String database = "localhost:" + config.postgresPort() + "/" + CONNECTOR_DATABASE;
        String sealingKey = "bitbridge.connector.sealing-keys." + SEALING_KEY_ID;
        String adminToken = "bitbridge.connector.api.admin-token";
        String masterKey = "bitbridge.credentials.master-keys." + MASTER_KEY_ID;
        Map<String, String> props = new LinkedHashMap<>();
        props.put("kafka.bootstrap.servers", config.kafkaBootstrapServers());
        // Trust authentication on localhost, as the launcher itself connects (PostgresServer): no password to keep.
        props.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + database);
        props.put("quarkus.datasource.reactive.url", "postgresql://" + database);
        props.put("quarkus.datasource.username", PostgresServer.USER);
        // The credential store's table ships with the credentials library, under db/credentials.
        props.put("quarkus.flyway.locations", "db/migration,db/credentials");
        props.put(sealingKey, home.localSealingKey());
        props.put("bitbridge.connector.sealing-key-id", SEALING_KEY_ID);
        props.put(adminToken, home.adminApiToken());
        props.put(masterKey, home.credentialsMasterKey());
        props.put("bitbridge.credentials.active-master-key", MASTER_KEY_ID);
        // Where Bitbucket delivers the webhooks of the hooks the connector registers: BITBRIDGE_PUBLIC_WEBHOOK_URL for
        // bitbucket.org, else the local ingress (a Bitbucket or simulator on this machine).
        props.put("bitbridge.connector.webhook-base-url", config.webhookBaseUrl());
        // Local testing runs Data Center simulators on plain http; never set outside a developer machine.
        props.put("bitbridge.connector.api.allow-http-base-urls", "true");
        // Unlike the ingress, nothing outside this machine needs the management API: it listens on localhost only.
        props.put("quarkus.http.host", "localhost");
        return quarkusApp(config, BITBUCKET_CONNECTOR, config.connectorPort(), "BITBRIDGE_CONNECTOR_PORT",
                config.connectorManagementPort(), "BITBRIDGE_CONNECTOR_MANAGEMENT_PORT", props,
                Set.of(sealingKey, adminToken, masterKey), Optional.of(CONNECTOR_DATABASE));
    }

    /**
     * The commit analyzer: its settings API on the public port, localhost only like the connector's, behind the same
     * admin token as the connector's API, so that one token opens both. No database: its settings live on a compacted
     * topic, and it creates the topics it writes itself (they are also in {@code Topics.ALL}, which the supervisor
     * creates first).
     */
    static ServiceSpec commitAnalyzer(LauncherConfig config, LauncherHome home) {
        String adminToken = "bitbridge.analyzer.api.admin-token";
        Map<String, String> props = new LinkedHashMap<>();
        props.put("kafka.bootstrap.servers", config.kafkaBootstrapServers());
        props.put(adminToken, home.adminApiToken());
        // One replica here: a fixed name in its transactional id, so that a restart fences what a killed analyzer
        // left open whatever the host name.
        props.put("bitbridge.analyzer.instance", "local");
        props.put("quarkus.http.host", "localhost");
        return quarkusApp(config, COMMIT_ANALYZER, config.analyzerPort(), "BITBRIDGE_ANALYZER_PORT",
                config.analyzerManagementPort(), "BITBRIDGE_ANALYZER_MANAGEMENT_PORT", props, Set.of(adminToken),
                Optional.empty());
    }

    /**
     * build-trigger: its API (Jenkins targets, builds) on the public port, localhost only, behind the same admin token;
     * its state in a database of its own; Jenkins credentials in its credential store under the same master key as the
     * connector's (each service its own table); the connector's API for branch heads, with that same token.
     */
    static ServiceSpec buildTrigger(LauncherConfig config, LauncherHome home) {
        String database = "localhost:" + config.postgresPort() + "/" + TRIGGER_DATABASE;
        String adminToken = "bitbridge.trigger.api.admin-token";
        String connectorToken = "bitbridge.trigger.connector.api-token";
        String masterKey = "bitbridge.credentials.master-keys." + MASTER_KEY_ID;
        Map<String, String> props = new LinkedHashMap<>();
        props.put("kafka.bootstrap.servers", config.kafkaBootstrapServers());
        props.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + database);
        props.put("quarkus.datasource.reactive.url", "postgresql://" + database);
        props.put("quarkus.datasource.username", PostgresServer.USER);
        props.put(adminToken, home.adminApiToken());
        props.put(masterKey, home.credentialsMasterKey());
        props.put("bitbridge.credentials.active-master-key", MASTER_KEY_ID);
        props.put("bitbridge.trigger.connector.url", "http://localhost:" + config.connectorPort());
        props.put(connectorToken, home.adminApiToken());
        props.put("quarkus.http.host", "localhost");
        return quarkusApp(config, BUILD_TRIGGER, config.triggerPort(), "BITBRIDGE_TRIGGER_PORT",
                config.triggerManagementPort(), "BITBRIDGE_TRIGGER_MANAGEMENT_PORT", props,
                Set.of(adminToken, connectorToken, masterKey), Optional.of(TRIGGER_DATABASE));
    }

    /**
     * status-reporter: its read API (what was posted for a commit) on the public port, localhost only, behind the same
     * admin token; its state in a database of its own; statuses posted through the connector's API with that token
     * (ADR 14); a build that never reached Jenkins links its page in build-trigger's API.
     */
    static ServiceSpec statusReporter(LauncherConfig config, LauncherHome home) {
        String database = "localhost:" + config.postgresPort() + "/" + REPORTER_DATABASE;
        String adminToken = "bitbridge.reporter.api.admin-token";
        String connectorToken = "bitbridge.reporter.connector.api-token";
        Map<String, String> props = new LinkedHashMap<>();
        props.put("kafka.bootstrap.servers", config.kafkaBootstrapServers());
        props.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + database);
        props.put("quarkus.datasource.reactive.url", "postgresql://" + database);
        props.put("quarkus.datasource.username", PostgresServer.USER);
        props.put(adminToken, home.adminApiToken());
        props.put("bitbridge.reporter.connector.url", "http://localhost:" + config.connectorPort());
        props.put(connectorToken, home.adminApiToken());
        props.put("bitbridge.reporter.links.build-page", "http://localhost:" + config.triggerPort()
                + "/api/v1/builds/{requestId}");
        props.put("quarkus.http.host", "localhost");
        return quarkusApp(config, STATUS_REPORTER, config.reporterPort(), "BITBRIDGE_REPORTER_PORT",
                config.reporterManagementPort(), "BITBRIDGE_REPORTER_MANAGEMENT_PORT", props,
                Set.of(adminToken, connectorToken), Optional.of(REPORTER_DATABASE));
    }

    /**
     * A Quarkus application with its management interface (which the application enables at build time with
     * {@code quarkus.management.enabled=true}): the public HTTP port keeps Quarkus's default of listening on all
     * interfaces, so that a tunnel can forward webhooks to it, while the operations endpoints (health, metrics, OpenAPI)
     * listen on localhost only.
     */
    private static ServiceSpec quarkusApp(LauncherConfig config, String module, int port, String portVariable,
            int managementPort, String managementPortVariable, Map<String, String> appProps, Set<String> secrets,
            Optional<String> database) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.http.port", Integer.toString(port));
        props.put("quarkus.management.port", Integer.toString(managementPort));
        props.put("quarkus.management.host", "localhost");
        props.putAll(appProps);
        Path jar = config.repository().resolve(artifact(module));
        return new ServiceSpec(module, jar, javaOptions(config), List.of("-jar", jar.toString()), props, secrets, port,
                portVariable, managementPort, managementPortVariable, "/q/health/ready", database);
    }

    private static List<String> javaOptions(LauncherConfig config) {
        Stream<String> configured = Arrays.stream(config.serviceJavaOptions().trim().split("\\s+"))
                .filter(s -> !s.isEmpty());
        return Stream.concat(configured, ALWAYS_JAVA_OPTIONS.stream()).toList();
    }
}
