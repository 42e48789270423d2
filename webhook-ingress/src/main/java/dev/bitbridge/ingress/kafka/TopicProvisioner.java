package dev.bitbridge.ingress.kafka;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

import dev.bitbridge.events.TopicSpec;
import dev.bitbridge.events.Topics;
import dev.bitbridge.ingress.config.IngressConfig;

/**
 * Creates the topics the ingress writes and reads, with the settings their contracts need, when they are absent. In
 * deployments the topics are declared up front and {@code bitbridge.ingress.create-topics=false}.
 * <p>
 * It runs in the background from start-up, retrying while Kafka is unreachable, so the service starts (not ready)
 * even when Kafka does not.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private final IngressConfig config;
    private final Map<String, Object> kafkaConfig;
    private volatile boolean provisioned;

    @Inject
    TopicProvisioner(IngressConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
    }

    void start(@Observes StartupEvent event) {
        Thread thread = new Thread(() -> {
            while (!ensureTopics()) {
                try {
                    Thread.sleep(config.kafkaRetryInterval().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "topic-provisioner");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return whether the topics exist (or creating them is switched off) */
    public boolean provisioned() {
        return provisioned;
    }

    /** @return whether the needed topics now exist (or creation is switched off); {@code false} to try again later */
    boolean ensureTopics() {
        if (!config.createTopics()) {
            provisioned = true;
            return true;
        }
        Properties props = new Properties();
        props.putAll(kafkaConfig);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "webhook-ingress-provisioner");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
            for (TopicSpec spec : Topics.ALL) {
                if (!existing.contains(spec.name())) {
                    create(admin, spec);
                }
            }
            provisioned = true;
            return true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("Cannot reach Kafka to check topics (%s); will retry", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void create(Admin admin, TopicSpec spec) throws InterruptedException, ExecutionException, TimeoutException {
        NewTopic topic = new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty()).configs(spec.configs());
        try {
            admin.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
            LOG.infof("Created topic %s with %d partitions and %s", spec.name(), spec.partitions(), spec.configs());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
