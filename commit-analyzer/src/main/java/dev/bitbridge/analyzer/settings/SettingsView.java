package dev.bitbridge.analyzer.settings;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import dev.bitbridge.analyzer.config.AnalyzerConfig;
import dev.bitbridge.analyzer.kafka.AnalyzerTopics;
import dev.bitbridge.analyzer.rules.EffectiveSettings;
import dev.bitbridge.events.RecordKeys;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.analysis.AnalysisSettings;
import dev.bitbridge.platform.kafka.TopicFollower;
import dev.bitbridge.platform.lifecycle.FatalErrors;

/**
 * Every integration's and repository's settings, kept in step with the compacted topic
 * {@code bitbridge.analysis-settings.v1}: each replica reads the whole table from the beginning, without a consumer
 * group, and a change written through the API reaches every replica within a poll. Events are not analysed before the
 * view has caught up with the end of the table as it was at start ({@link #loaded()}), so that no event is decided
 * without its repository's rules.
 */
@ApplicationScoped
public class SettingsView implements TopicFollower.Reader {

    private static final Logger LOG = Logger.getLogger(SettingsView.class);

    private final ObjectMapper json;
    private final TopicFollower follower;
    private final Map<String, AnalysisSettings> table = new ConcurrentHashMap<>();
    private final Map<String, EffectiveSettings> effective = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    private final CompletableFuture<Void> loadedFuture = new CompletableFuture<>();
    private Map<TopicPartition, Long> endAtStart = Map.of();

    SettingsView(ObjectMapper json, AnalyzerConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, AnalyzerTopics topics,
            FatalErrors fatalErrors) {
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.follower = new TopicFollower(Topics.ANALYSIS_SETTINGS_V1, "commit-analyzer-settings", kafkaConfig,
                config.settings().retryInterval(), config.settings().stallTimeout(), topics::exist, this, Map.of(),
                e -> fatalErrors.handle("reader of " + Topics.ANALYSIS_SETTINGS_V1, e));
    }

    void start(@Observes StartupEvent event) {
        follower.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        follower.stop();
    }

    /** @return whether the table has been read up to where it was at start */
    public boolean loaded() {
        return loaded;
    }

    /** @return completes once {@link #loaded()} */
    public Uni<Void> whenLoaded() {
        if (loaded) {
            return Uni.createFrom().voidItem();
        }
        // not on the reader's thread, which completes the future
        return Uni.createFrom().completionStage(loadedFuture).emitOn(Infrastructure.getDefaultWorkerPool());
    }

    /** @return why the reader is broken, for liveness */
    public Optional<String> problem() {
        return follower.problem();
    }

    /** @return the settings that apply to the repository (its own over its integration's) */
    public EffectiveSettings effective(String integration, String repository) {
        return effective.computeIfAbsent(RecordKeys.of(integration, repository), key -> EffectiveSettings.of(
                table.get(integration), table.get(key)));
    }

    /** @return the settings stored under a key ({@code integration} or {@code integration:repository}) */
    public Optional<AnalysisSettings> stored(String key) {
        return Optional.ofNullable(table.get(key));
    }

    /** @return every stored key */
    public List<String> keys() {
        return List.copyOf(table.keySet());
    }

    @Override
    public void position(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        consumer.seekToBeginning(partitions);
        endAtStart = consumer.endOffsets(partitions);
    }

    @Override
    public void accept(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            LOG.warnf("A settings record without a key at %s-%d@%d is ignored", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        if (record.value() == null) {
            table.remove(record.key());
        } else {
            try {
                AnalysisSettings settings = json.readValue(record.value(), AnalysisSettings.class);
                EffectiveSettings.of(null, settings); // its globs compile: the API validated them
                table.put(record.key(), settings);
            } catch (IOException | RuntimeException e) {
                LOG.errorf("The settings record for %s at offset %d cannot be used (%s); the previous settings stay",
                        record.key(), record.offset(), e.getMessage());
                return;
            }
        }
        effective.clear();
    }

    @Override
    public void polled(Consumer<String, byte[]> consumer) {
        if (!loaded && endAtStart.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
            loaded = true;
            loadedFuture.complete(null);
            LOG.infof("Settings view loaded from %s: %d entries", Topics.ANALYSIS_SETTINGS_V1, table.size());
        }
    }
}
