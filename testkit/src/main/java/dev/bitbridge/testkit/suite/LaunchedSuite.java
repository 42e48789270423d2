package dev.bitbridge.testkit.suite;

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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.bitbridge.testkit.FreePorts;

/**
 * Bitbridge as {@code ./bitbridge up} runs it: the launcher's supervisor as a process ({@code java -jar
 * launcher/target/bitbridge-launcher.jar supervise}, the options the script gives it), which starts a real PostgreSQL,
 * a real Kafka broker and every packaged service of {@code ServiceCatalog} with the configuration it gives them. Every
 * port is a free one and the home is a folder of its own under {@code target/}, so nothing collides with a
 * {@code ./bitbridge up} on this machine. Ready when the supervisor's status file says so, as {@code up} waits. Used
 * by the end-to-end tests ({@code e2e}) and the end-to-end benchmark ({@code bench}).
 */
public final class LaunchedSuite implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    static {
        // The test's own Kafka clients (slf4j → JBoss LogManager) would print their whole configuration on every read.
        org.jboss.logmanager.LogContext.getSystemLogContext().getLogger("org.apache.kafka")
                .setLevel(java.util.logging.Level.WARNING);
    }
    private static final String[] PORT_VARIABLES = { "BITBRIDGE_KAFKA_PORT", "BITBRIDGE_KAFKA_CONTROLLER_PORT",
            "BITBRIDGE_POSTGRES_PORT", "BITBRIDGE_INGRESS_PORT", "BITBRIDGE_INGRESS_MANAGEMENT_PORT",
            "BITBRIDGE_CONNECTOR_PORT", "BITBRIDGE_CONNECTOR_MANAGEMENT_PORT", "BITBRIDGE_ANALYZER_PORT",
            "BITBRIDGE_ANALYZER_MANAGEMENT_PORT", "BITBRIDGE_TRIGGER_PORT", "BITBRIDGE_TRIGGER_MANAGEMENT_PORT",
            "BITBRIDGE_REPORTER_PORT", "BITBRIDGE_REPORTER_MANAGEMENT_PORT" };

    private final Path repository;
    private final Path home;
    private final Map<String, String> environment;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process supervisor;
    private final Thread stopOnExit = new Thread(() -> {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }, "launched-suite-stop");

    private LaunchedSuite(Path repository, Path home, Map<String, String> environment) {
        this.repository = repository;
        this.home = home;
        this.environment = Map.copyOf(environment);
        // A port just handed out and closed may be handed out again: each variable gets one no other has.
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (String variable : PORT_VARIABLES) {
            int port = FreePorts.next();
            while (!taken.add(port)) {
                port = FreePorts.next();
            }
            ports.put(variable, port);
        }
    }

    /**
     * Starts the supervisor and waits until every component is ready; fails with the end of the logs if not.
     *
     * @param repository the repository root, whose {@code launcher/target/bitbridge-launcher.jar} and packaged
     *        services run
     * @param home the suite's {@code BITBRIDGE_HOME}, a folder of its own (created)
     */
    public static LaunchedSuite start(Path repository, Path home) throws Exception {
        return start(repository, home, Map.of());
    }

    /**
     * As {@link #start(Path, Path)}, with more environment for the supervisor, which its services inherit: a
     * service's setting the launcher leaves at its default, such as
     * {@code BITBRIDGE_CONNECTOR_BITBUCKET_CLOUD_API_URL} to point the connector at a Bitbucket Cloud simulator.
     */
    public static LaunchedSuite start(Path repository, Path home, Map<String, String> environment) throws Exception {
        LaunchedSuite suite = new LaunchedSuite(repository.toAbsolutePath().normalize(), home.toAbsolutePath(),
                environment);
        try {
            suite.launch();
        } catch (Exception | AssertionError e) {
            suite.close(); // what did start (PostgreSQL, Kafka, services) must not outlive the test
            throw e;
        }
        return suite;
    }

    private void launch() throws Exception {
        Path jar = repository.resolve("launcher/target/bitbridge-launcher.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the reactor (./mvnw verify) so that the launcher"
                    + " and every service are packaged before this module");
        }
        Files.createDirectories(home.resolve("logs"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // As the ./bitbridge script starts it (LAUNCHER_JAVA_OPTS, ALWAYS_JAVA_OPTS).
        ProcessBuilder builder = new ProcessBuilder(java, "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-Dbitbridge.repository=" + repository, "-jar", jar.toString(), "supervise")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("logs/launcher.log").toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("BITBRIDGE_"));
        env.put("BITBRIDGE_HOME", home.toString());
        env.put("BITBRIDGE_SERVICE_READY_TIMEOUT_SECONDS", "240");
        ports.forEach((k, v) -> env.put(k, Integer.toString(v)));
        env.putAll(environment);
        supervisor = builder.start();
        // A test or benchmark JVM ended by a signal runs no finally block: the suite must not outlive it either.
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        awaitReady();
    }

    private void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Optional<String> state = state("supervisor");
            if (state.filter("ready"::equals).isPresent()) {
                return;
            }
            if (state.filter("failed"::equals).isPresent() || !supervisor.isAlive()) {
                throw new IllegalStateException("Bitbridge did not start (supervisor " + state.orElse("gone") + ")\n"
                        + logs());
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Bitbridge was not ready within " + READY_TIMEOUT + "\n" + logs());
    }

    /** @return a component's state in the supervisor's status file ({@code ready}, {@code failed}, …) */
    public Optional<String> state(String component) throws IOException {
        Path status = home.resolve("run/status.tsv");
        if (!Files.isRegularFile(status)) {
            return Optional.empty();
        }
        return Files.readAllLines(status).stream().map(l -> l.split("\t")).filter(f -> f.length > 1)
                .filter(f -> f[0].equals(component)).map(f -> f[1]).findFirst();
    }

    /** @return a component's pid in the supervisor's status file, when it has one now */
    public java.util.OptionalLong pid(String component) throws IOException {
        Path status = home.resolve("run/status.tsv");
        if (!Files.isRegularFile(status)) {
            return java.util.OptionalLong.empty();
        }
        return Files.readAllLines(status).stream().map(l -> l.split("\t")).filter(f -> f.length > 2)
                .filter(f -> f[0].equals(component) && f[2].matches("\\d+"))
                .mapToLong(f -> Long.parseLong(f[2])).findFirst();
    }

    /**
     * Kills a service's process with SIGKILL, as {@code kill -9} does (no shutdown hook, nothing flushed), and waits
     * until it is gone. The supervisor then shows it as exited; {@link #restart} starts it again.
     *
     * @return the pid that was killed
     */
    public long kill(String service) throws Exception {
        long pid = pid(service).orElseThrow(() -> new IllegalStateException(service + " has no pid: is it running?"));
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(service + " (pid " + pid + ") is not running"));
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
        return pid;
    }

    /**
     * Restarts one component in the running supervisor as {@code ./bitbridge restart <component>} does (a service by
     * its full name, or {@code kafka}) and waits until it is ready again.
     */
    public void restart(String component) throws Exception {
        Path requests = home.resolve("run/requests");
        Files.createDirectories(requests);
        Path request = requests.resolve("restart-" + component);
        Path written = Files.createTempFile(requests, ".restart-", ".tmp");
        Files.move(written, request, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        // The supervisor marks the component as restarting before it takes the request.
        while (Files.exists(request) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        while (Instant.now().isBefore(deadline)) {
            Optional<String> state = state(component);
            if (state.filter("ready"::equals).isPresent()) {
                return;
            }
            if (state.filter("failed"::equals).isPresent() || !supervisor.isAlive()) {
                throw new IllegalStateException(component + " did not restart (" + state.orElse("no state") + ")\n"
                        + logs());
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(component + " was not ready again within " + READY_TIMEOUT + "\n" + logs());
    }

    /** @return the suite's {@code BITBRIDGE_HOME} */
    public Path home() {
        return home;
    }

    /** @return the end of every log, for a failure's message */
    public String logs() {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.list(home.resolve("logs"))) {
            for (Path log : files.sorted().toList()) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                out.append("--- ").append(log.getFileName()).append(" ---\n");
                lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(l -> out.append(l).append('\n'));
            }
        } catch (IOException | UncheckedIOException e) {
            out.append("(logs unreadable: ").append(e.getMessage()).append(")\n");
        }
        return out.toString();
    }

    public int port(String variable) {
        return ports.get(variable);
    }

    public String kafka() {
        return "localhost:" + port("BITBRIDGE_KAFKA_PORT");
    }

    /** @return the file holding the admin API token */
    public Path adminTokenFile() {
        return home.resolve("data/secrets/admin-api-token");
    }

    /** @return the repository the suite runs from */
    public Path repository() {
        return repository;
    }

    /** @return the admin API token the launcher generated, which every API takes */
    public String adminToken() throws IOException {
        return Files.readString(home.resolve("data/secrets/admin-api-token")).trim();
    }

    public URI connector(String path) {
        return URI.create("http://localhost:" + port("BITBRIDGE_CONNECTOR_PORT") + path);
    }

    public URI analyzer(String path) {
        return URI.create("http://localhost:" + port("BITBRIDGE_ANALYZER_PORT") + path);
    }

    public URI trigger(String path) {
        return URI.create("http://localhost:" + port("BITBRIDGE_TRIGGER_PORT") + path);
    }

    public URI reporter(String path) {
        return URI.create("http://localhost:" + port("BITBRIDGE_REPORTER_PORT") + path);
    }

    /** @return the answer to an admin API call with a JSON body (or none) */
    public HttpResponse<String> call(String method, URI uri, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken());
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Stops the supervisor as {@code ./bitbridge down} does (SIGTERM: services, then Kafka, then PostgreSQL). */
    @Override
    public void close() throws Exception {
        if (supervisor == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: the hook stops the supervisor (or has)
        }
        stop();
    }

    private void stop() throws InterruptedException {
        supervisor.destroy();
        if (!supervisor.waitFor(90, TimeUnit.SECONDS)) {
            supervisor.descendants().forEach(ProcessHandle::destroyForcibly);
            supervisor.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
