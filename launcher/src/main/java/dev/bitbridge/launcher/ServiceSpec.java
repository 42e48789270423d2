package dev.bitbridge.launcher;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to run one Bitbridge service as a child JVM.
 *
 * @param name the service name, also the name of its log and pid files
 * @param artifact the file that must exist for the service to be runnable (its {@code quarkus-run.jar})
 * @param javaOptions JVM options (heap, collector)
 * @param launch what follows the options on the command line, e.g. {@code -jar <artifact>}
 * @param systemProperties configuration, passed as {@code -D} system properties (through an argument file, so that
 *        secrets do not show in {@code ps})
 * @param secretProperties names of the system properties whose values must never be logged
 * @param port the public HTTP port, the one clients and webhooks reach
 * @param portVariable the environment variable that sets the port, named when the port is taken
 * @param managementPort the port of the management interface on localhost, which serves the operations endpoints
 *        (health, metrics, OpenAPI) apart from the public port
 * @param managementPortVariable the environment variable that sets the management port, named when it is taken
 * @param healthPath the readiness endpoint on the management port, answering 200 when the service is ready
 * @param database the PostgreSQL database the service uses, which the supervisor creates before the service starts
 *        (the service's own migrations then create its tables), or empty if it uses none
 */
public record ServiceSpec(
        String name,
        Path artifact,
        List<String> javaOptions,
        List<String> launch,
        Map<String, String> systemProperties,
        Set<String> secretProperties,
        int port,
        String portVariable,
        int managementPort,
        String managementPortVariable,
        String healthPath,
        Optional<String> database) {

    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(artifact, "artifact");
        javaOptions = List.copyOf(javaOptions);
        launch = List.copyOf(launch);
        systemProperties = Collections.unmodifiableMap(new LinkedHashMap<>(systemProperties));
        secretProperties = Set.copyOf(secretProperties);
        Objects.requireNonNull(database, "database");
    }

    /** @return the readiness URL, on the management port: the public port serves no operations endpoints */
    public String healthUrl() {
        return "http://localhost:" + managementPort + healthPath;
    }

    /** @return the system properties as they may appear in a log: secret values replaced by {@code ***} */
    public Map<String, String> loggableProperties() {
        Map<String, String> out = new LinkedHashMap<>();
        systemProperties.forEach((k, v) -> out.put(k, secretProperties.contains(k) ? "***" : v));
        return out;
    }
}
