package dev.bitbridge.platform.kafka;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import dev.bitbridge.events.TopicSpec;

/**
 * Makes sure the topics a service writes first exist with their contract's settings before it sends anything: a
 * broker that creates topics on first use would give them the cluster's defaults (a compacted table would lose records
 * to retention), and a Kafka transaction writing to a missing topic could only fail.
 * <p>
 * {@link #start()} keeps trying in the background until every topic exists, so a service starts (not ready) while
 * Kafka is away; {@link #waitingFor()} says why it is not done, for readiness. Topics that exist are left as they are.
 */
public final class TopicCreator {

    private static final Logger LOG = Logger.getLogger(TopicCreator.class);
    private static final long CALL_TIMEOUT_MS = 5000;
    private static final long RETRY_MS = 2000;

    private final String service;
    private final List<TopicSpec> specs;
    private final Object bootstrapServers;
    private volatile boolean exists;
    private volatile String waitingFor = "not checked yet";

    /**
     * @param service the service, for the log
     * @param specs the topics it needs
     * @param kafkaConfig the service's Kafka client configuration ({@code kafka.*}); only its bootstrap servers are used
     */
    public TopicCreator(String service, List<TopicSpec> specs, Map<String, Object> kafkaConfig) {
        this.service = service;
        this.specs = List.copyOf(specs);
        this.bootstrapServers = kafkaConfig.get("bootstrap.servers");
    }

    /** Checks, and creates what is missing, on a daemon thread until every topic exists. */
    public void start() {
        Thread worker = new Thread(() -> {
            try {
                while (!ensure()) {
                    Thread.sleep(RETRY_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, service + "-topics");
        worker.setDaemon(true);
        worker.start();
    }

    /** @return whether every topic is known to exist */
    public boolean exists() {
        return exists;
    }

    /** @return why the topics are not known to exist yet, for readiness */
    public Optional<String> waitingFor() {
        return exists ? Optional.empty() : Optional.of(waitingFor);
    }

    /** @return whether every topic exists; checks (and creates what is missing) when not known yet */
    public synchronized boolean ensure() {
        if (exists) {
            return true;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT_MS,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT_MS))) {
            Set<String> names = admin.listTopics().names().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            for (TopicSpec spec : specs) {
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
        String reason = "Kafka did not list or create " + specs.stream().map(TopicSpec::name).toList() + ": "
                + failure.getClass().getSimpleName();
        if (!reason.equals(waitingFor)) {
            LOG.warnf("%s; %s waits until they exist", reason, service);
        }
        waitingFor = reason;
    }
}
