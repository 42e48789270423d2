package dev.bitbridge.connector.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

import dev.bitbridge.events.TopicSpec;
import dev.bitbridge.events.Topics;

/**
 * Makes sure {@code bitbridge.integrations.v1} exists, compacted, before the first routing record is sent: a broker
 * that creates topics on first use would otherwise create it with the cluster's defaults, and a deleted integration's
 * record could be removed by retention instead of kept until its tombstone.
 */
@ApplicationScoped
public class RoutingTopic {

    private static final Logger LOG = Logger.getLogger(RoutingTopic.class);
    private static final long CALL_TIMEOUT_MS = 5000;
    private static final long RETRY_MS = 2000;
    private static final TopicSpec SPEC = Topics.INTEGRATIONS_V1_SPEC;

    private final Map<String, Object> kafkaConfig;
    private volatile boolean exists;
    private volatile String waitingFor = "not checked yet";

    RoutingTopic(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    void start(@Observes StartupEvent event) {
        Thread worker = new Thread(() -> {
            try {
                while (!ensure()) {
                    Thread.sleep(RETRY_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "routing-topic");
        worker.setDaemon(true);
        worker.start();
    }

    /** @return whether the topic is known to exist; routing records wait until it does */
    public boolean exists() {
        return exists;
    }

    /** @return whether the topic exists; checks (and creates it) when not known yet */
    synchronized boolean ensure() {
        if (exists) {
            return true;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafkaConfig.get("bootstrap.servers"), AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) CALL_TIMEOUT_MS, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT_MS))) {
            if (!admin.listTopics().names().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS).contains(SPEC.name())) {
                create(admin);
            }
            exists = true;
        } catch (ExecutionException e) {
            report(e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            report(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return exists;
    }

    /** @return why the topic is not known to exist yet, for readiness */
    public Optional<String> waitingFor() {
        return exists ? Optional.empty() : Optional.of(waitingFor);
    }

    private void create(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        try {
            admin.createTopics(List.of(new NewTopic(SPEC.name(), Optional.of(SPEC.partitions()), Optional.empty())
                    .configs(SPEC.configs()))).all().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            LOG.infof("Created topic %s with %s", SPEC.name(), SPEC.configs());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private void report(Throwable failure) {
        String reason = "Kafka did not list or create " + SPEC.name() + ": " + failure.getClass().getSimpleName();
        if (!reason.equals(waitingFor)) {
            LOG.warn(reason + "; routing records wait until it exists");
        }
        waitingFor = reason;
    }
}
