package dev.bitbridge.connector.endtoend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.bitbridge.testkit.EmbeddedKafka;
import dev.bitbridge.testkit.ServiceJar;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real webhook ingress, packaged by its module earlier in the build, on the shared broker. */
final class IngressProcess {

    static final Path JAR = Path.of("../webhook-ingress/target/quarkus-app/quarkus-run.jar");

    private IngressProcess() {
    }

    /** Starts it with the connector's test sealing key, reading integrations from the topic. */
    static ServiceJar start(String logName) {
        assumeTrue(Files.exists(JAR), "The packaged ingress (" + JAR + ") is missing: run the reactor build"
                + " (./mvnw verify), which packages webhook-ingress before it tests the connector");
        return ServiceJar.of(JAR)
                .log(Path.of("target", logName + ".log").toAbsolutePath())
                .property("kafka.bootstrap.servers", EmbeddedKafka.shared().bootstrapServers())
                .property("bitbridge.ingress.sealing-keys.test", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
                .property("bitbridge.ingress.follow-integrations-topic", "true")
                .start()
                .awaitReady(Duration.ofSeconds(60));
    }
}
