package dev.bitbridge.bench.connector;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.Topics;

/**
 * Reads every output topic of the connector with {@code read_committed}, as a downstream consumer would, from the
 * beginning, on a thread of its own, and keeps per raw event id what was published for it: ref, commit and
 * pull-request records by their {@code origin.eventId}, dead letters by their {@code ce_id}.
 */
public final class OutputCollector implements AutoCloseable {

    /** The topics enrichment writes to. */
    public static final List<String> TOPICS = List.of(Topics.REFS_V1, Topics.COMMITS_V1, Topics.PULLREQUESTS_V1,
            Topics.WEBHOOKS_DEAD_LETTERS_V1);

    private final KafkaConsumer<String, byte[]> consumer;
    private final ConcurrentMap<String, EventOutputs> byEvent = new ConcurrentHashMap<>();
    private final ConcurrentMap<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final AtomicLong records = new AtomicLong();
    private final ConcurrentMap<String, AtomicLong> byTopic = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;

    /** @param bootstrapServers the broker; the topics must exist */
    public OutputCollector(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "bitbridge-bench-outputs",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::run, "bench-output-collector");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(50));
                long now = System.currentTimeMillis();
                for (ConsumerRecord<String, byte[]> r : polled) {
                    String id = Topics.WEBHOOKS_DEAD_LETTERS_V1.equals(r.topic()) ? header(r, CloudEvents.HEADER_ID)
                            : OriginIds.of(r.value());
                    if (id != null) {
                        byEvent.merge(id, EventOutputs.NONE.with(r.topic(), r.timestamp(), now),
                                (had, one) -> had.with(r.topic(), r.timestamp(), now));
                    }
                    records.incrementAndGet();
                    byTopic.computeIfAbsent(r.topic(), t -> new AtomicLong()).incrementAndGet();
                }
                for (TopicPartition tp : consumer.assignment()) {
                    positions.put(tp, consumer.position(tp));
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (Throwable e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** @return what was published for a raw event so far ({@link EventOutputs#NONE} when nothing) */
    public EventOutputs of(String eventId) {
        check();
        return byEvent.getOrDefault(eventId, EventOutputs.NONE);
    }

    /** @return output records read so far */
    public long records() {
        return records.get();
    }

    /** @return records of one topic read so far */
    public long records(String topic) {
        AtomicLong n = byTopic.get(topic);
        return n == null ? 0 : n.get();
    }

    /**
     * @param ends offsets per partition (e.g. the last stable offsets now)
     * @return whether this consumer has read every partition up to them
     */
    public boolean readUpTo(Map<TopicPartition, Long> ends) {
        check();
        return ends.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), -1L) >= e.getValue());
    }

    private void check() {
        if (failure != null) {
            throw new IllegalStateException("The output consumer failed: " + failure, failure);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
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
