package dev.bitbridge.bench.connector;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

import dev.bitbridge.events.TopicSpec;
import dev.bitbridge.events.Topics;

/**
 * What the harness asks the broker: topics created as the ingress (or a platform) creates them before the connector
 * reads them, how far the enrichment's consumer group has committed (its offsets are committed in the transaction that
 * writes a batch's outputs, so they say which raw records are done), and where each output partition ends.
 */
public final class KafkaProgress implements AutoCloseable {

    /** The enrichment's consumer group ({@code mp.messaging.incoming.enrichment.group.id}). */
    public static final String ENRICHMENT_GROUP = "bitbucket-connector-enrichment";
    private static final long TIMEOUT_S = 30;

    private final Admin admin;

    /** @param bootstrapServers the broker */
    public KafkaProgress(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "bitbridge-bench-connector-admin"));
    }

    /** Creates every topic of {@link Topics#ALL} with its contract's partitions and settings; existing ones stay. */
    public void createTopics() {
        for (TopicSpec spec : Topics.ALL) {
            try {
                admin.createTopics(List.of(new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty())
                        .configs(spec.configs()))).all().get(TIMEOUT_S, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Cannot create " + spec.name(), e.getCause());
                }
            } catch (InterruptedException | TimeoutException e) {
                throw failed("create " + spec.name(), e);
            }
        }
    }

    /** @return the enrichment group's committed offset of each partition it committed */
    public Map<TopicPartition, Long> committed() {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(ENRICHMENT_GROUP)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_S, TimeUnit.SECONDS);
            Map<TopicPartition, Long> out = new HashMap<>();
            offsets.forEach((tp, at) -> {
                if (at != null) {
                    out.put(tp, at.offset());
                }
            });
            return out;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the offsets of " + ENRICHMENT_GROUP, e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw failed("read the offsets of " + ENRICHMENT_GROUP, e);
        }
    }

    /**
     * @param topics topics
     * @param isolation {@code READ_COMMITTED} for the last stable offsets, {@code READ_UNCOMMITTED} for the high
     *        watermarks (which count transaction markers too)
     * @return the end offset of every partition of the topics
     */
    public Map<TopicPartition, Long> ends(List<String> topics, IsolationLevel isolation) {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                    .get(TIMEOUT_S, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
            described.forEach((name, d) -> d.partitions()
                    .forEach(p -> specs.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> out = new HashMap<>();
            admin.listOffsets(specs, new ListOffsetsOptions(isolation)).all().get(TIMEOUT_S, TimeUnit.SECONDS)
                    .forEach((tp, info) -> out.put(tp, info.offset()));
            return out;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot list the offsets of " + topics, e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw failed("list the offsets of " + topics, e);
        }
    }

    /** @return the sum of a topic's high watermarks: its records plus its transaction markers */
    public long highWatermarks(String topic) {
        return ends(List.of(topic), IsolationLevel.READ_UNCOMMITTED).values().stream().mapToLong(Long::longValue)
                .sum();
    }

    /**
     * @param positions where raw records were written
     * @param committed the group's committed offsets
     * @return whether the group committed past every one of them
     */
    static boolean handled(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> committed) {
        return positions.entrySet().stream().allMatch(e -> committed.getOrDefault(e.getKey(), 0L) > e.getValue());
    }

    @Override
    public void close() {
        admin.close();
    }

    private static IllegalStateException failed(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("Could not " + what + " within " + TIMEOUT_S + " s", e);
    }
}
