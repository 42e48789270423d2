package dev.bitbridge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.bitbridge.testkit.FreePorts;

/**
 * The webhook ingress as a child JVM: {@code java <jvm args> -D... -jar quarkus-run.jar}, configured through system
 * properties, its output in a log file. {@link #close()} stops it (SIGTERM, then SIGKILL after 20 s).
 */
public final class IngressProcess implements AutoCloseable {

    private final Process process;
    private final String baseUrl;
    private final Path log;

    private IngressProcess(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /**
     * Starts the ingress and returns once {@code GET /q/health/ready} answers 200.
     *
     * @param options the run's options (jar, JVM args, log, integration, token, secret, timeout)
     * @param bootstrapServers the Kafka to publish to
     * @return the running ingress
     * @throws IllegalStateException when the jar is missing, the JVM exits, or readiness times out
     */
    public static IngressProcess start(BenchOptions options, String bootstrapServers) {
        Path jar = options.ingressJar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No ingress jar at " + jar
                    + ". Build it first: ./mvnw -q -B install -DskipTests -pl webhook-ingress -am");
        }
        int port = FreePorts.next();
        String prefix = "-Dbitbridge.ingress.integrations." + options.integration() + ".";
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.ingressJvmArgs());
        command.add("-Dkafka.bootstrap.servers=" + bootstrapServers);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add(prefix + "flavor=cloud");
        command.add(prefix + "token=" + options.token());
        command.add(prefix + "secret=" + options.secret());
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(options.ingressLog().toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command)
                    .directory(options.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(options.ingressLog().toFile())
                    .start();
            IngressProcess ingress = new IngressProcess(process, "http://127.0.0.1:" + port, options.ingressLog());
            Runtime.getRuntime().addShutdownHook(new Thread(ingress::close, "ingress-stop"));
            ingress.awaitReady(options.readyTimeout());
            return ingress;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the ingress: " + String.join(" ", command), e);
        }
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return baseUrl;
    }

    /** @return the child's process id */
    public long pid() {
        return process.pid();
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        int lastStatus = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The ingress exited with code " + process.exitValue()
                        + " before it was ready; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
                lastStatus = response.statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the ingress", e);
            }
            sleep(250);
        }
        throw new IllegalStateException("The ingress was not ready within " + timeout.toSeconds()
                + " s (last status of /q/health/ready: " + lastStatus + "); see " + log);
    }

    @Override
    public synchronized void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

}
