package dev.bitbridge.ingress.integrations;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

import dev.bitbridge.events.Topics;
import dev.bitbridge.ingress.config.IngressConfig;
import dev.bitbridge.ingress.publish.TopicProvisioner;

/**
 * Keeps the {@link IntegrationRegistry} in step with the compacted topic {@code bitbridge.integrations.v1}.
 * <p>
 * Every replica needs the whole table, so this reader assigns itself all partitions and reads from the beginning
 * without a consumer group; a change written by the connector reaches every replica within a poll. The view counts as
 * loaded once the reader has caught up with the end offsets it saw when it started.
 */
@ApplicationScoped
public class IntegrationTopicReader {

    private static final Logger LOG = Logger.getLogger(IntegrationTopicReader.class);
    private static final Duration POLL = Duration.ofMillis(250);

    private final IngressConfig config;
    private final Map<String, Object> kafkaConfig;
    private final TopicProvisioner provisioner;
    private final IntegrationRecordHandler handler;
    private volatile boolean running = true;
    private volatile boolean loaded;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    @Inject
    IntegrationTopicReader(IngressConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            TopicProvisioner provisioner, IntegrationRecordHandler handler) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.provisioner = provisioner;
        this.handler = handler;
    }

    /** @return whether the topics exist and the integrations table has been read up to where it was at start-up */
    public boolean loaded() {
        return loaded;
    }

    void start(@Observes StartupEvent event) {
        thread = new Thread(this::run, "integrations-topic-reader");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
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
        try {
            while (running && !provisioner.ensureTopics()) {
                sleep(config.integrationsTopic().retryInterval());
            }
            if (!config.integrationsTopic().enabled()) {
                LOG.info("Reading integrations from the topic is disabled; only declared integrations exist");
                loaded = true;
                return;
            }
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerProperties())) {
                consumer = kafka;
                readForever(kafka);
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (RuntimeException e) {
            LOG.error("The integrations topic reader stopped; the service reports not ready", e);
            loaded = false;
        }
    }

    private void readForever(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = partitions(kafka);
        kafka.assign(partitions);
        kafka.seekToBeginning(partitions);
        Map<TopicPartition, Long> endAtStart = kafka.endOffsets(partitions);
        LOG.infof("Reading %s (%d partitions) from the beginning", Topics.INTEGRATIONS_V1, partitions.size());
        while (running) {
            for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                handler.apply(record);
            }
            if (!loaded && caughtUp(kafka, endAtStart)) {
                loaded = true;
                LOG.infof("Integrations view loaded from %s", Topics.INTEGRATIONS_V1);
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        while (running) {
            try {
                var infos = kafka.partitionsFor(Topics.INTEGRATIONS_V1, Duration.ofSeconds(5));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
                }
                LOG.warnf("Topic %s does not exist yet; waiting for it", Topics.INTEGRATIONS_V1);
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                LOG.warnf("Kafka not reachable while looking up %s; retrying", Topics.INTEGRATIONS_V1);
            }
            sleep(config.integrationsTopic().retryInterval());
        }
        throw new WakeupException();
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> kafka.position(e.getKey()) >= e.getValue());
    }

    private Properties consumerProperties() {
        Properties props = new Properties();
        props.putAll(kafkaConfig);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "webhook-ingress-integrations");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return props;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
