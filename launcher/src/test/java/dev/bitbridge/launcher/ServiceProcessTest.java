package dev.bitbridge.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.bitbridge.testkit.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A service runs as a child JVM, configured by system properties that do not show in the process list, and is ready
 * when its management port says so.
 */
class ServiceProcessTest {

    private static final String SECRET = "s3cr\"et \\with/ quotes+=";

    @Test
    void passesSystemPropertiesWithoutShowingSecretsAndStops() throws Exception {
        ServiceSpec spec = spec(Map.of());
        ServiceProcess service = new ServiceProcess(spec, TestPaths.tempDir("svc-").resolve("fake.log"),
                TestPaths.tempDir("run-"));

        long pid = service.start(code -> {
        });
        try {
            service.awaitReady(Duration.ofSeconds(30));

            assertThat(get(spec.port(), "/property?fake.secret").body()).isEqualTo(SECRET);
            assertThat(get(spec.port(), "/property?fake.plain").body()).isEqualTo("visible");
            String commandLine = ProcessHandle.of(pid).orElseThrow().info().commandLine().orElse("");
            assertThat(commandLine).doesNotContain("s3cr").contains("@");
        } finally {
            service.stop(Duration.ofSeconds(10));
        }
        assertThat(service.isAlive()).isFalse();
    }

    @Test
    void readinessIsAskedOfTheManagementPort() throws Exception {
        ServiceSpec spec = spec(Map.of());
        ServiceProcess service = new ServiceProcess(spec, TestPaths.tempDir("svc-").resolve("fake.log"),
                TestPaths.tempDir("run-"));

        service.start(code -> {
        });
        try {
            // The fake, like the real service, has no /q/health on its public port: asking there never gets a 200.
            service.awaitReady(Duration.ofSeconds(30));

            assertThat(spec.healthUrl()).isEqualTo("http://localhost:" + spec.managementPort() + "/q/health/ready");
            assertThat(get(spec.managementPort(), "/q/health/ready").statusCode()).isEqualTo(200);
            assertThat(get(spec.port(), "/q/health/ready").statusCode()).isEqualTo(404);
        } finally {
            service.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void reportsAnExitItDidNotAskFor() throws Exception {
        ServiceSpec spec = spec(Map.of());
        ServiceProcess service = new ServiceProcess(spec, TestPaths.tempDir("svc-").resolve("fake.log"),
                TestPaths.tempDir("run-"));
        CompletableFuture<Integer> exit = new CompletableFuture<>();

        service.start(exit::complete);
        service.awaitReady(Duration.ofSeconds(30));
        get(spec.port(), "/exit");

        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(3);
        service.stop(Duration.ofSeconds(1));
    }

    @Test
    void deletesTheArgumentFileOnceTheServiceIsReady() throws Exception {
        Path runDir = TestPaths.tempDir("run-");
        ServiceProcess service = new ServiceProcess(spec(Map.of()), TestPaths.tempDir("svc-").resolve("fake.log"),
                runDir);
        Path argFile = runDir.resolve("fake.args");

        service.start(code -> {
        });
        try {
            assertThat(argFile).as("written for the start").exists();
            assertThat(Files.readString(argFile)).contains("s3cr");

            service.awaitReady(Duration.ofSeconds(30));

            assertThat(argFile).as("read by the JVM, so deleted").doesNotExist();
            assertThat(service.isAlive()).isTrue();
        } finally {
            service.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void deletesTheArgumentFileWhenStoppedBeforeItIsReady() throws Exception {
        Path runDir = TestPaths.tempDir("run-");
        ServiceProcess service = new ServiceProcess(spec(Map.of()), TestPaths.tempDir("svc-").resolve("fake.log"),
                runDir);

        service.start(code -> {
        });
        assertThat(runDir.resolve("fake.args")).exists();
        service.stop(Duration.ofSeconds(10));

        assertThat(service.isAlive()).isFalse();
        assertThat(runDir.resolve("fake.args")).doesNotExist();
    }

    @Test
    void deletesTheArgumentFileWhenTheServiceDiesBeforeItIsReady() throws Exception {
        Path runDir = TestPaths.tempDir("run-");
        ServiceProcess service = new ServiceProcess(spec(Map.of("fake.exit-at-start", "4")),
                TestPaths.tempDir("svc-").resolve("fake.log"), runDir);
        CompletableFuture<Integer> exit = new CompletableFuture<>();

        service.start(exit::complete);

        // Reported as an unexpected exit, the file already gone by then, without awaitReady or stop being called.
        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(4);
        assertThat(runDir.resolve("fake.args")).doesNotExist();
        assertThatThrownBy(() -> service.awaitReady(Duration.ofSeconds(5)))
                .hasMessageContaining("exited with code 4 before it was ready");
    }

    /** A fake service on two free ports, with {@code extraProperties} added to its configuration. */
    static ServiceSpec spec(Map<String, String> extraProperties) {
        Path classes = TestJvm.testClasses();
        Path artifact = classes.resolve(FakeService.class.getName().replace('.', '/') + ".class");
        int port = FreePorts.next();
        int managementPort = FreePorts.next();
        Map<String, String> props = new HashMap<>(Map.of("quarkus.http.port", Integer.toString(port),
                "quarkus.management.port", Integer.toString(managementPort), "quarkus.management.host", "localhost",
                "fake.secret", SECRET, "fake.plain", "visible"));
        props.putAll(extraProperties);
        return new ServiceSpec("fake", artifact, List.of("-Xmx32m", "-XX:TieredStopAtLevel=1"),
                List.of("-cp", classes.toString(), FakeService.class.getName()), props, Set.of("fake.secret"), port,
                "FAKE_PORT", managementPort, "FAKE_MANAGEMENT_PORT", "/q/health/ready", Optional.empty());
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
