package dev.bitbridge.trigger.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

import dev.bitbridge.events.Topics;
import dev.bitbridge.platform.kafka.TopicCreator;

/** The topics build-trigger writes — build states and its dead letters — created with their contracts' settings. */
@ApplicationScoped
public class TriggerTopics {

    private final TopicCreator creator;
    private final boolean create;

    TriggerTopics(TriggerConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.creator = new TopicCreator("build-trigger", List.of(Topics.BUILDS_V1_SPEC,
                Topics.BUILD_TRIGGER_DEAD_LETTERS_V1_SPEC), kafkaConfig);
        this.create = config.createTopics();
    }

    void start(@Observes StartupEvent event) {
        if (create) {
            creator.start();
        }
    }

    /** @return why the topics are not known to exist yet, for readiness */
    public Optional<String> waitingFor() {
        return create ? creator.waitingFor() : Optional.empty();
    }
}
