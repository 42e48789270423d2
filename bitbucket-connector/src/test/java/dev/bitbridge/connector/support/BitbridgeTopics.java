package dev.bitbridge.connector.support;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import dev.bitbridge.events.TopicSpec;
import dev.bitbridge.events.Topics;
import dev.bitbridge.testkit.EmbeddedKafka;

/**
 * Starts the shared broker and creates every Bitbridge topic on it, as the ingress (or a platform) does before the
 * connector reads them: the connector never creates the topics it consumes.
 */
public class BitbridgeTopics implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        kafka.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            for (TopicSpec spec : Topics.ALL) {
                try {
                    admin.createTopics(List.of(new NewTopic(spec.name(), Optional.of(spec.partitions()),
                            Optional.empty()).configs(spec.configs()))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create " + spec.name(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker is shared by every test of the JVM.
    }
}
