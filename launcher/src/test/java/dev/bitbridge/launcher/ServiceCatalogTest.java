package dev.bitbridge.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the launcher hands to each service: its configuration and how its JVM is started. */
class ServiceCatalogTest {

    @Test
    void ingressServesWebhooksOnAllInterfacesAndOperationsOnLocalhost() {
        ServiceSpec ingress = ingress(Map.of("BITBRIDGE_INGRESS_PORT", "18080",
                "BITBRIDGE_INGRESS_MANAGEMENT_PORT", "19000"));

        assertThat(ingress.systemProperties())
                .containsEntry("quarkus.http.port", "18080")
                .doesNotContainKey("quarkus.http.host")
                .containsEntry("quarkus.management.port", "19000")
                .containsEntry("quarkus.management.host", "localhost");
        assertThat(ingress.port()).isEqualTo(18080);
        assertThat(ingress.portVariable()).isEqualTo("BITBRIDGE_INGRESS_PORT");
        assertThat(ingress.managementPort()).isEqualTo(19000);
        assertThat(ingress.managementPortVariable()).isEqualTo("BITBRIDGE_INGRESS_MANAGEMENT_PORT");
        assertThat(ingress.healthUrl()).isEqualTo("http://localhost:19000/q/health/ready");
    }

    @Test
    void theConnectorStartsAfterTheIngressThenTheAnalyzerTheTriggerAndTheReporterAndThreeHaveADatabase() {
        LauncherConfig config = LauncherConfig.fromEnvironment(Path.of(".."), Map.of());
        List<ServiceSpec> services = ServiceCatalog.services(config, new LauncherHome(TestPaths.tempDir("home-")).create());

        // The script builds what modules() lists and the supervisor runs what services() makes: the same list.
        assertThat(services).extracting(ServiceSpec::name).containsExactlyElementsOf(ServiceCatalog.modules())
                .containsExactly(ServiceCatalog.WEBHOOK_INGRESS, ServiceCatalog.BITBUCKET_CONNECTOR,
                        ServiceCatalog.COMMIT_ANALYZER, ServiceCatalog.BUILD_TRIGGER, ServiceCatalog.STATUS_REPORTER);
        assertThat(services).allSatisfy(s -> assertThat(s.artifact())
                .isEqualTo(config.repository().resolve(ServiceCatalog.artifact(s.name()))));
        assertThat(Supervisor.databases(services)).containsExactly(ServiceCatalog.CONNECTOR_DATABASE,
                ServiceCatalog.TRIGGER_DATABASE, ServiceCatalog.REPORTER_DATABASE);
    }

    @Test
    void connectorIsWiredToTheLocalKafkaPostgresAndIngress() {
        LauncherHome home = new LauncherHome(TestPaths.tempDir("home-")).create();
        LauncherConfig config = LauncherConfig.fromEnvironment(Path.of(".."), Map.of(
                "BITBRIDGE_KAFKA_PORT", "19092", "BITBRIDGE_POSTGRES_PORT", "15432", "BITBRIDGE_INGRESS_PORT", "18080",
                "BITBRIDGE_CONNECTOR_PORT", "18081", "BITBRIDGE_CONNECTOR_MANAGEMENT_PORT", "19002"));
        ServiceSpec connector = ServiceCatalog.bitbucketConnector(config, home);
        ServiceSpec ingress = ServiceCatalog.webhookIngress(config, home);

        assertThat(connector.systemProperties())
                .containsEntry("quarkus.http.port", "18081")
                .containsEntry("quarkus.management.port", "19002")
                .containsEntry("quarkus.management.host", "localhost")
                .containsEntry("kafka.bootstrap.servers", "localhost:19092")
                .containsEntry("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:15432/bitbridge_connector")
                .containsEntry("quarkus.datasource.reactive.url", "postgresql://localhost:15432/bitbridge_connector")
                .containsEntry("quarkus.datasource.username", "postgres")
                .containsEntry("quarkus.flyway.locations", "db/migration,db/credentials")
                .containsEntry("bitbridge.connector.sealing-key-id", "local")
                .containsEntry("bitbridge.connector.api.admin-token", home.adminApiToken())
                .containsEntry("bitbridge.credentials.master-keys.local", home.credentialsMasterKey())
                .containsEntry("bitbridge.credentials.active-master-key", "local")
                .containsEntry("bitbridge.connector.webhook-base-url", "http://localhost:18080")
                .containsEntry("bitbridge.connector.api.allow-http-base-urls", "true");
        // What the connector seals, the ingress must open: same key id, same key.
        assertThat(connector.systemProperties().get("bitbridge.connector.sealing-keys.local"))
                .isEqualTo(ingress.systemProperties().get("bitbridge.ingress.sealing-keys.local"))
                .isEqualTo(home.localSealingKey());
        assertThat(connector.database()).contains(ServiceCatalog.CONNECTOR_DATABASE);
        assertThat(connector.port()).isEqualTo(18081);
        assertThat(connector.portVariable()).isEqualTo("BITBRIDGE_CONNECTOR_PORT");
        assertThat(connector.managementPort()).isEqualTo(19002);
        assertThat(connector.managementPortVariable()).isEqualTo("BITBRIDGE_CONNECTOR_MANAGEMENT_PORT");
        assertThat(connector.healthUrl()).isEqualTo("http://localhost:19002/q/health/ready");
    }

    @Test
    void analyzerIsWiredToTheLocalKafkaWithTheConnectorsAdminTokenAndListensOnLocalhostOnly() {
        LauncherHome home = new LauncherHome(TestPaths.tempDir("home-")).create();
        LauncherConfig config = LauncherConfig.fromEnvironment(Path.of(".."), Map.of(
                "BITBRIDGE_KAFKA_PORT", "19092", "BITBRIDGE_ANALYZER_PORT", "18083",
                "BITBRIDGE_ANALYZER_MANAGEMENT_PORT", "19003"));
        ServiceSpec analyzer = ServiceCatalog.commitAnalyzer(config, home);
        ServiceSpec connector = ServiceCatalog.bitbucketConnector(config, home);

        assertThat(analyzer.name()).isEqualTo("commit-analyzer");
        assertThat(analyzer.artifact())
                .isEqualTo(config.repository().resolve("commit-analyzer/target/quarkus-app/quarkus-run.jar"));
        assertThat(analyzer.systemProperties())
                .containsEntry("quarkus.http.port", "18083")
                .containsEntry("quarkus.http.host", "localhost")
                .containsEntry("quarkus.management.port", "19003")
                .containsEntry("quarkus.management.host", "localhost")
                .containsEntry("kafka.bootstrap.servers", "localhost:19092")
                .containsEntry("bitbridge.analyzer.instance", "local")
                .doesNotContainKeys("quarkus.datasource.jdbc.url", "quarkus.datasource.reactive.url");
        // One token for both APIs: the connector's, at least the 32 characters the analyzer demands.
        assertThat(analyzer.systemProperties().get("bitbridge.analyzer.api.admin-token"))
                .isEqualTo(connector.systemProperties().get("bitbridge.connector.api.admin-token"))
                .isEqualTo(home.adminApiToken())
                .hasSizeGreaterThanOrEqualTo(32);
        assertThat(analyzer.database()).isEmpty();
        assertThat(analyzer.port()).isEqualTo(18083);
        assertThat(analyzer.portVariable()).isEqualTo("BITBRIDGE_ANALYZER_PORT");
        assertThat(analyzer.managementPort()).isEqualTo(19003);
        assertThat(analyzer.managementPortVariable()).isEqualTo("BITBRIDGE_ANALYZER_MANAGEMENT_PORT");
        assertThat(analyzer.healthUrl()).isEqualTo("http://localhost:19003/q/health/ready");
    }

    @Test
    void theAnalyzerDefaultsToItsOwnPorts() {
        LauncherConfig config = LauncherConfig.fromEnvironment(Path.of(".."), Map.of());
        ServiceSpec analyzer = ServiceCatalog.commitAnalyzer(config, new LauncherHome(TestPaths.tempDir("home-")).create());

        assertThat(analyzer.systemProperties()).containsEntry("quarkus.http.port", "8083")
                .containsEntry("quarkus.management.port", "9003")
                .containsEntry("kafka.bootstrap.servers", "localhost:9092");
    }

    @Test
    void aPublicWebhookUrlIsWhereTheConnectorPointsHooks() {
        LauncherHome home = new LauncherHome(TestPaths.tempDir("home-")).create();
        LauncherConfig config = LauncherConfig.fromEnvironment(Path.of(".."), Map.of("BITBRIDGE_PUBLIC_WEBHOOK_URL",
                "https://tunnel.example.com"));
        assertThat(ServiceCatalog.bitbucketConnector(config, home).systemProperties())
                .containsEntry("bitbridge.connector.webhook-base-url", "https://tunnel.example.com");
    }

    @Test
    void noSecretOfAnyServiceReachesTheLog() {
        LauncherHome home = new LauncherHome(TestPaths.tempDir("home-")).create();
        LauncherConfig config = LauncherConfig.fromEnvironment(Path.of(".."), Map.of());
        List<String> secrets = List.of(home.demoWebhookToken(), home.localSealingKey(), home.adminApiToken(),
                home.credentialsMasterKey());

        for (ServiceSpec service : ServiceCatalog.services(config, home)) {
            String logged = service.loggableProperties().toString();
            assertThat(secrets).as("%s logged as %s", service.name(), logged).noneMatch(logged::contains);
            // Every property that is masked holds one of the secrets, and the mask is what shows instead.
            assertThat(service.secretProperties()).isNotEmpty().allSatisfy(key -> {
                assertThat(secrets).contains(service.systemProperties().get(key));
                assertThat(service.loggableProperties()).containsEntry(key, "***");
            });
        }
        assertThat(ServiceCatalog.bitbucketConnector(config, home).secretProperties()).containsExactlyInAnyOrder(
                "bitbridge.connector.sealing-keys.local", "bitbridge.connector.api.admin-token",
                "bitbridge.credentials.master-keys.local");
        assertThat(ServiceCatalog.commitAnalyzer(config, home).secretProperties())
                .containsExactly("bitbridge.analyzer.api.admin-token");
        assertThat(ServiceCatalog.commitAnalyzer(config, home).loggableProperties())
                .containsEntry("bitbridge.analyzer.api.admin-token", "***");
    }

    @Test
    void everyServiceGetsTheSameJvmOptions() {
        LauncherHome home = new LauncherHome(TestPaths.tempDir("home-")).create();
        LauncherConfig defaults = LauncherConfig.fromEnvironment(Path.of(".."), Map.of());
        LauncherConfig overridden = LauncherConfig.fromEnvironment(Path.of(".."),
                Map.of("BITBRIDGE_SERVICE_JAVA_OPTS", " -Xmx384m  -XX:+UseSerialGC "));

        assertThat(ServiceCatalog.services(defaults, home)).hasSize(ServiceCatalog.modules().size())
                .allSatisfy(s -> assertThat(s.javaOptions()).as(s.name()).containsExactly("-Xms32m", "-Xmx256m",
                        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError"));
        assertThat(ServiceCatalog.services(overridden, home))
                .allSatisfy(s -> assertThat(s.javaOptions()).as(s.name()).containsExactly("-Xmx384m",
                        "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
    }

    @Test
    void serviceJvmsExitOnOutOfMemoryErrorWhateverTheirConfiguredOptions() {
        String flag = "-XX:+ExitOnOutOfMemoryError";

        List<String> defaults = commandLine(Map.of());
        assertThat(defaults).containsSubsequence("-Xmx256m", "-XX:+UseSerialGC", flag, "-jar");

        List<String> overridden = commandLine(Map.of("BITBRIDGE_SERVICE_JAVA_OPTS", "-Xmx1g -XX:-ExitOnOutOfMemoryError"));
        assertThat(overridden).doesNotContain("-Xmx256m")
                // Last among the options, before -jar: it is a JVM option, and it wins over one that turns it off.
                .containsSubsequence("-Xmx1g", "-XX:-ExitOnOutOfMemoryError", flag, "-jar");
        assertThat(overridden.subList(overridden.indexOf(flag) + 1, overridden.size()))
                .noneMatch(arg -> arg.contains("ExitOnOutOfMemoryError"));
    }

    /** @return the command line the launcher would run the ingress with */
    private static List<String> commandLine(Map<String, String> env) {
        Path home = TestPaths.tempDir("home-");
        return new ServiceProcess(ingress(env), home.resolve("logs/ingress.log"), home.resolve("run")).command();
    }

    private static ServiceSpec ingress(Map<String, String> env) {
        Path home = TestPaths.tempDir("home-");
        LauncherConfig config = LauncherConfig.fromEnvironment(Path.of(".."), env);
        return ServiceCatalog.webhookIngress(config, new LauncherHome(home).create());
    }

    @Test
    void triggerHasItsOwnDatabaseTheSharedTokenAndMasterKeyAndAsksTheConnectorForBranchHeads() {
        LauncherHome home = new LauncherHome(TestPaths.tempDir("home-")).create();
        LauncherConfig config = LauncherConfig.fromEnvironment(Path.of(".."), Map.of(
                "BITBRIDGE_KAFKA_PORT", "19092", "BITBRIDGE_POSTGRES_PORT", "15432", "BITBRIDGE_CONNECTOR_PORT",
                "18081", "BITBRIDGE_TRIGGER_PORT", "18084", "BITBRIDGE_TRIGGER_MANAGEMENT_PORT", "19004"));
        ServiceSpec trigger = ServiceCatalog.buildTrigger(config, home);

        assertThat(trigger.name()).isEqualTo("build-trigger");
        assertThat(trigger.artifact())
                .isEqualTo(config.repository().resolve("build-trigger/target/quarkus-app/quarkus-run.jar"));
        assertThat(trigger.systemProperties())
                .containsEntry("quarkus.http.port", "18084")
                .containsEntry("quarkus.http.host", "localhost")
                .containsEntry("quarkus.management.port", "19004")
                .containsEntry("quarkus.management.host", "localhost")
                .containsEntry("kafka.bootstrap.servers", "localhost:19092")
                .containsEntry("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:15432/bitbridge_trigger")
                .containsEntry("quarkus.datasource.reactive.url", "postgresql://localhost:15432/bitbridge_trigger")
                .containsEntry("quarkus.datasource.username", "postgres")
                .containsEntry("bitbridge.trigger.api.admin-token", home.adminApiToken())
                .containsEntry("bitbridge.credentials.master-keys.local", home.credentialsMasterKey())
                .containsEntry("bitbridge.credentials.active-master-key", "local")
                .containsEntry("bitbridge.trigger.connector.url", "http://localhost:18081")
                .containsEntry("bitbridge.trigger.connector.api-token", home.adminApiToken());
        // Every secret is masked wherever the supervisor shows a command line.
        assertThat(trigger.secretProperties()).containsExactlyInAnyOrder("bitbridge.trigger.api.admin-token",
                "bitbridge.trigger.connector.api-token", "bitbridge.credentials.master-keys.local");
        assertThat(trigger.database()).contains(ServiceCatalog.TRIGGER_DATABASE);
        assertThat(trigger.portVariable()).isEqualTo("BITBRIDGE_TRIGGER_PORT");
        assertThat(trigger.managementPortVariable()).isEqualTo("BITBRIDGE_TRIGGER_MANAGEMENT_PORT");
        assertThat(trigger.healthUrl()).isEqualTo("http://localhost:19004/q/health/ready");
    }

    @Test
    void reporterHasItsOwnDatabaseAndPostsThroughTheConnectorWithTheSharedToken() {
        LauncherHome home = new LauncherHome(TestPaths.tempDir("home-")).create();
        LauncherConfig config = LauncherConfig.fromEnvironment(Path.of(".."), Map.of(
                "BITBRIDGE_KAFKA_PORT", "19092", "BITBRIDGE_POSTGRES_PORT", "15432", "BITBRIDGE_CONNECTOR_PORT",
                "18081", "BITBRIDGE_TRIGGER_PORT", "18084", "BITBRIDGE_REPORTER_PORT", "18085",
                "BITBRIDGE_REPORTER_MANAGEMENT_PORT", "19005"));
        ServiceSpec reporter = ServiceCatalog.statusReporter(config, home);

        assertThat(reporter.name()).isEqualTo("status-reporter");
        assertThat(reporter.artifact())
                .isEqualTo(config.repository().resolve("status-reporter/target/quarkus-app/quarkus-run.jar"));
        assertThat(reporter.systemProperties())
                .containsEntry("quarkus.http.port", "18085")
                .containsEntry("quarkus.http.host", "localhost")
                .containsEntry("quarkus.management.port", "19005")
                .containsEntry("kafka.bootstrap.servers", "localhost:19092")
                .containsEntry("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:15432/bitbridge_reporter")
                .containsEntry("quarkus.datasource.reactive.url", "postgresql://localhost:15432/bitbridge_reporter")
                .containsEntry("bitbridge.reporter.api.admin-token", home.adminApiToken())
                .containsEntry("bitbridge.reporter.connector.url", "http://localhost:18081")
                .containsEntry("bitbridge.reporter.connector.api-token", home.adminApiToken())
                .containsEntry("bitbridge.reporter.links.build-page",
                        "http://localhost:18084/api/v1/builds/{requestId}");
        assertThat(reporter.secretProperties()).containsExactlyInAnyOrder("bitbridge.reporter.api.admin-token",
                "bitbridge.reporter.connector.api-token");
        assertThat(reporter.database()).contains(ServiceCatalog.REPORTER_DATABASE);
        assertThat(reporter.portVariable()).isEqualTo("BITBRIDGE_REPORTER_PORT");
        assertThat(reporter.healthUrl()).isEqualTo("http://localhost:19005/q/health/ready");
    }
}
