package dev.bitbridge.connector.kafka;

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
 * Makes sure the topics this service writes first exist with their contract's settings before anything is sent:
 * {@code bitbridge.integrations.v1}, compacted (a broker that creates topics on first use would give it the cluster's
 * defaults, and a deleted integration's record could be removed by retention instead of kept until its tombstone),
 * the enriched topics and their dead letters (a transaction writing to a missing topic could only fail), and the
 * connector's internal {@link #DEFERRED_FILES} topic.
 */
@ApplicationScoped
public class OwnTopics {

    private static final Logger LOG = Logger.getLogger(OwnTopics.class);
    private static final long CALL_TIMEOUT_MS = 5000;
    private static final long RETRY_MS = 2000;
    /**
     * Internal: commit events whose files the API budget deferred, read back by the connector when budget returns
     * ({@code enrichment.deferred}). Not a contract: other teams read {@code bitbridge.commits.v1}.
     */
    public static final TopicSpec DEFERRED_FILES = new TopicSpec("bitbridge.connector.deferred-files", 6,
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(7L * 24 * 60 * 60 * 1000),
                    "max.message.bytes", String.valueOf(4 * 1024 * 1024)));
    private static final List<TopicSpec> SPECS = List.of(Topics.INTEGRATIONS_V1_SPEC, Topics.REFS_V1_SPEC,
            Topics.COMMITS_V1_SPEC, Topics.PULLREQUESTS_V1_SPEC, Topics.WEBHOOKS_DEAD_LETTERS_V1_SPEC, DEFERRED_FILES);

    private final Map<String, Object> kafkaConfig;
    private volatile boolean exists;
    private volatile String waitingFor = "not checked yet";

    OwnTopics(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
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
        }, "own-topics");
        worker.setDaemon(true);
        worker.start();
    }

    /** @return whether the topics are known to exist; routing records wait until they do */
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
            java.util.Set<String> names = admin.listTopics().names().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            for (TopicSpec spec : SPECS) {
                if (!names.contains(spec.name())) {
                    create(admin, spec);
                }
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

    private static void create(Admin admin, TopicSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            admin.createTopics(List.of(new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty())
                    .configs(spec.configs()))).all().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            LOG.infof("Created topic %s with %s", spec.name(), spec.configs());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private void report(Throwable failure) {
        String reason = "Kafka did not list or create " + SPECS.stream().map(TopicSpec::name).toList() + ": "
                + failure.getClass().getSimpleName();
        if (!reason.equals(waitingFor)) {
            LOG.warn(reason + "; routing records wait until it exists");
        }
        waitingFor = reason;
    }
}
