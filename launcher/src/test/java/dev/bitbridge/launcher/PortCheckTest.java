package dev.bitbridge.launcher;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.bitbridge.launcher.PortCheck.Port;
import dev.bitbridge.launcher.PortCheck.PortInUseException;
import dev.bitbridge.testkit.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Before anything starts, every port is checked, and a taken one is reported with the variable that moves it. */
class PortCheckTest {

    @Test
    void passesWhenEveryPortIsFree() {
        assertThatCode(() -> PortCheck.requireFree(requiredPorts(Map.of()))).doesNotThrowAnyException();
    }

    @Test
    void checksBothPortsOfEachService() {
        Map<String, String> env = Map.of("BITBRIDGE_INGRESS_PORT", "18080", "BITBRIDGE_INGRESS_MANAGEMENT_PORT", "19000");

        assertThat(requiredPorts(env))
                .filteredOn(p -> p.component().equals(ServiceCatalog.WEBHOOK_INGRESS))
                .extracting(Port::number, Port::variable)
                .containsExactly(tuple(18080, "BITBRIDGE_INGRESS_PORT"), tuple(19000, "BITBRIDGE_INGRESS_MANAGEMENT_PORT"));
    }

    @Test
    void checksTheConnectorsPortsWithTheirVariables() {
        Map<String, String> env = Map.of("BITBRIDGE_CONNECTOR_PORT", "18081", "BITBRIDGE_CONNECTOR_MANAGEMENT_PORT",
                "19002");

        assertThat(requiredPorts(env))
                .filteredOn(p -> p.component().equals(ServiceCatalog.BITBUCKET_CONNECTOR))
                .extracting(Port::number, Port::variable, Port::label)
                .containsExactly(tuple(18081, "BITBRIDGE_CONNECTOR_PORT", "bitbucket-connector"),
                        tuple(19002, "BITBRIDGE_CONNECTOR_MANAGEMENT_PORT", "bitbucket-connector management"));
    }

    @Test
    void checksTheAnalyzersPortsWithTheirVariables() {
        Map<String, String> env = Map.of("BITBRIDGE_ANALYZER_PORT", "18083", "BITBRIDGE_ANALYZER_MANAGEMENT_PORT",
                "19003");

        assertThat(requiredPorts(env))
                .filteredOn(p -> p.component().equals(ServiceCatalog.COMMIT_ANALYZER))
                .extracting(Port::number, Port::variable, Port::label)
                .containsExactly(tuple(18083, "BITBRIDGE_ANALYZER_PORT", "commit-analyzer"),
                        tuple(19003, "BITBRIDGE_ANALYZER_MANAGEMENT_PORT", "commit-analyzer management"));
    }

    @Test
    void refusesTheAnalyzerOnTheManagementPortOfTheConnector() {
        int port = FreePorts.next();
        List<Port> ports = requiredPorts(Map.of("BITBRIDGE_CONNECTOR_MANAGEMENT_PORT", Integer.toString(port),
                "BITBRIDGE_ANALYZER_MANAGEMENT_PORT", Integer.toString(port)));

        assertThatThrownBy(() -> PortCheck.requireFree(ports))
                .isInstanceOfSatisfying(PortInUseException.class,
                        e -> assertThat(e.component).isEqualTo(ServiceCatalog.COMMIT_ANALYZER))
                .hasMessageContaining("port " + port
                        + " is set for both bitbucket-connector management and commit-analyzer management")
                .hasMessageEndingWith("set BITBRIDGE_ANALYZER_MANAGEMENT_PORT to another port");
    }

    @Test
    void refusesTheConnectorOnThePortOfTheIngress() {
        int port = FreePorts.next();
        List<Port> ports = requiredPorts(Map.of("BITBRIDGE_INGRESS_PORT", Integer.toString(port),
                "BITBRIDGE_CONNECTOR_PORT", Integer.toString(port)));

        assertThatThrownBy(() -> PortCheck.requireFree(ports))
                .isInstanceOfSatisfying(PortInUseException.class,
                        e -> assertThat(e.component).isEqualTo(ServiceCatalog.BITBUCKET_CONNECTOR))
                .hasMessageContaining("port " + port + " is set for both webhook-ingress and bitbucket-connector")
                .hasMessageEndingWith("set BITBRIDGE_CONNECTOR_PORT to another port");
    }

    @Test
    void namesTheManagementPortVariableWhenThatPortIsTaken() throws Exception {
        // Taken on localhost only, as another service's management interface would take it.
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            List<Port> ports = requiredPorts(Map.of("BITBRIDGE_INGRESS_MANAGEMENT_PORT", Integer.toString(port)));

            assertThatThrownBy(() -> PortCheck.requireFree(ports))
                    .isInstanceOfSatisfying(PortInUseException.class,
                            e -> assertThat(e.component).isEqualTo(ServiceCatalog.WEBHOOK_INGRESS))
                    .hasMessageContaining("port " + port + " (webhook-ingress management) is already in use")
                    .hasMessageEndingWith("set BITBRIDGE_INGRESS_MANAGEMENT_PORT");
        }
    }

    @Test
    void namesThePublicPortVariableWhenThatPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            List<Port> ports = requiredPorts(Map.of("BITBRIDGE_INGRESS_PORT", Integer.toString(port)));

            assertThatThrownBy(() -> PortCheck.requireFree(ports))
                    .hasMessageContaining("port " + port + " (webhook-ingress) is already in use")
                    .hasMessageEndingWith("set BITBRIDGE_INGRESS_PORT");
        }
    }

    @Test
    void refusesOnePortForTwoComponents() {
        int port = FreePorts.next();
        List<Port> ports = requiredPorts(Map.of("BITBRIDGE_INGRESS_PORT", Integer.toString(port),
                "BITBRIDGE_INGRESS_MANAGEMENT_PORT", Integer.toString(port)));

        assertThatThrownBy(() -> PortCheck.requireFree(ports))
                .hasMessageContaining("port " + port + " is set for both webhook-ingress and webhook-ingress management")
                .hasMessageEndingWith("set BITBRIDGE_INGRESS_MANAGEMENT_PORT to another port");
    }

    /**
     * The ports the supervisor would check: free ones for everything, so that the test never depends on what runs on
     * 5432 or 9092 here, then {@code env}.
     */
    private static List<Port> requiredPorts(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("BITBRIDGE_HOME", TestPaths.tempDir("home-").toString()));
        for (String variable : List.of("BITBRIDGE_POSTGRES_PORT", "BITBRIDGE_KAFKA_PORT", "BITBRIDGE_KAFKA_CONTROLLER_PORT",
                "BITBRIDGE_INGRESS_PORT", "BITBRIDGE_INGRESS_MANAGEMENT_PORT", "BITBRIDGE_CONNECTOR_PORT",
                "BITBRIDGE_CONNECTOR_MANAGEMENT_PORT", "BITBRIDGE_ANALYZER_PORT", "BITBRIDGE_ANALYZER_MANAGEMENT_PORT",
                "BITBRIDGE_TRIGGER_PORT", "BITBRIDGE_TRIGGER_MANAGEMENT_PORT", "BITBRIDGE_REPORTER_PORT",
                "BITBRIDGE_REPORTER_MANAGEMENT_PORT")) {
            // The OS may hand out a port it just handed out: each one distinct, and none of those env sets.
            int port;
            do {
                port = FreePorts.next();
            } while (all.containsValue(Integer.toString(port)) || env.containsValue(Integer.toString(port)));
            all.put(variable, Integer.toString(port));
        }
        all.putAll(env);
        LauncherConfig config = LauncherConfig.fromEnvironment(Path.of(".."), all);
        return PortCheck.required(config, ServiceCatalog.services(config, new LauncherHome(config.home()).create()));
    }
}
