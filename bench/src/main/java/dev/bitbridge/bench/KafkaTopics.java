package dev.bitbridge.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import dev.bitbridge.events.TopicSpec;

/** The few topic operations the harness needs: partition counts, record counts, the baseline's sibling topic. */
public final class KafkaTopics implements AutoCloseable {

    private static final long TIMEOUT_S = 30;

    private final Admin admin;

    /** @param bootstrapServers the broker */
    public KafkaTopics(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "bitbridge-bench-admin"));
    }

    /** @return the topic's partition count, or -1 when it does not exist */
    public int partitions(String topic) {
        try {
            TopicDescription d = admin.describeTopics(Set.of(topic)).allTopicNames().get(TIMEOUT_S, TimeUnit.SECONDS)
                    .get(topic);
            return d.partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return -1;
            }
            throw new IllegalStateException("Cannot describe topic " + topic, e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw interrupted("describe topic " + topic, e);
        }
    }

    /** Creates {@code topic} like {@code spec} but with {@code partitions}; an existing topic is left as is. */
    public void create(String topic, int partitions, TopicSpec spec) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(spec.configs())))
                    .all().get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + topic, e.getCause());
            }
        } catch (InterruptedException | TimeoutException e) {
            throw interrupted("create topic " + topic, e);
        }
    }

    /** Deletes a topic, ignoring failures: it only frees space. */
    public void deleteQuietly(String topic) {
        try {
            admin.deleteTopics(List.of(topic)).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // best effort
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the sum of the end offsets of every partition of the topic, 0 when it does not exist */
    public long records(String topic) {
        int partitions = partitions(topic);
        if (partitions < 0) {
            return 0;
        }
        Map<TopicPartition, OffsetSpec> latest = java.util.stream.IntStream.range(0, partitions).boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin.listOffsets(latest).all()
                    .get(TIMEOUT_S, TimeUnit.SECONDS);
            return offsets.values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot list offsets of " + topic, e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw interrupted("list offsets of " + topic, e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }

    private static IllegalStateException interrupted(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("Could not " + what + " within " + TIMEOUT_S + " s", e);
    }
}
