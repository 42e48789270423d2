package dev.bitbridge.ingress.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads every partition of one topic, from a position its {@link Reader} chooses, on its own thread, for as long as
 * the service runs. No consumer group: each replica of the service reads everything, which is what a view of a
 * table topic (or of what other replicas published) needs. Kafka outages are waited out; an unexpected failure
 * restarts the reader after a pause instead of leaving the view frozen.
 */
public final class TopicFollower {

    private static final Logger LOG = Logger.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(250);

    /** What to do with the topic. */
    public interface Reader {

        /** Seeks the consumer, just assigned to {@code partitions}, to where reading should start. */
        void position(Consumer<String, byte[]> consumer, List<TopicPartition> partitions);

        /** Handles one record. */
        void accept(ConsumerRecord<String, byte[]> record);

        /** Called after every poll, e.g. to notice having caught up. */
        default void polled(Consumer<String, byte[]> consumer) {
        }
    }

    private final String topic;
    private final String clientId;
    private final Map<String, Object> kafkaConfig;
    private final Duration retryInterval;
    private final BooleanSupplier ready;
    private final Reader reader;
    private final Map<String, Object> overrides;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    /**
     * @param topic the topic to read
     * @param clientId the Kafka client id, naming the reader in broker logs and metrics
     * @param kafkaConfig the service's Kafka client configuration ({@code kafka.*})
     * @param retryInterval pause between attempts while Kafka or the topic is unavailable
     * @param ready checked (and retried) before reading starts, e.g. that the topics exist
     * @param reader what to do with the records
     * @param overrides consumer settings of this reader, applied last (e.g. a value deserializer that skips values)
     */
    public TopicFollower(String topic, String clientId, Map<String, Object> kafkaConfig, Duration retryInterval,
            BooleanSupplier ready, Reader reader, Map<String, Object> overrides) {
        this.topic = topic;
        this.clientId = clientId;
        this.kafkaConfig = kafkaConfig;
        this.retryInterval = retryInterval;
        this.ready = ready;
        this.reader = reader;
        this.overrides = overrides;
    }

    /** Starts reading on a daemon thread named after the client id. */
    public void start() {
        thread = new Thread(this::run, clientId);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops reading and waits briefly for the thread to end. */
    public void stop() throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(5).toMillis());
        }
    }

    private void run() {
        while (running) {
            try {
                while (running && !ready.getAsBoolean()) {
                    sleep();
                }
                try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(properties())) {
                    consumer = kafka;
                    follow(kafka);
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Reading %s failed; starting again in %d ms", topic, retryInterval.toMillis());
                sleep();
            }
        }
    }

    private void follow(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = partitions(kafka);
        kafka.assign(partitions);
        reader.position(kafka, partitions);
        while (running) {
            for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                reader.accept(record);
            }
            reader.polled(kafka);
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        while (running) {
            try {
                List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                }
                LOG.warnf("Topic %s does not exist yet; waiting for it", topic);
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                LOG.warnf("Kafka not reachable while looking up %s; retrying", topic);
            }
            sleep();
        }
        throw new WakeupException();
    }

    private Properties properties() {
        Properties props = new Properties();
        props.putAll(kafkaConfig);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.putAll(overrides);
        return props;
    }

    private void sleep() {
        try {
            Thread.sleep(retryInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
