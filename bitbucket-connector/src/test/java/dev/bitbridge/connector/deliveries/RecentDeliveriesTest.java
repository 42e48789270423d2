package dev.bitbridge.connector.deliveries;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.webhook.RawWebhookEvent;
import dev.bitbridge.testkit.EmbeddedKafka;
import dev.bitbridge.testkit.PostgresTestResource;

import static dev.bitbridge.connector.support.Api.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Accepted deliveries (from the raw webhook topic) and refused ones (from the ingress's refusal reports) are listed
 * per integration, newest first, in pages.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BitbridgeTopics.class)
class RecentDeliveriesTest {

    @Test
    void listsAcceptedAndRefusedDeliveriesNewestFirst() throws Exception {
        asAdmin().body("""
                {"name": "deliveries", "flavor": "cloud", "workspace": "acme"}""")
                .post("/api/v1/integrations").then().statusCode(201);
        Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(accepted("deliveries", "uuid-1", "repo:push", t0,
                    "{\"repository\": {\"full_name\": \"acme/widgets\"}, \"push\": {\"changes\": []}}")).get();
            producer.send(new ProducerRecord<>(Topics.WEBHOOK_REFUSALS_V1, "deliveries", ("""
                    {"integration": "deliveries", "flavor": "cloud", "time": "%s", "reason": "signature_mismatch",
                     "status": 403, "credentials": "current", "eventKey": "repo:push", "eventId": "uuid-2"}"""
                    .formatted(t0.plusSeconds(60))).getBytes(StandardCharsets.UTF_8))).get();
            producer.send(accepted("other", "uuid-3", "repo:push", t0.plusSeconds(30), "{}")).get();
            producer.send(accepted("deliveries", "uuid-4", "pullrequest:created", t0.plusSeconds(120),
                    "not json at all")).get();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> page(null, 10)
                .body("values.eventId", contains("uuid-4", "uuid-2", "uuid-1")));
        page(null, 10)
                .body("values[0].outcome", equalTo("accepted"))
                .body("values[0].repository", nullValue())
                .body("values[1].outcome", equalTo("refused"))
                .body("values[1].reason", equalTo("signature_mismatch"))
                .body("values[1].status", equalTo(403))
                .body("values[2].repository", equalTo("acme/widgets"))
                .body("values[2].receivedAt", equalTo("2026-11-22T10:00:00Z"))
                .body("values[0]", not(org.hamcrest.Matchers.hasKey("source")));

        String next = page(null, 2).body("values.eventId", contains("uuid-4", "uuid-2")).extract().path("nextBefore");
        page(next, 2).body("values.eventId", contains("uuid-1")).body("nextBefore", nullValue());
    }

    @Test
    void unknownIntegrationsAndBadCursorsAreRefused() {
        asAdmin().get("/api/v1/integrations/nobody/deliveries").then().statusCode(404);
        asAdmin().body("""
                {"name": "cursor-test", "flavor": "cloud", "workspace": "acme"}""")
                .post("/api/v1/integrations").then().statusCode(201);
        asAdmin().queryParam("before", "garbage!").get("/api/v1/integrations/cursor-test/deliveries")
                .then().statusCode(400).body("fields.field", contains("before"));
    }

    private static ValidatableResponse page(String before, int limit) {
        var request = asAdmin().queryParam("limit", limit);
        if (before != null) {
            request = request.queryParam("before", before);
        }
        return request.get("/api/v1/integrations/deliveries/deliveries").then().statusCode(200);
    }

    private static ProducerRecord<String, byte[]> accepted(String integration, String id, String eventKey,
            Instant time, String body) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.WEBHOOKS_V1, integration + ":acme/widgets",
                body.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEvents.HEADER_ID, bytes(id))
                .add(CloudEvents.HEADER_TIME, bytes(time.toString()))
                .add(CloudEvents.HEADER_PREFIX + RawWebhookEvent.EXT_INTEGRATION, bytes(integration))
                .add(CloudEvents.HEADER_PREFIX + RawWebhookEvent.EXT_EVENT_KEY, bytes(eventKey));
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafka.shared().bootstrapServers()), new StringSerializer(), new ByteArraySerializer());
    }
}
