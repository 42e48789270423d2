package dev.bitbridge.ingress.kafka;

import java.time.Duration;
import java.util.HashMap;
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
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

import dev.bitbridge.events.TopicSpec;
import dev.bitbridge.events.Topics;
import dev.bitbridge.ingress.config.IngressConfig;
import dev.bitbridge.platform.lifecycle.FatalErrors;

/**
 * Creates the topics the ingress writes and reads, with the settings their contracts need, when they are absent. In
 * deployments the topics are declared up front and {@code bitbridge.ingress.create-topics=false}.
 * <p>
 * Durability is the cluster's: a topic is created with the cluster's default replication factor and
 * {@code min.insync.replicas} unless {@code bitbridge.ingress.topics.*} says otherwise.
 * <p>
 * {@code bitbridge.webhook-refusals.v1} only carries diagnostics: failing to create it is logged, and the ingress becomes
 * ready without it (refusal reports are then dropped and counted, see {@code refusals.RefusalReporter}).
 * <p>
 * Whether the topics were created here or declared by the platform, the raw topic must take a record of the largest
 * body the ingress accepts ({@code max.message.bytes}); otherwise the ingress does not become ready, and says why.
 * <p>
 * It runs in the background from start-up, retrying for as long as it takes, so the service starts (not ready) even
 * when Kafka does not. Why it has not succeeded yet — Kafka unreachable, not authorized, refused by a policy — is
 * logged once per change of reason and shown in readiness.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final IngressConfig config;
    private final Map<String, Object> kafkaConfig;
    private final FatalErrors fatalErrors;
    private volatile boolean provisioned;
    private volatile String waitingFor = "not started";
    private volatile Thread thread;
    private String diagnosticsProblem;

    @Inject
    TopicProvisioner(IngressConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            FatalErrors fatalErrors) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.fatalErrors = fatalErrors;
    }

    void start(@Observes StartupEvent event) {
        Thread worker = new Thread(this::provision, "topic-provisioner");
        worker.setDaemon(true);
        thread = worker;
        worker.start();
    }

    /** @return whether the topics exist (or creating them is switched off) */
    public boolean provisioned() {
        return provisioned;
    }

    /** @return why the topics are not provisioned yet, for readiness; empty once they are */
    public Optional<String> waitingFor() {
        return provisioned ? Optional.empty() : Optional.of(waitingFor);
    }

    /** @return a problem for liveness: the provisioning thread ended before the topics were provisioned */
    public Optional<String> problem() {
        Thread worker = thread;
        if (provisioned || worker == null || worker.isAlive()) {
            return Optional.empty();
        }
        return Optional.of("topic provisioning ended before the topics existed (" + waitingFor + ")");
    }

    private void provision() {
        try {
            while (!ensureTopics()) {
                Thread.sleep(config.kafkaRetryInterval().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Error e) {
            waitingFor = e.getClass().getName();
            fatalErrors.handle("topic provisioning", e);
        }
    }

    /** @return whether the needed topics now exist (or creation is switched off); {@code false} to try again later */
    boolean ensureTopics() throws InterruptedException {
        String action = "list the topics";
        try (Admin admin = Admin.create(adminProperties())) {
            if (config.createTopics()) {
                Set<String> existing = admin.listTopics().names().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                for (TopicSpec spec : Topics.ALL) {
                    if (existing.contains(spec.name()) || spec == Topics.WEBHOOK_REFUSALS_V1_SPEC) {
                        continue;
                    }
                    action = "create topic " + spec.name();
                    create(admin, spec);
                }
                if (config.refusals().enabled() && !existing.contains(Topics.WEBHOOK_REFUSALS_V1)) {
                    createDiagnostics(admin, Topics.WEBHOOK_REFUSALS_V1_SPEC);
                }
            }
            action = "read the settings of " + Topics.WEBHOOKS_V1;
            Optional<String> tooSmall = recordSizeProblem(admin);
            if (tooSmall.isPresent()) {
                report(tooSmall.get());
                return false;
            }
            provisioned = true;
            return true;
        } catch (ExecutionException e) {
            report(TopicProvisioningFailure.describe(e.getCause(), action));
        } catch (TimeoutException | RuntimeException e) {
            report(TopicProvisioningFailure.describe(e, action));
        }
        return false;
    }

    private void create(Admin admin, TopicSpec spec) throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, String> configs = new HashMap<>(spec.configs());
        config.topics().minInsyncReplicas().ifPresent(n -> configs.put("min.insync.replicas", Integer.toString(n)));
        Optional<Short> replicas = config.topics().replicationFactor().isPresent()
                ? Optional.of((short) config.topics().replicationFactor().getAsInt())
                : Optional.empty();
        NewTopic topic = new NewTopic(spec.name(), Optional.of(spec.partitions()), replicas).configs(configs);
        try {
            admin.createTopics(List.of(topic)).all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.infof("Created topic %s with %d partitions, replication factor %s and %s", spec.name(), spec.partitions(),
                    replicas.map(String::valueOf).orElse("of the cluster"), configs);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** Creates a topic that webhooks do not need; a failure is logged (once per reason) and does not stop readiness. */
    private void createDiagnostics(Admin admin, TopicSpec spec) throws InterruptedException {
        String problem;
        try {
            create(admin, spec);
            return;
        } catch (ExecutionException e) {
            problem = TopicProvisioningFailure.describe(e.getCause(), "create topic " + spec.name());
        } catch (TimeoutException | RuntimeException e) {
            problem = TopicProvisioningFailure.describe(e, "create topic " + spec.name());
        }
        if (!problem.equals(diagnosticsProblem)) {
            LOG.warnf("%s. Webhooks are served regardless; refused deliveries are not reported until the topic exists.",
                    problem);
        }
        diagnosticsProblem = problem;
    }

    /**
     * @return why {@code bitbridge.webhooks.v1} would refuse the largest accepted body (its {@code max.message.bytes}
     *         is too small), which would answer such deliveries 503 forever; empty when it takes them
     */
    private Optional<String> recordSizeProblem(Admin admin)
            throws InterruptedException, ExecutionException, TimeoutException {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.WEBHOOKS_V1);
        Config settings;
        try {
            settings = admin.describeConfigs(List.of(topic)).all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthorizationException) {
                LOG.warnf("Not allowed to read the settings of %s, so its max.message.bytes is not checked against"
                        + " bitbridge.ingress.max-body-size", Topics.WEBHOOKS_V1);
                return Optional.empty();
            }
            throw e;
        }
        ConfigEntry limit = settings.get("max.message.bytes");
        long needed = config.maxBodySize().asLongValue() + Topics.RECORD_OVERHEAD_BYTES;
        if (limit == null || limit.value() == null || Long.parseLong(limit.value()) >= needed) {
            return Optional.empty();
        }
        return Optional.of("topic " + Topics.WEBHOOKS_V1 + " takes records of at most " + limit.value() + " bytes"
                + " (max.message.bytes), but a delivery of bitbridge.ingress.max-body-size needs up to " + needed
                + ": raise the topic's max.message.bytes or lower max-body-size, or such deliveries would be answered 503");
    }

    private void report(String reason) {
        if (!reason.equals(waitingFor)) {
            LOG.warnf("Topics not provisioned yet: %s. Retrying every %d ms.", reason, config.kafkaRetryInterval().toMillis());
        }
        waitingFor = reason;
    }

    private Properties adminProperties() {
        Properties props = new Properties();
        props.putAll(kafkaConfig);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "webhook-ingress-provisioner");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis());
        return props;
    }
}
