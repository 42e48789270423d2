package dev.bitbridge.connector.kafka;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

import dev.bitbridge.events.TopicSpec;
import dev.bitbridge.events.Topics;
import dev.bitbridge.platform.kafka.TopicCreator;

/**
 * Makes sure the topics this service writes first exist with their contract's settings before anything is sent:
 * {@code bitbridge.integrations.v1}, compacted (a broker that creates topics on first use would give it the cluster's
 * defaults, and a deleted integration's record could be removed by retention instead of kept until its tombstone),
 * the enriched topics and their dead letters (a transaction writing to a missing topic could only fail), and the
 * connector's internal {@link #DEFERRED_FILES} topic.
 */
@ApplicationScoped
public class OwnTopics {

    /**
     * Internal: commit events whose files the API budget deferred, read back by the connector when budget returns
     * ({@code enrichment.deferred}). Not a contract: other teams read {@code bitbridge.commits.v1}.
     */
    public static final TopicSpec DEFERRED_FILES = new TopicSpec("bitbridge.connector.deferred-files", 6,
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(7L * 24 * 60 * 60 * 1000),
                    "max.message.bytes", String.valueOf(4 * 1024 * 1024)));
    private static final List<TopicSpec> SPECS = List.of(Topics.INTEGRATIONS_V1_SPEC, Topics.REFS_V1_SPEC,
            Topics.COMMITS_V1_SPEC, Topics.PULLREQUESTS_V1_SPEC, Topics.WEBHOOKS_DEAD_LETTERS_V1_SPEC, DEFERRED_FILES);

    private final TopicCreator creator;

    OwnTopics(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.creator = new TopicCreator("bitbucket-connector", SPECS, kafkaConfig);
    }

    void start(@Observes StartupEvent event) {
        creator.start();
    }

    /** @return whether the topics are known to exist; routing records wait until they do */
    public boolean exists() {
        return creator.exists();
    }

    /** @return whether the topics exist; checks (and creates them) when not known yet */
    boolean ensure() {
        return creator.ensure();
    }

    /** @return why the topics are not known to exist yet, for readiness */
    public Optional<String> waitingFor() {
        return creator.waitingFor();
    }
}
