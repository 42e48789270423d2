package dev.bitbridge.platform.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads every partition of one topic, from a position its {@link Reader} chooses, on its own thread, for as long as
 * the service runs. No consumer group: each replica of the service reads everything, which is what a view of a
 * table topic (or of what other replicas published) needs.
 * <p>
 * Kafka outages are waited out, and an exception restarts the reader after a pause. What cannot be waited out is
 * reported through {@link #problem()}, which liveness uses: the thread ended (an {@link Error}, handed to the fatal
 * error handler; or an interrupt nobody asked for), or it made no progress for longer than the stall timeout. Every
 * Kafka call the loop makes is bounded well below that timeout, so a healthy reader always shows progress.
 */
public final class TopicFollower {

    private static final Logger LOG = Logger.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(250);
    /** Upper bound of any single Kafka call of the loop; the stall timeout must be well above it. */
    static final Duration KAFKA_CALL_TIMEOUT = Duration.ofSeconds(10);

    /** What to do with the topic. */
    public interface Reader {

        /** Seeks the consumer, just assigned to {@code partitions}, to where reading should start. */
        void position(org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer, List<TopicPartition> partitions);

        /** Handles one record. */
        void accept(ConsumerRecord<String, byte[]> record);

        /** Called after every poll, e.g. to notice having caught up. */
        default void polled(org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer) {
        }
    }

    private final String topic;
    private final String clientId;
    private final Map<String, Object> kafkaConfig;
    private final Duration retryInterval;
    private final Duration stallTimeout;
    private final BooleanSupplier ready;
    private final Reader reader;
    private final Map<String, Object> overrides;
    private final Consumer<Error> onError;
    private volatile boolean running;
    private volatile long lastProgress = System.nanoTime();
    private volatile String ended;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;

    /**
     * @param topic the topic to read
     * @param clientId the Kafka client id, naming the reader in broker logs and metrics, and its thread
     * @param kafkaConfig the service's Kafka client configuration ({@code kafka.*})
     * @param retryInterval pause between attempts while Kafka or the topic is unavailable
     * @param stallTimeout how long the reader may make no progress before {@link #problem()} reports it
     * @param ready checked (and retried) before reading starts, e.g. that the topics exist
     * @param reader what to do with the records
     * @param overrides consumer settings of this reader, applied last (e.g. a value deserializer that skips values)
     * @param onError told about an {@link Error} that ended the reader
     */
    public TopicFollower(String topic, String clientId, Map<String, Object> kafkaConfig, Duration retryInterval,
            Duration stallTimeout, BooleanSupplier ready, Reader reader, Map<String, Object> overrides,
            Consumer<Error> onError) {
        this.topic = topic;
        this.clientId = clientId;
        this.kafkaConfig = kafkaConfig;
        this.retryInterval = retryInterval;
        this.stallTimeout = stallTimeout;
        this.ready = ready;
        this.reader = reader;
        this.overrides = overrides;
        this.onError = onError;
    }

    /** Starts reading on a daemon thread named after the client id. */
    public synchronized void start() {
        running = true;
        lastProgress = System.nanoTime();
        thread = new Thread(this::run, clientId);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops reading and waits briefly for the thread to end. */
    public synchronized void stop() throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(5).toMillis());
        }
    }

    /**
     * @return why the reader is broken — ended although it should run, or stalled — for liveness; empty when it
     *         runs normally or was never started
     */
    public Optional<String> problem() {
        Thread current = thread;
        if (current == null || !running) {
            return Optional.empty();
        }
        if (!current.isAlive()) {
            return Optional.of("the reader of " + topic + " has ended: " + (ended == null ? "unknown cause" : ended));
        }
        long idle = System.nanoTime() - lastProgress;
        if (idle > stallTimeout.toNanos()) {
            return Optional.of("the reader of " + topic + " has made no progress for " + Duration.ofNanos(idle).toSeconds()
                    + " s (stall timeout " + stallTimeout.toSeconds() + " s)");
        }
        return Optional.empty();
    }

    private void run() {
        try {
            loop();
        } catch (Error e) {
            ended = e.getClass().getName();
            onError.accept(e);
        } finally {
            if (running && ended == null) {
                ended = "it stopped without being asked to";
            }
        }
    }

    private void loop() {
        while (running) {
            try {
                while (running && !ready.getAsBoolean()) {
                    progress();
                    sleep();
                }
                try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(properties())) {
                    consumer = kafka;
                    follow(kafka);
                }
            } catch (WakeupException e) {
                // stop() woke the consumer; the loop condition ends the thread
            } catch (InterruptException | InterruptedRuntime e) {
                if (running) {
                    ended = "its thread was interrupted";
                    LOG.errorf("The reader of %s was interrupted without being stopped; it ends, and liveness fails", topic);
                }
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Reading %s failed; starting again in %d ms", topic, retryInterval.toMillis());
                progress();
                sleep();
            }
        }
    }

    private void follow(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = partitions(kafka);
        kafka.assign(partitions);
        reader.position(kafka, partitions);
        while (running) {
            progress();
            for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                reader.accept(record);
            }
            reader.polled(kafka);
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        while (running) {
            progress();
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

    private void progress() {
        lastProgress = System.nanoTime();
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
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_CALL_TIMEOUT.toMillis());
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) KAFKA_CALL_TIMEOUT.toMillis());
        props.putAll(overrides);
        return props;
    }

    private void sleep() {
        try {
            Thread.sleep(retryInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedRuntime();
        }
    }

    /** An interrupt seen while sleeping, carried out of the loop like Kafka's own {@link InterruptException}. */
    private static final class InterruptedRuntime extends RuntimeException {
        InterruptedRuntime() {
            super(null, null, false, false);
        }
    }
}
