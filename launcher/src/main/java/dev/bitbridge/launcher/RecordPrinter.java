package dev.bitbridge.launcher;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Prints the records of a topic, with partition, offset, timestamp, key, headers and value, so a developer can see
 * that the webhook they sent landed and what the CloudEvent headers say.
 * <p>
 * It reads without a consumer group (partitions assigned, not subscribed): looking never moves a service's offsets
 * and leaves no group behind.
 */
public final class RecordPrinter {

    private final String bootstrapServers;
    private final PrintStream out;

    public RecordPrinter(String bootstrapServers, PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.out = out;
    }

    /**
     * Prints every record of the topic, oldest first, and, when following, every new one until the process ends.
     *
     * @return the number of records printed before the end was reached
     * @throws IllegalArgumentException if the topic does not exist
     */
    public int print(String topic, boolean follow) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "bitbridge-records");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("There is no topic " + topic + ". Topics: "
                        + String.join(" ", consumer.listTopics(Duration.ofSeconds(10)).keySet().stream().sorted()
                                .filter(t -> !t.startsWith("__")).toList()));
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));

            List<ConsumerRecord<byte[], byte[]>> backlog = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!reached(consumer, end) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(backlog::add);
            }
            backlog.sort(Comparator.<ConsumerRecord<byte[], byte[]>> comparingLong(ConsumerRecord::timestamp)
                    .thenComparingInt(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset));
            backlog.forEach(this::printRecord);
            out.printf("%d record%s in %s (%d partition%s)%n", backlog.size(), backlog.size() == 1 ? "" : "s", topic,
                    partitions.size(), partitions.size() == 1 ? "" : "s");
            if (follow) {
                out.println("Following; Ctrl-C to stop.");
                out.flush();
                while (true) {
                    consumer.poll(Duration.ofSeconds(1)).forEach(this::printRecord);
                    out.flush();
                }
            }
            return backlog.size();
        }
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private void printRecord(ConsumerRecord<byte[], byte[]> r) {
        out.printf("%s  partition %d  offset %d  %s%n", r.topic(), r.partition(), r.offset(),
                Instant.ofEpochMilli(r.timestamp()));
        out.printf("  key:     %s%n", r.key() == null ? "(none)" : text(r.key()));
        Header[] headers = r.headers().toArray();
        if (headers.length == 0) {
            out.println("  headers: (none)");
        }
        for (int i = 0; i < headers.length; i++) {
            out.printf("  %s %s=%s%n", i == 0 ? "headers:" : "        ", headers[i].key(),
                    headers[i].value() == null ? "(null)" : text(headers[i].value()));
        }
        out.printf("  value:   %s%n%n", r.value() == null ? "(null, a tombstone)" : text(r.value()));
    }

    /** UTF-8 text as is; anything else as hex, so binary never garbles the terminal. */
    static String text(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (s.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                return "0x" + HexFormat.of().formatHex(bytes);
            }
            return s;
        } catch (CharacterCodingException e) {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
    }
}
