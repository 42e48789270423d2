package dev.bitbridge.connector.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows output topics as they fill, twice: as a {@code read_committed} consumer sees them and as a
 * {@code read_uncommitted} one does. More records seen uncommitted than committed means a transaction is open with
 * records in it — or that the committed reader has not caught up yet. Counts only records whose key starts with a
 * prefix (one integration's).
 */
final class OutputWatcher implements AutoCloseable {

    private final String keyPrefix;
    private final KafkaConsumer<String, byte[]> committed;
    private final KafkaConsumer<String, byte[]> uncommitted;
    private final Map<String, Long> committedCounts = new HashMap<>();
    private final Map<String, Long> uncommittedCounts = new HashMap<>();

    OutputWatcher(String bootstrapServers, String keyPrefix, List<String> topics) {
        this.keyPrefix = keyPrefix;
        this.committed = consumer(bootstrapServers, "read_committed");
        this.uncommitted = consumer(bootstrapServers, "read_uncommitted");
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            committed.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            committedCounts.put(topic, 0L);
            uncommittedCounts.put(topic, 0L);
        }
        for (KafkaConsumer<String, byte[]> consumer : List.of(committed, uncommitted)) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
    }

    /** Reads what arrived since the last call, a few milliseconds at most per reader. */
    void poll() {
        count(committed.poll(Duration.ofMillis(5)), committedCounts);
        count(uncommitted.poll(Duration.ofMillis(5)), uncommittedCounts);
    }

    /** Polls for a while. */
    void pollFor(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < until) {
            poll();
        }
    }

    long committed(String topic) {
        return committedCounts.get(topic);
    }

    long uncommitted(String topic) {
        return uncommittedCounts.get(topic);
    }

    long committedTotal() {
        return committedCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    long uncommittedTotal() {
        return uncommittedCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return what each reader saw, per topic, for the test's log */
    String summary() {
        return "committed " + committedCounts + ", uncommitted " + uncommittedCounts;
    }

    private void count(Iterable<ConsumerRecord<String, byte[]>> records, Map<String, Long> counts) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() != null && record.key().startsWith(keyPrefix)) {
                counts.merge(record.topic(), 1L, Long::sum);
            }
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, String isolation) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    @Override
    public void close() {
        committed.close();
        uncommitted.close();
    }
}
