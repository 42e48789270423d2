package dev.bitbridge.ingress.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.webhook.RawWebhookEvent;
import dev.bitbridge.ingress.config.IngressConfig;
import dev.bitbridge.ingress.kafka.SkippingDeserializer;
import dev.bitbridge.ingress.kafka.TopicProvisioner;
import dev.bitbridge.ingress.metrics.IngressMetrics;
import dev.bitbridge.platform.kafka.TopicFollower;
import dev.bitbridge.platform.lifecycle.FatalErrors;

/**
 * Reads {@code bitbridge.webhooks.v1} from the start of the duplicate window and tells {@link RecentDeliveries} about
 * every delivery on it. A redelivery that reaches another replica than the first delivery did, or that arrives after
 * a restart, is then recognised too — once the record is visible here, typically within a poll of being written.
 */
@ApplicationScoped
public class PublishedDeliveriesFollower implements TopicFollower.Reader {

    private static final Logger LOG = Logger.getLogger(PublishedDeliveriesFollower.class);
    private static final String INTEGRATION_HEADER = CloudEvents.HEADER_PREFIX + RawWebhookEvent.EXT_INTEGRATION;
    /**
     * Only headers are needed: values are not copied out of the fetched batches, CRCs are left to the
     * consumers that use the data, and fetches are batched. Learning an id may take up to {@code fetch.max.wait.ms}.
     */
    private static final Map<String, Object> HEADERS_ONLY = Map.of(
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, SkippingDeserializer.class.getName(),
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, SkippingDeserializer.class.getName(),
            ConsumerConfig.CHECK_CRCS_CONFIG, "false",
            ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536",
            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");

    private final IngressConfig config;
    private final RecentDeliveries recent;
    private final IngressMetrics metrics;
    private final TopicFollower follower;

    @Inject
    PublishedDeliveriesFollower(IngressConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            TopicProvisioner provisioner, RecentDeliveries recent, IngressMetrics metrics, FatalErrors fatalErrors) {
        this.config = config;
        this.recent = recent;
        this.metrics = metrics;
        this.follower = new TopicFollower(Topics.WEBHOOKS_V1, "webhook-ingress-published", kafkaConfig,
                config.kafkaRetryInterval(), config.stallTimeout(), provisioner::provisioned, this, HEADERS_ONLY,
                e -> fatalErrors.handle("reader of " + Topics.WEBHOOKS_V1, e));
    }

    void start(@Observes StartupEvent event) {
        if (config.duplicatesFromTopic()) {
            follower.start();
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        follower.stop();
    }

    /** @return why the reader is broken, for liveness; empty when it runs normally or is switched off */
    public Optional<String> problem() {
        return follower.problem();
    }

    @Override
    public void position(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        long since = Instant.now().minus(config.duplicateWindow()).toEpochMilli();
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer
                .offsetsForTimes(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> since)));
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp start = starts.get(partition);
            if (start == null) {
                consumer.seekToEnd(List.of(partition));
            } else {
                consumer.seek(partition, start.offset());
            }
        }
        LOG.infof("Learning delivery ids from %s since %s", Topics.WEBHOOKS_V1, Instant.ofEpochMilli(since));
    }

    @Override
    public void accept(ConsumerRecord<String, byte[]> record) {
        String integration = header(record, INTEGRATION_HEADER);
        String id = header(record, CloudEvents.HEADER_ID);
        if (integration != null && id != null) {
            recent.published(RecentDeliveries.identity(integration, id), record.timestamp());
            metrics.idRead();
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
