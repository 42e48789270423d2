package dev.bitbridge.launcher;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import dev.bitbridge.events.TopicSpec;

/**
 * Creates the topics Bitbridge owns ({@code dev.bitbridge.events.Topics.ALL}) when they are missing, with the
 * partition counts and topic configs their contracts depend on, such as {@code cleanup.policy=compact} for the
 * integrations table. The broker does not create topics on its own, so this is the only place they come from locally,
 * as a {@code KafkaTopic} resource is on Kubernetes.
 * <p>
 * Existing topics are left as they are: a developer may have changed one on purpose, and partitions cannot shrink.
 */
public final class TopicCreator {

    private static final Logger LOG = Logger.getLogger(TopicCreator.class);
    /** One broker: every partition has exactly one replica. */
    static final short REPLICATION_FACTOR = 1;

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
                    .map(t -> new NewTopic(t.name(), t.partitions(), REPLICATION_FACTOR).configs(t.configs()))
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
}
