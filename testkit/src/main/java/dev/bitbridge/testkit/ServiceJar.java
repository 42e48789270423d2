package dev.bitbridge.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) run as a child JVM, the way the launcher and
 * a container run it, for tests that need a real process: to stop it with SIGTERM mid-burst, to see it refuse to start,
 * or to give it a small heap. Its public and management ports are free ports on the loopback interface; the JVM always
 * carries {@code -XX:+ExitOnOutOfMemoryError}, as every way Bitbridge starts a service does.
 */
public final class ServiceJar implements AutoCloseable {

    /** Added to every JVM this starts, after the caller's options. */
    public static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";
    private static final String HOST = "127.0.0.1";

    private final Process process;
    private final Path log;
    private final int port;
    private final int managementPort;

    private ServiceJar(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** @return a builder for the jar at {@code jar} */
    public static Builder of(Path jar) {
        return new Builder(jar);
    }

    /** @return {@code http://127.0.0.1:<public port>} */
    public URI publicUrl() {
        return URI.create("http://" + HOST + ":" + port);
    }

    /** @return the public port */
    public int port() {
        return port;
    }

    /** @return {@code http://127.0.0.1:<management port>} */
    public URI managementUrl() {
        return URI.create("http://" + HOST + ":" + managementPort);
    }

    /** @return the child process */
    public Process process() {
        return process;
    }

    /** @return what the service wrote to standard output and error so far */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until {@code GET /q/health/ready} on the management port answers 200.
     *
     * @throws IllegalStateException with the service's output when it exits first or the timeout passes
     */
    public ServiceJar awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(managementUrl().resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue() + " before it was"
                        + " ready:\n" + output());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
            sleep(200);
        }
        throw new IllegalStateException("The service was not ready within " + timeout.toSeconds() + " s:\n" + output());
    }

    /**
     * @return the exit status, once the process ended within {@code timeout}
     * @throws IllegalStateException when it is still running then
     */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The service still runs after " + timeout.toSeconds() + " s:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Sends SIGTERM, as an orchestrator does, without waiting. */
    public void terminate() {
        process.destroy();
    }

    /**
     * Kills the service at once (SIGKILL), as a crash, the OOM killer or {@code kill -9} would: no shutdown hook runs,
     * nothing is flushed or closed. Returns once the process is gone.
     *
     * @return the exit status (137 on Linux)
     */
    public int kill() {
        process.destroyForcibly();
        return awaitExit(Duration.ofSeconds(30));
    }

    /** Stops the service: SIGTERM, then SIGKILL after 30 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
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

    /**
     * @param given the caller's JVM options
     * @return them, followed by {@value #EXIT_ON_OOM} unless already among them: last, so that it wins over a
     *         {@code -XX:-ExitOnOutOfMemoryError}
     */
    public static List<String> jvmOptions(List<String> given) {
        List<String> options = new ArrayList<>(given);
        if (!options.contains(EXIT_ON_OOM) || options.lastIndexOf("-XX:-ExitOnOutOfMemoryError") > options
                .lastIndexOf(EXIT_ON_OOM)) {
            options.add(EXIT_ON_OOM);
        }
        return List.copyOf(options);
    }

    /** How to start the service. */
    public static final class Builder {

        private final Path jar;
        private final int port = FreePorts.next();
        private final int managementPort = FreePorts.next();
        private final List<String> jvmOptions = new ArrayList<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path log;
        private Path directory;

        private Builder(Path jar) {
            this.jar = jar;
        }

        /** Adds a JVM option, e.g. {@code -Xmx96m}. */
        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** Sets a configuration property, passed as {@code -Dkey=value}. */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /** Sets an environment variable of the child. */
        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** Where the child's output goes (default: a new file under {@code java.io.tmpdir}). */
        public Builder log(Path file) {
            this.log = file;
            return this;
        }

        /** The child's working directory (default: this process's). */
        public Builder directory(Path workingDirectory) {
            this.directory = workingDirectory;
            return this;
        }

        /**
         * @return the command line: java, the JVM options (with {@value #EXIT_ON_OOM}), both ports on the loopback
         *         interface, the properties, {@code -jar} and the jar
         */
        public List<String> command() {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions(jvmOptions));
            command.add("-Dquarkus.http.host=" + HOST);
            command.add("-Dquarkus.http.port=" + port);
            command.add("-Dquarkus.management.host=" + HOST);
            command.add("-Dquarkus.management.port=" + managementPort);
            properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("-jar");
            command.add(jar.toString());
            return command;
        }

        /** Starts the JVM and returns at once; see {@link ServiceJar#awaitReady(Duration)}. */
        public ServiceJar start() {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: package the service first (./mvnw package)");
            }
            try {
                Path output = log != null ? log
                        : Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "service-", ".log");
                Files.createDirectories(output.toAbsolutePath().getParent());
                ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                if (directory != null) {
                    builder.directory(directory.toFile());
                }
                builder.environment().putAll(environment);
                ServiceJar service = new ServiceJar(builder.start(), output, port, managementPort);
                Runtime.getRuntime().addShutdownHook(new Thread(service::close, "service-jar-stop"));
                return service;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start " + jar, e);
            }
        }
    }
}
