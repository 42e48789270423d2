package dev.bitbridge.ingress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.integration.IntegrationRoute;
import dev.bitbridge.events.integration.PreviousCredentials;
import dev.bitbridge.events.integration.TokenHash;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.testkit.KafkaTestResource;
import dev.bitbridge.testkit.TopicScanner;

import static dev.bitbridge.ingress.TopicRecords.SEALER;
import static dev.bitbridge.ingress.TopicRecords.delivery;
import static dev.bitbridge.ingress.TopicRecords.push;
import static dev.bitbridge.ingress.Webhooks.newId;
import static dev.bitbridge.ingress.Webhooks.path;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A refused delivery to an existing integration is reported once on {@code bitbridge.webhook-refusals.v1}, with what
 * helps its owner and nothing secret; an unknown name is never reported; a flood is cut to the bucket's size; and the
 * answer is the same whether a report is written or not. The test profile's bucket: 5 at once, 1 per second.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class RefusalReportsTest extends ReadyIngress {

    private static final int BURST = 5;
    private static final double RATE = 1;
    private static final Duration LANDS = Duration.ofSeconds(15);

    private final ObjectMapper json;
    private final TopicRecords records;
    private final TopicScanner topic = TopicScanner.ofSharedKafka();

    RefusalReportsTest(ObjectMapper json) {
        this.json = json;
        this.records = new TopicRecords(json);
    }

    @AfterEach
    void close() {
        records.close();
    }

    @Test
    void aSignatureMismatchIsReportedOnceWithItsHeadersAndNothingSecret() throws Exception {
        String name = signedIntegration("refused");
        String id = newId();
        String body = "{\"repository\":{\"full_name\":\"acme/body-marker\"},\"push\":{}}";
        String signature = Webhooks.signature("guessed-secret", body.getBytes(StandardCharsets.UTF_8));

        given().queryParam("token", "old-token").contentType("application/json")
                .header("X-Event-Key", "repo:push").header("X-Request-UUID", id)
                .header("X-Hook-UUID", "{d1a0e9a4-4d45-4ab2-9a5e-2f2fbd5b3c11}").header("X-Attempt-Number", "3")
                .header("X-Hub-Signature", signature).body(body).post(path(name))
                .then().statusCode(403);

        ConsumerRecord<String, byte[]> record = single(name);
        JsonNode value = json.readTree(record.value());
        assertThat(record.key()).isEqualTo(name);
        assertThat(TopicScanner.header(record, CloudEvents.HEADER_TYPE)).isEqualTo("dev.bitbridge.ingress.webhook.refused");
        assertThat(TopicScanner.header(record, CloudEvents.HEADER_SOURCE)).isEqualTo("/integrations/" + name);
        assertThat(TopicScanner.header(record, CloudEvents.HEADER_CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(TopicScanner.header(record, "ce_bitbucketintegration")).isEqualTo(name);
        assertThat(value.get("integration").asText()).isEqualTo(name);
        assertThat(value.get("flavor").asText()).isEqualTo("cloud");
        assertThat(value.get("reason").asText()).isEqualTo("signature_mismatch");
        assertThat(value.get("status").asInt()).isEqualTo(403);
        assertThat(value.get("credentials").asText()).as("it came with the token before the rotation").isEqualTo("previous");
        assertThat(value.get("eventKey").asText()).isEqualTo("repo:push");
        assertThat(value.get("eventId").asText()).isEqualTo(id);
        assertThat(value.get("hookUuid").asText()).isEqualTo("{d1a0e9a4-4d45-4ab2-9a5e-2f2fbd5b3c11}");
        assertThat(value.get("attempt").asInt()).isEqualTo(3);
        assertThat(Instant.parse(value.get("time").asText())).isAfter(Instant.now().minusSeconds(60));
        assertThat(recordText(record)).doesNotContain("old-token", "new-token", "guessed-secret", "old-secret",
                "new-secret", signature, signature.substring("sha256=".length()), "body-marker", "token=",
                TokenHash.of("old-token"), TokenHash.of("new-token"));
    }

    @Test
    void aWrongTokenIsReportedAndAnUnknownNameIsNotWhileBothGetTheSameAnswer() throws Exception {
        String name = signedIntegration("wrongtoken");
        String unknown = TopicRecords.freshName("unknown");

        Response toUnknown = delivery("some-token", null, newId(), push()).post(path(unknown));
        Response wrongToken = delivery("some-token", null, newId(), push()).post(path(name));

        assertThat(wrongToken.statusCode()).isEqualTo(toUnknown.statusCode()).isEqualTo(401);
        assertThat(wrongToken.asString()).isEqualTo(toUnknown.asString());
        JsonNode value = json.readTree(single(name).value());
        assertThat(value.get("reason").asText()).isEqualTo("unauthorized");
        assertThat(value.has("credentials")).as("no token of the integration was presented").isFalse();
        assertThat(topic.readAll(Topics.WEBHOOK_REFUSALS_V1)).as("reports naming %s", unknown)
                .noneMatch(r -> unknown.equals(r.key()) || new String(r.value(), StandardCharsets.UTF_8).contains(unknown));
    }

    @Test
    void aDisabledIntegrationsOwnerSeesTheTokenWasRight() throws Exception {
        String name = TopicRecords.freshName("disabled");
        records.write(new IntegrationRoute(name, BitbucketFlavor.CLOUD, false, TokenHash.of("its-token"), null, Instant.now()));
        String probe = TopicRecords.freshName("probe");
        records.write(new IntegrationRoute(probe, BitbucketFlavor.CLOUD, true, TokenHash.of("p"), null, Instant.now()));
        // One partition, in order: once the later record is in effect, so is the disabled one.
        await().atMost(LANDS)
                .untilAsserted(() -> delivery("p", null, newId(), push()).post(path(probe)).then().statusCode(202));

        delivery("its-token", null, newId(), push()).post(path(name)).then().statusCode(401);

        JsonNode value = json.readTree(single(name).value());
        assertThat(value.get("reason").asText()).isEqualTo("unauthorized");
        assertThat(value.get("credentials").asText()).isEqualTo("current");
    }

    @Test
    void aFloodIsCutToTheBurstPlusTheRateAndEveryAnswerIsUnchanged() throws Exception {
        String name = signedIntegration("flooded");
        String expected = delivery("wrong", null, newId(), push()).post(path(TopicRecords.freshName("nobody"))).asString();
        double rateLimited = metric("bitbridge_ingress_refusal_reports_dropped_total{reason=\"rate_limited\"}");
        int requests = 60;

        long began = System.nanoTime();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            Response answer = delivery("wrong", null, newId(), push()).post(path(name));
            answers.add(answer.statusCode() + " " + answer.asString());
        }
        double elapsedSeconds = (System.nanoTime() - began) / 1e9;

        assertThat(answers).as("every answer is the 401 an unknown name gets").containsOnly("401 " + expected);
        long allowed = BURST + (long) Math.floor(RATE * elapsedSeconds);
        await().atMost(LANDS).until(() -> reportsOf(name).size() >= BURST);
        Thread.sleep(500); // reports are asynchronous: give any excess time to land
        assertThat(reportsOf(name)).hasSizeBetween(BURST, (int) allowed);
        assertThat(metric("bitbridge_ingress_refusal_reports_dropped_total{reason=\"rate_limited\"}") - rateLimited)
                .isGreaterThanOrEqualTo(requests - allowed);
    }

    @Test
    void theReportMetricsExistFromStartWithHelpText() {
        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics)
                .contains("# HELP bitbridge_ingress_refusal_reports_published ")
                .contains("# HELP bitbridge_ingress_refusal_reports_dropped ")
                .containsPattern("(?m)^bitbridge_ingress_refusal_reports_dropped_total\\{reason=\"kafka_unavailable\"} ")
                .containsPattern("(?m)^bitbridge_ingress_refusal_reports_dropped_total\\{reason=\"too_many_in_flight\"} ")
                .containsPattern("(?m)^bitbridge_ingress_refusal_reports_dropped_total\\{reason=\"rate_limited\"} ");
    }

    /** @return a fresh signed integration whose token and secret were just rotated, with an hour of grace */
    private String signedIntegration(String prefix) throws Exception {
        String name = TopicRecords.freshName(prefix);
        records.write(new IntegrationRoute(name, BitbucketFlavor.CLOUD, true, TokenHash.of("new-token"),
                SEALER.seal(name, "new-secret", "test"), Instant.now(), new PreviousCredentials(TokenHash.of("old-token"),
                        SEALER.seal(name, "old-secret", "test"), Instant.now().plus(Duration.ofHours(1)))));
        await().atMost(LANDS).untilAsserted(
                () -> delivery("new-token", "new-secret", newId(), push()).post(path(name)).then().statusCode(202));
        return name;
    }

    private ConsumerRecord<String, byte[]> single(String integration) throws InterruptedException {
        await().atMost(LANDS).until(() -> !reportsOf(integration).isEmpty());
        Thread.sleep(500); // a second report would have landed by now
        List<ConsumerRecord<String, byte[]>> reports = reportsOf(integration);
        assertThat(reports).as("reports of %s", integration).hasSize(1);
        return reports.get(0);
    }

    private List<ConsumerRecord<String, byte[]>> reportsOf(String integration) {
        return topic.readAll(Topics.WEBHOOK_REFUSALS_V1).stream().filter(r -> integration.equals(r.key())).toList();
    }

    /** @return every byte of the record as text: key, header names and values, and value */
    private static String recordText(ConsumerRecord<String, byte[]> record) {
        StringBuilder text = new StringBuilder(record.key()).append('\n');
        for (Header header : record.headers()) {
            text.append(header.key()).append('=').append(new String(header.value(), StandardCharsets.UTF_8)).append('\n');
        }
        return text.append(new String(record.value(), StandardCharsets.UTF_8)).toString();
    }
}
