package dev.bitbridge.launcher;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import dev.bitbridge.events.TopicSpec;

/**
 * Creates the topics Bitbridge owns ({@code dev.bitbridge.events.Topics.ALL}) when they are missing, with the
 * partition counts and topic configs their contracts depend on, such as {@code cleanup.policy=compact} for the
 * integrations table. The broker does not create topics on its own, so this is the only place they come from locally,
 * as a {@code KafkaTopic} resource is on Kubernetes.
 * <p>
 * This is the one place that sets single-node values: the specs say nothing about replication, since production topics
 * inherit the cluster's settings, and a single broker needs replication factor 1 and {@code min.insync.replicas=1}
 * (with more, every {@code acks=all} write would fail for want of replicas). Both are set explicitly on each topic,
 * so neither depends on the broker's defaults nor on what a spec might carry.
 * <p>
 * Existing topics are left as they are — a developer may have changed one on purpose, and partitions cannot shrink —
 * with one exception: a record size limit ({@code max.message.bytes}) below its spec's is raised, since the services
 * refuse to become ready with a topic that cannot hold the largest record they accept (topics made before the limit
 * was part of the spec have Kafka's smaller default).
 */
public final class TopicCreator {

    private static final Logger LOG = Logger.getLogger(TopicCreator.class);
    /** One broker: every partition has exactly one replica. */
    static final short REPLICATION_FACTOR = 1;
    /** Topic configs one broker demands; they take precedence over a spec's. */
    static final Map<String, String> SINGLE_NODE_CONFIGS = Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1");

    private static final String MAX_MESSAGE_BYTES = TopicConfig.MAX_MESSAGE_BYTES_CONFIG;

    private final Admin admin;

    public TopicCreator(Admin admin) {
        this.admin = admin;
    }

    /**
     * @param topics the topics that must exist
     * @return the names of the topics that were created (empty when all existed)
     */
    public List<String> createMissing(Collection<TopicSpec> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(TopicCreator::singleNodeTopic)
                    .toList();
            List<String> created = new ArrayList<>();
            if (missing.isEmpty()) {
                return created;
            }
            var result = admin.createTopics(missing);
            for (NewTopic topic : missing) {
                try {
                    result.values().get(topic.name()).get(30, TimeUnit.SECONDS);
                    created.add(topic.name());
                    LOG.infof("Created topic %s (%d partitions, %s)", topic.name(), topic.numPartitions(),
                            topic.configs());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return created;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create the Bitbridge topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    /**
     * Raises {@code max.message.bytes} of existing topics to their spec's where it is lower.
     *
     * @param topics the topics and their specs
     * @return the names of the topics that were changed
     */
    public List<String> raiseRecordLimits(Collection<TopicSpec> topics) {
        List<TopicSpec> limited = topics.stream().filter(t -> t.configs().containsKey(MAX_MESSAGE_BYTES)).toList();
        List<String> raised = new ArrayList<>();
        try {
            for (TopicSpec spec : limited) {
                ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
                Config current = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
                long wanted = Long.parseLong(spec.configs().get(MAX_MESSAGE_BYTES));
                if (Long.parseLong(current.get(MAX_MESSAGE_BYTES).value()) < wanted) {
                    AlterConfigOp set = new AlterConfigOp(new ConfigEntry(MAX_MESSAGE_BYTES, Long.toString(wanted)),
                            AlterConfigOp.OpType.SET);
                    admin.incrementalAlterConfigs(Map.of(topic, List.of(set))).all().get(30, TimeUnit.SECONDS);
                    LOG.infof("Raised %s of topic %s to %d bytes", MAX_MESSAGE_BYTES, spec.name(), wanted);
                    raised.add(spec.name());
                }
            }
            return raised;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot update the Bitbridge topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while updating topics", e);
        }
    }

    /** The topic as a single broker can hold it: the spec's partitions and configs, plus the single-node values. */
    static NewTopic singleNodeTopic(TopicSpec spec) {
        Map<String, String> configs = new HashMap<>(spec.configs());
        configs.putAll(SINGLE_NODE_CONFIGS);
        return new NewTopic(spec.name(), spec.partitions(), REPLICATION_FACTOR).configs(configs);
    }
}
