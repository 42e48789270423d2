package dev.bitbridge.ingress;

import java.nio.file.Path;

import dev.bitbridge.testkit.EmbeddedKafka;
import dev.bitbridge.testkit.ServiceJar;

/** The packaged ingress, configured for the process-level tests, on the shared embedded broker. */
final class IngressJar {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    static final String INTEGRATION = "acme";
    static final String TOKEN = "process-test-token";

    private IngressJar() {
    }

    /** @return a builder with one Cloud integration {@value #INTEGRATION} (token {@value #TOKEN}) and Kafka set */
    static ServiceJar.Builder withKafka(String logName) {
        return bare(logName)
                .property("kafka.bootstrap.servers", EmbeddedKafka.shared().bootstrapServers())
                .property("bitbridge.ingress.integrations." + INTEGRATION + ".flavor", "cloud")
                .property("bitbridge.ingress.integrations." + INTEGRATION + ".token", TOKEN);
    }

    /** @return a builder with no configuration but the log file */
    static ServiceJar.Builder bare(String logName) {
        return ServiceJar.of(JAR).log(Path.of("target", logName + ".log").toAbsolutePath());
    }

    /** @return the path and query of the integration's webhook URL */
    static String target() {
        return "/webhooks/bitbucket/" + INTEGRATION + "?token=" + TOKEN;
    }
}
