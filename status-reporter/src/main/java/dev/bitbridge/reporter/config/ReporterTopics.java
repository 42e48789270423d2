package dev.bitbridge.reporter.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

import dev.bitbridge.events.Topics;
import dev.bitbridge.platform.kafka.TopicCreator;

/** The topic status-reporter writes — its dead letters — created with its contract's settings. */
@ApplicationScoped
public class ReporterTopics {

    private final TopicCreator creator;
    private final boolean create;

    ReporterTopics(ReporterConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.creator = new TopicCreator("status-reporter", List.of(Topics.STATUS_REPORTER_DEAD_LETTERS_V1_SPEC),
                kafkaConfig);
        this.create = config.createTopics();
    }

    void start(@Observes StartupEvent event) {
        if (create) {
            creator.start();
        }
    }

    /** @return why the topic is not known to exist yet, for readiness */
    public Optional<String> waitingFor() {
        return create ? creator.waitingFor() : Optional.empty();
    }
}
