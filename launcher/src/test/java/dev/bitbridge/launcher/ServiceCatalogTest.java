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
}
