package dev.bitbridge.ingress.integrations;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

import dev.bitbridge.events.Topics;
import dev.bitbridge.ingress.config.IngressConfig;
import dev.bitbridge.ingress.kafka.TopicProvisioner;
import dev.bitbridge.platform.kafka.TopicFollower;
import dev.bitbridge.platform.lifecycle.FatalErrors;

/**
 * Keeps the {@link IntegrationRegistry} in step with the compacted topic {@code bitbridge.integrations.v1}.
 * <p>
 * Every replica needs the whole table, so it is read from the beginning without a consumer group; a change written by
 * the connector reaches every replica within a poll. The view counts as loaded once the reader has caught up with the
 * end offsets it saw when it started.
 */
@ApplicationScoped
public class IntegrationTopicReader implements TopicFollower.Reader {

    private static final Logger LOG = Logger.getLogger(IntegrationTopicReader.class);

    private final IngressConfig config;
    private final IntegrationRecordHandler handler;
    private final TopicFollower follower;
    private volatile boolean loaded;
    private Map<TopicPartition, Long> endAtStart = Map.of();

    @Inject
    IntegrationTopicReader(IngressConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            TopicProvisioner provisioner, IntegrationRecordHandler handler, FatalErrors fatalErrors) {
        this.config = config;
        this.handler = handler;
        this.follower = new TopicFollower(Topics.INTEGRATIONS_V1, "webhook-ingress-integrations", kafkaConfig,
                config.kafkaRetryInterval(), config.stallTimeout(), provisioner::provisioned, this, Map.of(),
                e -> fatalErrors.handle("reader of " + Topics.INTEGRATIONS_V1, e));
    }

    /** @return whether the topics exist and the integrations table has been read up to where it was at start-up */
    public boolean loaded() {
        return loaded;
    }

    void start(@Observes StartupEvent event) {
        if (config.followIntegrationsTopic()) {
            follower.start();
        } else {
            LOG.info("Reading integrations from the topic is disabled; only declared integrations exist");
            loaded = true;
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        follower.stop();
    }

    /**
     * @return why the reader is broken, for liveness; empty when it runs normally or is switched off. A reader that
     *         no longer runs would keep revoked tokens valid.
     */
    public Optional<String> problem() {
        return follower.problem();
    }

    @Override
    public void position(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        consumer.seekToBeginning(partitions);
        endAtStart = consumer.endOffsets(partitions);
        LOG.infof("Reading %s (%d partitions) from the beginning", Topics.INTEGRATIONS_V1, partitions.size());
    }

    @Override
    public void accept(ConsumerRecord<String, byte[]> record) {
        handler.apply(record);
    }

    @Override
    public void polled(Consumer<String, byte[]> consumer) {
        if (!loaded && endAtStart.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
            loaded = true;
            LOG.infof("Integrations view loaded from %s", Topics.INTEGRATIONS_V1);
        }
    }
}
