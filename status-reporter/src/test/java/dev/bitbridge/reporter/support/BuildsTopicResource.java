package dev.bitbridge.reporter.support;

import java.util.List;
import java.util.Map;

import dev.bitbridge.events.Topics;
import dev.bitbridge.platform.kafka.TopicCreator;
import dev.bitbridge.testkit.KafkaTestResource;

/** The shared broker, with status-reporter's input topic created before the service starts, as build-trigger would. */
public class BuildsTopicResource extends KafkaTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        if (!new TopicCreator("test", List.of(Topics.BUILDS_V1_SPEC), Map.of("bootstrap.servers",
                config.get("kafka.bootstrap.servers"))).ensure()) {
            throw new IllegalStateException("The input topic could not be created on the test broker");
        }
        return config;
    }
}
