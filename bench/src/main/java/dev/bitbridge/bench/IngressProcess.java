package dev.bitbridge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.bitbridge.testkit.FreePorts;

/**
 * The webhook ingress as a child JVM: {@code java <jvm args> -D... -jar quarkus-run.jar}, configured through system
 * properties, its output in a log file. It listens on two local ports: the public one for webhooks, and the management
 * interface for health (and metrics). {@link #close()} stops it (SIGTERM, then SIGKILL after 20 s).
 */
public final class IngressProcess implements AutoCloseable {

    /**
     * Added to every ingress JVM after {@code --ingress-jvm-args}, so overriding the defaults cannot drop it: an
     * ingress that ran out of memory must exit (and fail the run visibly) rather than go on answering in a broken
     * state.
     */
    static final List<String> REQUIRED_JVM_ARGS = List.of("-XX:+ExitOnOutOfMemoryError");

    private static final String HOST = "127.0.0.1";

    private final Process process;
    private final String baseUrl;
    private final String managementUrl;

    private IngressProcess(Process process, int port, int managementPort) {
        this.process = process;
        this.baseUrl = "http://" + HOST + ":" + port;
        this.managementUrl = "http://" + HOST + ":" + managementPort;
    }

    /**
     * Starts the ingress and returns once {@code GET /q/health/ready} on its management port answers 200.
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
        int managementPort = FreePorts.next();
        while (managementPort == port) {
            managementPort = FreePorts.next();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = command(java, options, bootstrapServers, port, managementPort);
        try {
            Files.createDirectories(options.ingressLog().toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command)
                    .directory(options.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(options.ingressLog().toFile())
                    .start();
            IngressProcess ingress = new IngressProcess(process, port, managementPort);
            Runtime.getRuntime().addShutdownHook(new Thread(ingress::close, "ingress-stop"));
            try {
                IngressReadiness.await(ingress.managementUrl(), options.readyTimeout(), process,
                        "see " + options.ingressLog());
            } catch (RuntimeException e) {
                // the run gives up on this ingress (e.g. a jar built without a management interface): stop it now
                ingress.close();
                throw e;
            }
            return ingress;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the ingress: " + String.join(" ", command), e);
        }
    }

    /** @return {@code --ingress-jvm-args}, then {@link #REQUIRED_JVM_ARGS} not already among them */
    static List<String> jvmArgs(BenchOptions options) {
        List<String> args = new ArrayList<>(options.ingressJvmArgs());
        REQUIRED_JVM_ARGS.stream().filter(arg -> !args.contains(arg)).forEach(args::add);
        return List.copyOf(args);
    }

    /** @return the command line that starts the ingress with both its ports on the loopback interface */
    static List<String> command(String java, BenchOptions options, String bootstrapServers, int port,
            int managementPort) {
        String prefix = "-Dbitbridge.ingress.integrations." + options.integration() + ".";
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmArgs(options));
        command.add("-Dkafka.bootstrap.servers=" + bootstrapServers);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=" + HOST);
        command.add("-Dquarkus.management.port=" + managementPort);
        command.add("-Dquarkus.management.host=" + HOST);
        command.add(prefix + "flavor=cloud");
        command.add(prefix + "token=" + options.token());
        command.add(prefix + "secret=" + options.secret());
        command.add("-jar");
        command.add(options.ingressJar().toString());
        return command;
    }

    /** @return the public port, {@code http://127.0.0.1:<port>}: webhooks only */
    public String baseUrl() {
        return baseUrl;
    }

    /** @return the management interface, {@code http://127.0.0.1:<port>}: health and metrics under {@code /q/} */
    public String managementUrl() {
        return managementUrl;
    }

    /** @return the child's process id */
    public long pid() {
        return process.pid();
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
}
