package dev.bitbridge.testkit.oidc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.bitbridge.testkit.FreePorts;

/**
 * A real Keycloak server (the {@code org.keycloak:keycloak-quarkus-dist} zip from Maven Central) run as a child
 * process on the loopback interface, with realms imported from JSON at start: an OIDC provider for tests, without
 * Docker.
 * <p>
 * The distribution is unpacked once into a cache directory ({@code bitbridge.keycloak.cache-dir}, by default
 * {@code java.io.tmpdir}, which Maven sets to the module's {@code target}) and built once there ({@code kc.sh build}:
 * in-memory H2 database, health checks on). Every start after that is {@code kc.sh start --optimized}, with a new
 * in-memory database and local caches, so each server holds exactly the realms it was started with (and the
 * {@code master} realm, with a bootstrap admin client: {@link #masterRealmToken()}). The zip's location comes from the
 * system property {@value #DISTRIBUTION_PROPERTY}, set by the module's pom.
 * <p>
 * Keycloak runs on the test's own JDK (Keycloak 26.7 starts on Java 17) unless {@value #JAVA_HOME_PROPERTY} names
 * another, e.g. {@code ./mvnw test -Dbitbridge.keycloak.java-home=/usr/lib/jvm/temurin-25-jdk-amd64}, with a 256 MB
 * heap and the C1 compiler only; it takes about 10 s to be ready and 0.4 GB of memory on two cores. The one-time
 * unpacking and build take about 20 s more.
 * <p>
 * The server's output goes to a file under {@code java.io.tmpdir} ({@link #log()}), named in the test log at start and
 * quoted when it fails to start.
 */
public final class KeycloakServer implements AutoCloseable {

    /** The path of the distribution zip. */
    public static final String DISTRIBUTION_PROPERTY = "bitbridge.keycloak.distribution";
    /** Where the distribution is unpacked and built (default: {@code java.io.tmpdir}). */
    public static final String CACHE_DIR_PROPERTY = "bitbridge.keycloak.cache-dir";
    /** The JDK that runs Keycloak (default: the one running the test). */
    public static final String JAVA_HOME_PROPERTY = "bitbridge.keycloak.java-home";

    /** Build-time options, applied once per unpacked distribution by {@code kc.sh build}. */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-mem", "--health-enabled=true");
    /** A small heap and the C1 compiler only: a test server lives for seconds and answers a handful of calls. */
    static final String HEAP_OPTIONS = "-Xms64m -Xmx256m -XX:TieredStopAtLevel=1";
    private static final String HOST = "127.0.0.1";
    private static final String BUILT_MARKER = ".bitbridge-build";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(KeycloakServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path log;
    private final int port;
    private final int managementPort;
    private final String adminClientId;
    private final String adminClientSecret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread shutdownHook;

    private KeycloakServer(Process process, Path log, int port, int managementPort, String adminClientId,
            String adminClientSecret) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
        this.adminClientId = adminClientId;
        this.adminClientSecret = adminClientSecret;
        this.shutdownHook = new Thread(this::stop, "keycloak-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts Keycloak with the given realms and returns once it is ready and serves each of them.
     *
     * @param realms realm representations as Keycloak exports them (JSON, each with a {@code realm} name)
     * @param timeout how long the start may take, not counting the one-time unpacking and build
     * @throws IllegalStateException when it does not start, with the end of its output and where the rest is
     */
    public static synchronized KeycloakServer start(List<String> realms, Duration timeout) {
        Path cacheDir = Path.of(System.getProperty(CACHE_DIR_PROPERTY, System.getProperty("java.io.tmpdir")));
        List<String> realmNames = realms.stream().map(KeycloakServer::realmName).toList();
        int port = FreePorts.next();
        int managementPort = FreePorts.next();
        String adminClientSecret = UUID.randomUUID().toString();
        try {
            Files.createDirectories(cacheDir);
            // One process at a time unpacks, builds, or fills data/import and starts from it.
            try (FileChannel channel = FileChannel.open(cacheDir.resolve("keycloak.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                Path home = prepare(cacheDir);
                Path imports = home.resolve("data").resolve("import");
                Files.createDirectories(imports);
                try (Stream<Path> stale = Files.list(imports)) {
                    for (Path file : stale.toList()) {
                        Files.delete(file);
                    }
                }
                for (int i = 0; i < realms.size(); i++) {
                    Files.writeString(imports.resolve(realmNames.get(i) + "-realm.json"), realms.get(i));
                }
                Path log = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "keycloak-", ".log");
                List<String> command = List.of("/bin/sh", home.resolve("bin").resolve("kc.sh").toString(), "start",
                        "--optimized",
                        "--http-enabled=true",
                        "--http-host=" + HOST,
                        "--http-port=" + port,
                        "--http-management-port=" + managementPort,
                        "--hostname-strict=false",
                        "--cache=local",
                        // The readiness probe below is not worth a log line every 100 ms.
                        "--log-level=INFO,io.smallrye.health:WARN",
                        "--import-realm");
                ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile());
                Map<String, String> env = environment(builder.environment());
                env.put("KC_BOOTSTRAP_ADMIN_CLIENT_ID", "bitbridge-bootstrap-admin");
                env.put("KC_BOOTSTRAP_ADMIN_CLIENT_SECRET", adminClientSecret);
                long began = System.nanoTime();
                LOG.infof("Keycloak (%s, Java %s) starting on http://%s:%d with realms %s; its output goes to %s",
                        home.getFileName(), env.get("JAVA_HOME"), HOST, port, realmNames, log);
                KeycloakServer server = new KeycloakServer(builder.start(), log, port, managementPort,
                        "bitbridge-bootstrap-admin", adminClientSecret);
                server.awaitReady(realmNames, timeout);
                LOG.infof("Keycloak on %s ready in %d ms", server.url(), (System.nanoTime() - began) / 1_000_000);
                return server;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Keycloak from " + cacheDir, e);
        }
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public URI url() {
        return URI.create("http://" + HOST + ":" + port);
    }

    /** @return the realm's issuer, {@code http://127.0.0.1:<port>/realms/<realm>}: an OIDC auth-server-url */
    public String realmUrl(String realm) {
        return url() + "/realms/" + realm;
    }

    /** @return the file that holds the server's standard output and error */
    public Path log() {
        return log;
    }

    /**
     * Asks the realm's token endpoint for an access token with the resource owner password grant.
     *
     * @throws IllegalStateException with Keycloak's answer when it refuses
     */
    public String passwordGrant(String realm, String clientId, String clientSecret, String username,
            String password) {
        return token(realm, Map.of("grant_type", "password", "client_id", clientId, "client_secret", clientSecret,
                "username", username, "password", password));
    }

    /**
     * Asks the realm's token endpoint for an access token with the client credentials grant.
     *
     * @throws IllegalStateException with Keycloak's answer when it refuses
     */
    public String clientCredentialsGrant(String realm, String clientId, String clientSecret) {
        return token(realm, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret",
                clientSecret));
    }

    /** @return an access token of the {@code master} realm, issued to the bootstrap admin client this server has */
    public String masterRealmToken() {
        return clientCredentialsGrant("master", adminClientId, adminClientSecret);
    }

    /** Stops the server and the JVM it runs in: SIGTERM, then SIGKILL after 20 s. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }

    private void stop() {
        // kc.sh runs Keycloak's JVM as its child: stop the JVM itself too, not only the script.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (ProcessHandle handle : tree) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                LOG.warnf("Keycloak process %d did not stop within 20 s: killing it", handle.pid());
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private String token(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl(realm) + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode token = response.statusCode() == 200 ? JSON.readTree(response.body()).get("access_token") : null;
            if (token == null) {
                throw new IllegalStateException("Keycloak's realm " + realm + " gave no token (" + form.get("grant_type")
                        + " grant): " + response.statusCode() + " " + response.body());
            }
            return token.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak's token endpoint did not answer; see " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private void awaitReady(List<String> realms, Duration timeout) {
        List<URI> probes = new ArrayList<>();
        probes.add(URI.create("http://" + HOST + ":" + managementPort + "/health/ready"));
        realms.forEach(realm -> probes.add(URI.create(realmUrl(realm) + "/.well-known/openid-configuration")));
        long deadline = System.nanoTime() + timeout.toNanos();
        int next = 0;
        while (next < probes.size()) {
            if (!process.isAlive()) {
                close();
                throw failure("Keycloak exited with " + process.exitValue() + " before it was ready");
            }
            if (System.nanoTime() > deadline) {
                close();
                throw failure("Keycloak was not ready within " + timeout.toSeconds() + " s (waiting for "
                        + probes.get(next) + ")");
            }
            try {
                HttpRequest probe = HttpRequest.newBuilder(probes.get(next)).timeout(Duration.ofSeconds(5)).build();
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    next++;
                    continue;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("Interrupted while Keycloak started", e);
            }
            sleep(100);
        }
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException(what + ". Its output is in " + log + "; it ends with:\n" + tail(log, 60));
    }

    /**
     * Unpacks the distribution into {@code cacheDir} unless it is there, and runs {@code kc.sh build} unless it was
     * built with {@link #BUILD_OPTIONS}. The caller holds the cache directory's lock.
     *
     * @return Keycloak's home directory
     */
    private static Path prepare(Path cacheDir) throws IOException {
        String distribution = System.getProperty(DISTRIBUTION_PROPERTY);
        if (distribution == null || !Files.isRegularFile(Path.of(distribution))) {
            throw new IllegalStateException("No Keycloak distribution at " + DISTRIBUTION_PROPERTY + "="
                    + distribution + ": the module's pom copies org.keycloak:keycloak-quarkus-dist (maven-dependency-"
                    + "plugin) and sets the property for Surefire; run the test through Maven");
        }
        Path zip = Path.of(distribution);
        Path home = cacheDir.resolve(topDirectory(zip));
        if (!Files.isRegularFile(home.resolve("bin").resolve("kc.sh"))) {
            long began = System.nanoTime();
            Path unpacking = Files.createTempDirectory(cacheDir, "keycloak-unpacking-");
            unzip(zip, unpacking);
            deleteTree(home);
            Files.move(unpacking.resolve(home.getFileName().toString()), home, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(unpacking);
            LOG.infof("Unpacked %s into %s in %d ms", zip.getFileName(), home, (System.nanoTime() - began) / 1_000_000);
        }
        Path marker = home.resolve(BUILT_MARKER);
        String wanted = String.join(" ", BUILD_OPTIONS);
        if (!Files.isRegularFile(marker) || !Files.readString(marker).equals(wanted)) {
            build(home, wanted);
            Files.writeString(marker, wanted);
        }
        return home;
    }

    private static void build(Path home, String options) throws IOException {
        Path log = home.getParent().resolve(home.getFileName() + "-build.log");
        List<String> command = new ArrayList<>(List.of("/bin/sh", home.resolve("bin").resolve("kc.sh").toString(),
                "build"));
        command.addAll(BUILD_OPTIONS);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        environment(builder.environment());
        long began = System.nanoTime();
        LOG.infof("Building Keycloak in %s (%s), once for this cache directory; output in %s", home, options, log);
        Process build = builder.start();
        try {
            if (!build.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                build.descendants().forEach(ProcessHandle::destroyForcibly);
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build did not finish within " + BUILD_TIMEOUT.toMinutes()
                        + " min; its output is in " + log + ":\n" + tail(log, 60));
            }
        } catch (InterruptedException e) {
            build.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Keycloak was built", e);
        }
        if (build.exitValue() != 0) {
            throw new IllegalStateException("kc.sh build failed with " + build.exitValue() + "; its output is in " + log
                    + ":\n" + tail(log, 60));
        }
        LOG.infof("Built Keycloak in %d ms", (System.nanoTime() - began) / 1_000_000);
    }

    /**
     * Makes the child's environment depend on nothing of the caller's: no {@code KC_*} settings, no
     * {@code JAVA_OPTS} (kc.sh would use them instead of its own), the chosen JDK.
     */
    private static Map<String, String> environment(Map<String, String> env) {
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("JAVA_OPTS")
                || List.of("JAVA", "JAVA_ADD_OPENS", "DEBUG", "DEBUG_PORT", "DEBUG_SUSPEND").contains(name));
        env.put("JAVA_HOME", System.getProperty(JAVA_HOME_PROPERTY, System.getProperty("java.home")));
        env.put("JAVA_OPTS_KC_HEAP", HEAP_OPTIONS);
        return env;
    }

    private static String topDirectory(Path zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry first = in.getNextEntry();
            if (first == null || !first.getName().contains("/")) {
                throw new IllegalStateException(zip + " is not a Keycloak distribution: no top-level directory");
            }
            return first.getName().substring(0, first.getName().indexOf('/'));
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IllegalStateException(zip + " has an entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    if (entry.getName().endsWith(".sh")) {
                        file.toFile().setExecutable(true);
                    }
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    static String realmName(String realm) {
        try {
            JsonNode name = JSON.readTree(realm).get("realm");
            if (name == null || name.asText().isBlank()) {
                throw new IllegalArgumentException("A realm representation needs a \"realm\" name");
            }
            return name.asText();
        } catch (IOException e) {
            throw new IllegalArgumentException("A realm representation must be JSON", e);
        }
    }

    private static String tail(Path file, int lines) {
        try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
            List<String> kept = all.collect(Collectors.toList());
            return String.join("\n", kept.subList(Math.max(0, kept.size() - lines), kept.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e.getMessage() + ")";
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

    /** @return the realm representation in a classpath resource (an absolute name, {@code /...}) */
    public static String realmResource(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream found = loader == null ? null : loader.getResourceAsStream(resource.substring(1));
        try (InputStream in = found != null ? found : KeycloakServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No realm file on the classpath at " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
