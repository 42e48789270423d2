package dev.bitbridge.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what is on a topic right now, from the beginning up to the end offsets of the moment, without a consumer
 * group. Tests use it to assert what landed — and what did not.
 */
public final class TopicScanner {

    private final String bootstrapServers;

    public TopicScanner(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** @return a scanner for the shared embedded broker */
    public static TopicScanner ofSharedKafka() {
        return new TopicScanner(EmbeddedKafka.shared().bootstrapServers());
    }

    /** @return every record on the topic now, in partition and offset order, aborted transactions' records included */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return read(topic, "read_uncommitted");
    }

    /**
     * @return every record of committed transactions (and non-transactional ones) on the topic now, as a
     *         {@code read_committed} consumer of Bitbridge's topics sees them; the end is the last stable offset
     */
    public List<ConsumerRecord<String, byte[]>> readCommitted(String topic) {
        return read(topic, "read_committed");
    }

    private List<ConsumerRecord<String, byte[]>> read(String topic, String isolation) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(isolation)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within 30 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }

    /** @return the records whose header {@code name} has the value {@code value} */
    public List<ConsumerRecord<String, byte[]>> readWithHeader(String topic, String name, String value) {
        return readAll(topic).stream().filter(r -> value.equals(header(r, name))).toList();
    }

    /** @return how many records the topic has ever received (the sum of its partitions' end offsets) */
    public long endOffsetTotal(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer("read_uncommitted")) {
            return consumer.endOffsets(partitions(consumer, topic)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** @return the last value of header {@code name} as UTF-8, or {@code null} */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private KafkaConsumer<String, byte[]> consumer(String isolation) {
        Properties props = new Properties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
