package dev.bitbridge.ingress;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.testkit.KafkaTestResource;
import dev.bitbridge.testkit.TopicScanner;

import static dev.bitbridge.ingress.Webhooks.newId;
import static dev.bitbridge.ingress.Webhooks.path;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every real webhook capture listed in {@code ../shared/fixtures/MANIFEST.md} goes through the ingress, signed, with
 * the event key it was captured with, and must land on the topic byte for byte. Skipped, visibly, where the shared
 * fixtures are absent.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class FixtureConformanceTest extends ReadyIngress {

    private final TopicScanner topic = TopicScanner.ofSharedKafka();

    @TestFactory
    Stream<DynamicTest> everyCapturedWebhookLandsIntact() {
        List<Fixtures.Webhook> webhooks = Fixtures.webhooks();
        if (webhooks.isEmpty()) {
            // One visible skipped test, with the reason, rather than a factory that silently yields nothing.
            return Stream.of(DynamicTest.dynamicTest("shared fixtures", Fixtures::assumePresent));
        }
        assertThat(webhooks).as("MANIFEST.md lists Cloud and Data Center webhooks").hasSizeGreaterThanOrEqualTo(15);
        return webhooks.stream().map(w -> DynamicTest.dynamicTest(w.toString(), () -> deliver(w)));
    }

    private void deliver(Fixtures.Webhook webhook) throws Exception {
        byte[] body = Files.readAllBytes(Fixtures.require(webhook.file()));
        String id = newId();
        boolean cloud = webhook.flavor() == BitbucketFlavor.CLOUD;
        String integration = cloud ? "cloud-signed" : "dc-signed";
        RequestSpecification request = given()
                .queryParam("token", cloud ? "cloud-token-2" : "dc-token-2")
                .contentType("application/json")
                .header("X-Event-Key", webhook.eventKey())
                .header(webhook.flavor().eventIdHeader(), id)
                .header("X-Hub-Signature", Webhooks.signature(cloud ? "cloud-secret" : "dc-secret", body))
                .body(body);

        if (webhook.eventKey().equals("diagnostics:ping")) {
            request.post(path(integration)).then().statusCode(200).body("status", equalTo("pong"));
            assertThat(topic.readWithHeader(Topics.WEBHOOKS_V1, CloudEvents.HEADER_ID, id)).isEmpty();
            return;
        }
        request.post(path(integration)).then().statusCode(202).body("duplicate", equalTo(false));

        List<ConsumerRecord<String, byte[]>> landed = topic.readWithHeader(Topics.WEBHOOKS_V1, CloudEvents.HEADER_ID, id);
        assertThat(landed).hasSize(1);
        ConsumerRecord<String, byte[]> record = landed.get(0);
        assertThat(record.value()).as("value is the body byte for byte").isEqualTo(body);
        assertThat(TopicScanner.header(record, CloudEvents.HEADER_TYPE))
                .isEqualTo("dev.bitbridge.bitbucket." + webhook.flavor().id() + "." + webhook.eventKey());
        String subject = TopicScanner.header(record, CloudEvents.HEADER_SUBJECT);
        assertThat(subject).as("every captured event names its repository").isNotBlank();
        assertThat(record.key()).isEqualTo(integration + ":" + subject);
    }
}
