package dev.bitbridge.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * When each step of the loop was first seen: a consumer on the suite's topics (from their ends when it starts, so that
 * earlier runs do not count) stamps the first record of each topic that a test over its JSON accepts.
 */
final class Milestones implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Predicate<JsonNode>> wanted = new ConcurrentHashMap<>();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    Milestones(String bootstrapServers, List<String> topics) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the ends now, before anything is pushed
        poller = new Thread(this::poll, "demo-milestones");
        poller.setDaemon(true);
        poller.start();
    }

    /** Stamps the first record of {@code topic} that {@code test} accepts, as {@code name}. */
    void watch(String name, String topic, Predicate<JsonNode> test) {
        wanted.put(name + "\u0000" + topic, test);
    }

    /** @return when {@code name} was first seen ({@link System#nanoTime()}), or null */
    Long seen(String name) {
        return seen.get(name);
    }

    /** Stamps a step seen elsewhere (the simulators), once. */
    void saw(String name) {
        seen.putIfAbsent(name, System.nanoTime());
    }

    private void poll() {
        while (running) {
            try {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    long at = System.nanoTime();
                    JsonNode value = parse(record.value());
                    wanted.forEach((key, test) -> {
                        String[] parts = key.split("\u0000", 2);
                        if (parts[1].equals(record.topic()) && value != null && test.test(value)) {
                            seen.putIfAbsent(parts[0], at);
                        }
                    });
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                return;
            }
        }
    }

    private JsonNode parse(byte[] value) {
        try {
            return value == null ? null : json.readTree(value);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }
}
