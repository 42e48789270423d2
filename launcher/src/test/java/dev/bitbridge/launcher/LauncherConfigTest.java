package dev.bitbridge.launcher;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LauncherConfigTest {

    private static final Path REPO = Path.of("/work/repo");

    @Test
    void defaultsToTheDocumentedPortsAndDotBitbridge() {
        LauncherConfig config = LauncherConfig.fromEnvironment(REPO, Map.of());

        assertThat(config.home()).isEqualTo(REPO.resolve(".bitbridge"));
        assertThat(config.kafkaBootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.kafkaControllerPort()).isEqualTo(9093);
        assertThat(config.postgresPort()).isEqualTo(5432);
        assertThat(config.ingressPort()).isEqualTo(8080);
        assertThat(config.ingressManagementPort()).isEqualTo(9000);
        // The connector's own defaults, so its application.properties and the launcher agree.
        assertThat(config.connectorPort()).isEqualTo(8081);
        assertThat(config.connectorManagementPort()).isEqualTo(9002);
        // The analyzer's own defaults too.
        assertThat(config.analyzerPort()).isEqualTo(8083);
        assertThat(config.analyzerManagementPort()).isEqualTo(9003);
        assertThat(config.triggerPort()).isEqualTo(8084);
        assertThat(config.triggerManagementPort()).isEqualTo(9004);
        assertThat(config.reporterPort()).isEqualTo(8085);
        assertThat(config.reporterManagementPort()).isEqualTo(9005);
    }

    @Test
    void readsTheEnvironment() {
        LauncherConfig config = LauncherConfig.fromEnvironment(REPO, Map.ofEntries(
                Map.entry("BITBRIDGE_HOME", "other-home"),
                Map.entry("BITBRIDGE_KAFKA_PORT", "19092"),
                Map.entry("BITBRIDGE_POSTGRES_PORT", "15432"),
                Map.entry("BITBRIDGE_INGRESS_PORT", "18080"),
                Map.entry("BITBRIDGE_INGRESS_MANAGEMENT_PORT", "19000"),
                Map.entry("BITBRIDGE_CONNECTOR_PORT", "18081"),
                Map.entry("BITBRIDGE_CONNECTOR_MANAGEMENT_PORT", "19002"),
                Map.entry("BITBRIDGE_ANALYZER_PORT", "18083"),
                Map.entry("BITBRIDGE_ANALYZER_MANAGEMENT_PORT", "19003"),
                Map.entry("BITBRIDGE_TRIGGER_PORT", "18084"),
                Map.entry("BITBRIDGE_TRIGGER_MANAGEMENT_PORT", "19004"),
                Map.entry("BITBRIDGE_REPORTER_PORT", "18085"),
                Map.entry("BITBRIDGE_REPORTER_MANAGEMENT_PORT", "19005")));

        assertThat(config.home()).isEqualTo(REPO.resolve("other-home"));
        assertThat(config.kafkaPort()).isEqualTo(19092);
        assertThat(config.postgresPort()).isEqualTo(15432);
        assertThat(config.ingressPort()).isEqualTo(18080);
        assertThat(config.ingressManagementPort()).isEqualTo(19000);
        assertThat(config.connectorPort()).isEqualTo(18081);
        assertThat(config.connectorManagementPort()).isEqualTo(19002);
        assertThat(config.analyzerPort()).isEqualTo(18083);
        assertThat(config.analyzerManagementPort()).isEqualTo(19003);
        assertThat(config.triggerPort()).isEqualTo(18084);
        assertThat(config.triggerManagementPort()).isEqualTo(19004);
        assertThat(config.reporterPort()).isEqualTo(18085);
        assertThat(config.reporterManagementPort()).isEqualTo(19005);
    }

    @Test
    void namesTheVariableThatIsNotAPort() {
        assertThatThrownBy(() -> LauncherConfig.fromEnvironment(REPO, Map.of("BITBRIDGE_KAFKA_PORT", "90920")))
                .hasMessageContaining("BITBRIDGE_KAFKA_PORT");
        assertThatThrownBy(() -> LauncherConfig.fromEnvironment(REPO, Map.of("BITBRIDGE_INGRESS_MANAGEMENT_PORT", "x")))
                .hasMessageContaining("BITBRIDGE_INGRESS_MANAGEMENT_PORT");
        assertThatThrownBy(() -> LauncherConfig.fromEnvironment(REPO, Map.of("BITBRIDGE_CONNECTOR_PORT", "0")))
                .hasMessageContaining("BITBRIDGE_CONNECTOR_PORT");
        assertThatThrownBy(() -> LauncherConfig.fromEnvironment(REPO, Map.of("BITBRIDGE_CONNECTOR_MANAGEMENT_PORT", "-1")))
                .hasMessageContaining("BITBRIDGE_CONNECTOR_MANAGEMENT_PORT");
        assertThatThrownBy(() -> LauncherConfig.fromEnvironment(REPO, Map.of("BITBRIDGE_ANALYZER_PORT", "65536")))
                .hasMessageContaining("BITBRIDGE_ANALYZER_PORT");
        assertThatThrownBy(() -> LauncherConfig.fromEnvironment(REPO, Map.of("BITBRIDGE_TRIGGER_PORT", "0")))
                .hasMessageContaining("BITBRIDGE_TRIGGER_PORT");
        assertThatThrownBy(() -> LauncherConfig.fromEnvironment(REPO, Map.of("BITBRIDGE_ANALYZER_MANAGEMENT_PORT", "9003x")))
                .hasMessageContaining("BITBRIDGE_ANALYZER_MANAGEMENT_PORT");
    }

    @Test
    void aPublicWebhookUrlBecomesTheHookBaseAndABadOneIsRefusedByName() {
        assertThat(LauncherConfig.fromEnvironment(REPO, Map.of()).webhookBaseUrl()).isEqualTo("http://localhost:8080");
        assertThat(LauncherConfig.fromEnvironment(REPO, Map.of("BITBRIDGE_PUBLIC_WEBHOOK_URL",
                "https://hooks.example.com/bitbridge/")).webhookBaseUrl())
                .isEqualTo("https://hooks.example.com/bitbridge");
        for (String bad : new String[] { "hooks.example.com", "ftp://x.example.com", "https://x.example.com/?a=1" }) {
            assertThatThrownBy(() -> LauncherConfig.fromEnvironment(REPO, Map.of("BITBRIDGE_PUBLIC_WEBHOOK_URL", bad)))
                    .hasMessageContaining("BITBRIDGE_PUBLIC_WEBHOOK_URL").hasMessageContaining(bad);
        }
    }
}
