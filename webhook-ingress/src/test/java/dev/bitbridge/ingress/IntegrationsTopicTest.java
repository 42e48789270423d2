package dev.bitbridge.ingress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import dev.bitbridge.events.Topics;
import dev.bitbridge.events.integration.IntegrationRoute;
import dev.bitbridge.events.integration.SealedSecret;
import dev.bitbridge.events.integration.SecretSealer;
import dev.bitbridge.events.integration.TokenHash;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.testkit.EmbeddedKafka;
import dev.bitbridge.testkit.KafkaTestResource;

import static dev.bitbridge.ingress.Webhooks.newId;
import static dev.bitbridge.ingress.Webhooks.path;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Integrations published by the connector on the compacted topic take effect within seconds, without a restart. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class IntegrationsTopicTest extends ReadyIngress {

    /** The sealing key configured for tests (%test.bitbridge.ingress.sealing-keys.test). */
    private static final SecretSealer SEALER = new SecretSealer(
            Map.of("test", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));
    private static final Duration TAKES_EFFECT = Duration.ofSeconds(10);

    private final ObjectMapper json;
    private KafkaProducer<String, byte[]> producer;

    IntegrationsTopicTest(ObjectMapper json) {
        this.json = json;
    }

    @BeforeEach
    void connect() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void aSignedIntegrationAppearsChangesAndDisappears() throws Exception {
        String name = "topic-" + Long.toHexString(System.nanoTime());
        SealedSecret secret = SEALER.seal(name, "topic-secret", "test");

        write(name,
                new IntegrationRoute(name, BitbucketFlavor.CLOUD, true, TokenHash.of("topic-token"), secret, Instant.now()));
        await().atMost(TAKES_EFFECT).untilAsserted(() -> signed(name, "topic-token", "topic-secret").then().statusCode(202));
        unsigned(name, "topic-token").then().statusCode(403);

        write(name,
                new IntegrationRoute(name, BitbucketFlavor.CLOUD, false, TokenHash.of("topic-token"), secret, Instant.now()));
        await().atMost(TAKES_EFFECT).untilAsserted(() -> signed(name, "topic-token", "topic-secret").then().statusCode(401));

        write(name, new IntegrationRoute(name, BitbucketFlavor.CLOUD, true, TokenHash.of("new-token"), null, Instant.now()));
        await().atMost(TAKES_EFFECT).untilAsserted(() -> unsigned(name, "new-token").then().statusCode(202));
        unsigned(name, "topic-token").then().statusCode(401);

        tombstone(name);
        await().atMost(TAKES_EFFECT).untilAsserted(() -> unsigned(name, "new-token").then().statusCode(401));
    }

    @Test
    void aSecretSealedForAnotherIntegrationDisablesTheRecordInsteadOfAcceptingUnsigned() throws Exception {
        String name = "topic-" + Long.toHexString(System.nanoTime());
        write(name, new IntegrationRoute(name, BitbucketFlavor.CLOUD, true, TokenHash.of("t1"), null, Instant.now()));
        await().atMost(TAKES_EFFECT).untilAsserted(() -> unsigned(name, "t1").then().statusCode(202));

        SealedSecret stolen = SEALER.seal("someone-else", "their-secret", "test");
        write(name, new IntegrationRoute(name, BitbucketFlavor.CLOUD, true, TokenHash.of("t1"), stolen, Instant.now()));

        await().atMost(TAKES_EFFECT).untilAsserted(() -> unsigned(name, "t1").then().statusCode(401));
        signed(name, "t1", "their-secret").then().statusCode(401);
    }

    @Test
    void aRecordThatIsNotJsonRemovesTheIntegration() throws Exception {
        String name = "topic-" + Long.toHexString(System.nanoTime());
        write(name, new IntegrationRoute(name, BitbucketFlavor.CLOUD, true, TokenHash.of("t2"), null, Instant.now()));
        await().atMost(TAKES_EFFECT).untilAsserted(() -> unsigned(name, "t2").then().statusCode(202));

        producer.send(new ProducerRecord<>(Topics.INTEGRATIONS_V1, name, "not json".getBytes(StandardCharsets.UTF_8))).get();

        await().atMost(TAKES_EFFECT).untilAsserted(() -> unsigned(name, "t2").then().statusCode(401));
    }

    @Test
    void aDeclaredIntegrationIsNotOverriddenByTheTopic() throws Exception {
        write("cloud-plain", new IntegrationRoute("cloud-plain", BitbucketFlavor.CLOUD, true, TokenHash.of("hijack"), null,
                Instant.now()));
        String probe = "topic-" + Long.toHexString(System.nanoTime());
        write(probe, new IntegrationRoute(probe, BitbucketFlavor.CLOUD, true, TokenHash.of("p"), null, Instant.now()));
        // Once the later record is visible, the earlier one has been read too (one partition, in order).
        await().atMost(TAKES_EFFECT).untilAsserted(() -> unsigned(probe, "p").then().statusCode(202));

        unsigned("cloud-plain", "hijack").then().statusCode(401);
        unsigned("cloud-plain", "cloud-token-1").then().statusCode(202);
    }

    private void write(String key, IntegrationRoute route) throws Exception {
        producer.send(new ProducerRecord<>(Topics.INTEGRATIONS_V1, key, json.writeValueAsBytes(route))).get();
    }

    private void tombstone(String key) throws Exception {
        producer.send(new ProducerRecord<>(Topics.INTEGRATIONS_V1, key, null)).get();
    }

    private static io.restassured.response.Response unsigned(String integration, String token) {
        return delivery(token).body(Webhooks.CLOUD_PUSH).post(path(integration));
    }

    private static io.restassured.response.Response signed(String integration, String token, String secret) {
        byte[] body = Webhooks.CLOUD_PUSH.getBytes(StandardCharsets.UTF_8);
        return delivery(token).header("X-Hub-Signature", Webhooks.signature(secret, body)).body(body).post(path(integration));
    }

    private static RequestSpecification delivery(String token) {
        return given().queryParam("token", token).contentType("application/json")
                .header("X-Event-Key", "repo:push").header("X-Request-UUID", newId());
    }
}
