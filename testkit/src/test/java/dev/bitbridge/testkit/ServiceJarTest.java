package dev.bitbridge.testkit;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every service a test starts runs as the launcher runs it: exits on OutOfMemoryError, both ports on loopback. */
class ServiceJarTest {

    @Test
    void theOutOfMemoryFlagIsAlwaysInForce() {
        assertThat(ServiceJar.jvmOptions(List.of("-Xmx64m"))).containsExactly("-Xmx64m", ServiceJar.EXIT_ON_OOM);
        assertThat(ServiceJar.jvmOptions(List.of(ServiceJar.EXIT_ON_OOM))).containsExactly(ServiceJar.EXIT_ON_OOM);
        assertThat(ServiceJar.jvmOptions(List.of(ServiceJar.EXIT_ON_OOM, "-XX:-ExitOnOutOfMemoryError")))
                .as("added again after a later opt-out, so that it wins")
                .endsWith(ServiceJar.EXIT_ON_OOM);
    }

    @Test
    void theCommandPutsBothPortsOnLoopbackAndPassesProperties() {
        List<String> command = ServiceJar.of(Path.of("app.jar")).jvmOption("-Xmx96m").property("a.b", "c").command();

        assertThat(command).contains("-Xmx96m", ServiceJar.EXIT_ON_OOM, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.management.host=127.0.0.1", "-Da.b=c").endsWith("-jar", "app.jar");
        assertThat(command).anyMatch(a -> a.matches("-Dquarkus\\.http\\.port=\\d+"))
                .anyMatch(a -> a.matches("-Dquarkus\\.management\\.port=\\d+"));
    }

    @Test
    void aMissingJarIsReportedWithTheCommandThatBuildsIt() {
        assertThatThrownBy(() -> ServiceJar.of(Path.of("target/no-such.jar")).start())
                .hasMessageContaining("package the service first");
    }
}
