package dev.bitbridge.analyzer.analysis;

import java.util.List;
import java.util.Map;

import dev.bitbridge.events.Topics;
import dev.bitbridge.platform.kafka.TopicCreator;
import dev.bitbridge.testkit.KafkaTestResource;

/**
 * The shared broker, with the analyzer's input topics created before the service starts, as the connector creates
 * them in a running system.
 */
public class InputTopicsResource extends KafkaTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        boolean created = new TopicCreator("test", List.of(Topics.COMMITS_V1_SPEC, Topics.REFS_V1_SPEC,
                Topics.PULLREQUESTS_V1_SPEC), Map.of("bootstrap.servers", config.get("kafka.bootstrap.servers")))
                .ensure();
        if (!created) {
            throw new IllegalStateException("The input topics could not be created on the test broker");
        }
        return config;
    }
}
