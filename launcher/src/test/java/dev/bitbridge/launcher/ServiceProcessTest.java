package dev.bitbridge.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.bitbridge.testkit.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;

/** A service runs as a child JVM, configured by system properties that do not show in the process list. */
class ServiceProcessTest {

    private static final String SECRET = "s3cr\"et \\with/ quotes+=";

    @Test
    void passesSystemPropertiesWithoutShowingSecretsAndStops() throws Exception {
        int port = FreePorts.next();
        ServiceProcess service = new ServiceProcess(spec(port), TestPaths.tempDir("svc-").resolve("fake.log"),
                TestPaths.tempDir("run-"));

        long pid = service.start(code -> {
        });
        try {
            service.awaitReady(Duration.ofSeconds(30));

            assertThat(get(port, "/property?fake.secret")).isEqualTo(SECRET);
            assertThat(get(port, "/property?fake.plain")).isEqualTo("visible");
            String commandLine = ProcessHandle.of(pid).orElseThrow().info().commandLine().orElse("");
            assertThat(commandLine).doesNotContain("s3cr").contains("@");
        } finally {
            service.stop(Duration.ofSeconds(10));
        }
        assertThat(service.isAlive()).isFalse();
    }

    @Test
    void reportsAnExitItDidNotAskFor() throws Exception {
        int port = FreePorts.next();
        ServiceProcess service = new ServiceProcess(spec(port), TestPaths.tempDir("svc-").resolve("fake.log"),
                TestPaths.tempDir("run-"));
        CompletableFuture<Integer> exit = new CompletableFuture<>();

        service.start(exit::complete);
        service.awaitReady(Duration.ofSeconds(30));
        get(port, "/exit");

        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(3);
        service.stop(Duration.ofSeconds(1));
    }

    private static ServiceSpec spec(int port) throws Exception {
        Path classes = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path artifact = classes.resolve(FakeService.class.getName().replace('.', '/') + ".class");
        return new ServiceSpec("fake", artifact, List.of("-Xmx32m", "-XX:TieredStopAtLevel=1"),
                List.of("-cp", classes.toString(), FakeService.class.getName()),
                Map.of("quarkus.http.port", Integer.toString(port), "fake.secret", SECRET, "fake.plain", "visible"),
                Set.of("fake.secret"), port, "FAKE_PORT", "/q/health/ready");
    }

    private static String get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
