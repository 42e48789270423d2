package dev.bitbridge.trigger.dispatch;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.RecordKeys;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.build.BuildEvent;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.testkit.EmbeddedKafka;
import dev.bitbridge.testkit.TopicScanner;

/**
 * build-trigger's topics as its Quarkus tests use them on the shared broker: build requests sent as commit-analyzer
 * sends them, and the build states read back per request.
 */
final class BuildTopics implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final TopicScanner topics = TopicScanner.ofSharedKafka();
    private final ObjectMapper json;

    BuildTopics(ObjectMapper json) {
        this.json = json;
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(properties);
    }

    /** Sends the request keyed by its integration and repository, with its CloudEvents type. */
    void send(BuildRequest request) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.BUILD_REQUESTS_V1,
                RecordKeys.of(request.integration(), request.repository().fullName()), json.writeValueAsBytes(request));
        record.headers().add(CloudEvents.HEADER_TYPE, BuildRequest.TYPE.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    /** Sends a record as it is (an unreadable one). */
    void sendRaw(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.BUILD_REQUESTS_V1, key, value)).get();
    }

    /** @return the request's latest state, or null before the first */
    BuildEvent last(BuildRequest request) {
        List<BuildEvent> events = events(request.requestId());
        return events.isEmpty() ? null : events.get(events.size() - 1);
    }

    /** @return the request's build states, as written */
    List<BuildEvent> events(String requestId) {
        return topics.readAll(Topics.BUILDS_V1).stream().map(r -> {
            try {
                return json.readValue(r.value(), BuildEvent.class);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).filter(e -> e.requestId().equals(requestId)).toList();
    }

    TopicScanner scanner() {
        return topics;
    }

    @Override
    public void close() {
        producer.close();
    }
}
