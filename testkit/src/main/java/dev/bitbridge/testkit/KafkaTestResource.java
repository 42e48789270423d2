package dev.bitbridge.testkit;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the shared {@link EmbeddedKafka} broker. Use with
 * {@code @QuarkusTestResource(KafkaTestResource.class)} or from a {@code QuarkusTestProfile}.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        kafka.start();
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker is shared by every test of the JVM and stops at JVM exit.
    }
}
