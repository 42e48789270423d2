package dev.bitbridge.ingress;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.specification.RequestSpecification;

import dev.bitbridge.events.Topics;
import dev.bitbridge.events.integration.IntegrationRoute;
import dev.bitbridge.events.integration.SecretSealer;
import dev.bitbridge.testkit.EmbeddedKafka;

import static io.restassured.RestAssured.given;

/** Writes integration records as the connector would, for the {@code @QuarkusTest}s of rotation and refusal reports. */
final class TopicRecords implements AutoCloseable {

    /** The sealing key configured for tests (%test.bitbridge.ingress.sealing-keys.test). */
    static final SecretSealer SEALER = new SecretSealer(Map.of("test", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));

    private final ObjectMapper json;
    private final KafkaProducer<String, byte[]> producer;

    TopicRecords(ObjectMapper json) {
        this.json = json;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
    }

    /** @return a fresh integration name, so that each test has its own (and its own rate limit) */
    static String freshName(String prefix) {
        return prefix + "-" + Long.toHexString(System.nanoTime());
    }

    void write(IntegrationRoute route) throws Exception {
        producer.send(new ProducerRecord<>(Topics.INTEGRATIONS_V1, route.name(), json.writeValueAsBytes(route))).get();
    }

    /** @return a Cloud delivery of {@code body} with {@code token}, signed with {@code secret} unless it is null */
    static RequestSpecification delivery(String token, String secret, String id, byte[] body) {
        RequestSpecification request = given().queryParam("token", token).contentType("application/json")
                .header("X-Event-Key", "repo:push").header("X-Request-UUID", id).body(body);
        return secret == null ? request : request.header("X-Hub-Signature", Webhooks.signature(secret, body));
    }

    static byte[] push() {
        return Webhooks.CLOUD_PUSH.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
