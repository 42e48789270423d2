package dev.bitbridge.bench.trigger;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.bitbridge.events.Topics;

/**
 * Reads {@code bitbridge.build-requests.v1} as build-trigger does ({@code read_committed}), from the end at its start,
 * and keeps each request's record timestamp by its commit: where the analyzer's part of a push's latency ends.
 */
public final class RequestWatcher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Long> byCommit = new ConcurrentHashMap<>();
    private final AtomicLong records = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    /** @param bootstrapServers the broker */
    public RequestWatcher(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "bitbridge-bench-request-watcher",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                // it only needs each record's timestamp, not soon: few fetches, so that it costs the broker little
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "500"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.BUILD_REQUESTS_V1, Duration.ofSeconds(30))
                .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::poll, "bench-request-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    records.incrementAndGet();
                    String commit = commitOf(record.value());
                    if (commit != null) {
                        byCommit.putIfAbsent(commit, record.timestamp());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** @return the {@code commit} of a build request's JSON, or {@code null} */
    static String commitOf(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode commit = JSON.readTree(value).get("commit");
            return commit == null || commit.isNull() ? null : commit.asText();
        } catch (IOException e) {
            return null;
        }
    }

    /** @return the record timestamp of the first build request for the commit, or {@code null} */
    public Long requestMillis(String commit) {
        return byCommit.get(commit);
    }

    /** @return build request records read */
    public long records() {
        return records.get();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
