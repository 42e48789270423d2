package dev.bitbridge.analyzer.kafka;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

import dev.bitbridge.analyzer.config.AnalyzerConfig;
import dev.bitbridge.events.Topics;
import dev.bitbridge.platform.kafka.TopicCreator;

/**
 * The topics commit-analyzer writes — task links, build requests, its settings table and its dead letters — created
 * with their contracts' settings before anything is sent (a transaction writing to a missing topic could only fail).
 */
@ApplicationScoped
public class AnalyzerTopics {

    static final List<dev.bitbridge.events.TopicSpec> SPECS = List.of(Topics.TASK_LINKS_V1_SPEC,
            Topics.BUILD_REQUESTS_V1_SPEC, Topics.ANALYSIS_SETTINGS_V1_SPEC, Topics.COMMIT_ANALYZER_DEAD_LETTERS_V1_SPEC);

    private final TopicCreator creator;
    private final boolean create;

    AnalyzerTopics(AnalyzerConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.creator = new TopicCreator("commit-analyzer", SPECS, kafkaConfig);
        this.create = config.createTopics();
    }

    void start(@Observes StartupEvent event) {
        if (create) {
            creator.start();
        }
    }

    /** @return whether the topics are known to exist (or are not this service's to create) */
    public boolean exist() {
        return !create || creator.exists();
    }

    /** @return why they are not known to exist yet, for readiness */
    public Optional<String> waitingFor() {
        return create ? creator.waitingFor() : Optional.empty();
    }
}
