package dev.bitbridge.bench.suite;

import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.bitbridge.events.Topics;
import dev.bitbridge.testkit.TopicScanner;

/**
 * Reads, for every commit, the timestamp of the first record each service wrote about it ({@link Hops.Point}), from
 * the suite's broker as a {@code read_committed} consumer sees the topics.
 */
final class TopicStamps {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TopicScanner scanner;

    TopicStamps(String bootstrapServers) {
        this.scanner = new TopicScanner(bootstrapServers);
    }

    /** @return each record point's commit → record timestamp (epoch ms) */
    Map<Hops.Point, Map<String, Long>> read() {
        Map<Hops.Point, Map<String, Long>> out = new EnumMap<>(Hops.Point.class);
        out.put(Hops.Point.WEBHOOK_RECORD, stamps(Topics.WEBHOOKS_V1, v -> SuiteBenchmark.firstToHash(v)));
        out.put(Hops.Point.REF_RECORD, stamps(Topics.REFS_V1, v -> v.path("newHash").asText(null)));
        out.put(Hops.Point.REQUEST_RECORD, stamps(Topics.BUILD_REQUESTS_V1, v -> v.path("commit").asText(null)));
        out.put(Hops.Point.QUEUED_RECORD, stamps(Topics.BUILDS_V1, v -> v.path("commit").asText(null)));
        return out;
    }

    private Map<String, Long> stamps(String topic, java.util.function.Function<JsonNode, String> commitOf) {
        Map<String, Long> out = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : scanner.readCommitted(topic)) {
            if (r.value() == null) {
                continue;
            }
            try {
                String commit = commitOf.apply(JSON.readTree(r.value()));
                if (commit != null) {
                    out.merge(commit, r.timestamp(), Math::min);
                }
            } catch (IOException e) {
                // not JSON: not one of ours
            }
        }
        return out;
    }
}
