package dev.bitbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.bitbridge.testkit.ServiceJar;

/**
 * The webhook ingress as a child JVM ({@link ServiceJar}: {@code java <jvm args> -D... -jar quarkus-run.jar}),
 * configured through system properties, its output in a log file. It listens on two local ports: the public one for
 * webhooks, and the management interface for health (and metrics). {@link #close()} stops it (SIGTERM, then SIGKILL).
 */
public final class IngressProcess implements AutoCloseable {

    private final ServiceJar service;

    private IngressProcess(ServiceJar service) {
        this.service = service;
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
        ServiceJar service = builder(options, bootstrapServers).start();
        try {
            IngressReadiness.await(service.managementUrl().toString(), options.readyTimeout(), service.process(),
                    "see " + options.ingressLog());
        } catch (RuntimeException e) {
            // the run gives up on this ingress (e.g. a jar built without a management interface): stop it now
            service.close();
            throw e;
        }
        return new IngressProcess(service);
    }

    /** @return how the ingress is started: the options' JVM arguments and the signed Cloud integration to send to */
    static ServiceJar.Builder builder(BenchOptions options, String bootstrapServers) {
        String prefix = "bitbridge.ingress.integrations." + options.integration() + ".";
        ServiceJar.Builder builder = ServiceJar.of(options.ingressJar())
                .directory(options.root())
                .log(options.ingressLog())
                .property("kafka.bootstrap.servers", bootstrapServers)
                .property(prefix + "flavor", "cloud")
                .property(prefix + "token", options.token())
                .property(prefix + "secret", options.secret());
        options.ingressJvmArgs().forEach(builder::jvmOption);
        return builder;
    }

    /** @return {@code --ingress-jvm-args}, then {@code -XX:+ExitOnOutOfMemoryError} unless already in force */
    static List<String> jvmArgs(BenchOptions options) {
        return ServiceJar.jvmOptions(options.ingressJvmArgs());
    }

    /** @return the public port, {@code http://127.0.0.1:<port>}: webhooks only */
    public String baseUrl() {
        return service.publicUrl().toString();
    }

    /** @return the management interface, {@code http://127.0.0.1:<port>}: health and metrics under {@code /q/} */
    public String managementUrl() {
        return service.managementUrl().toString();
    }

    /** @return the child's process id */
    public long pid() {
        return service.process().pid();
    }

    @Override
    public void close() {
        service.close();
    }
}
