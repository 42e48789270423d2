package dev.bitbridge.ingress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.bitbridge.events.Topics;
import dev.bitbridge.ingress.publish.FaultyIntake;
import dev.bitbridge.testkit.EmbeddedKafka;
import dev.bitbridge.testkit.KafkaTestResource;

import static dev.bitbridge.ingress.Webhooks.newId;
import static dev.bitbridge.ingress.Webhooks.path;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Tokens and secrets — right or wrong — never reach the log, whatever a caller sends and whatever fails: not on a
 * 401 or 403, not on an unexpected 500, not in Quarkus's access log (on in tests; the token rides in the query), not
 * when an integrations record carries a token in the wrong field. Only what this run wrote to the log is read.
 */
@QuarkusTest
@TestProfile(FaultInjection.class)
@QuarkusTestResource(KafkaTestResource.class)
class SecretsStayOutOfLogsTest extends ReadyIngress {

    @Test
    void noTokenOrSecretIsLogged() throws Exception {
        LogTail log = LogTail.from(LogTail.TEST_LOG);
        byte[] body = Webhooks.CLOUD_PUSH.getBytes(StandardCharsets.UTF_8);

        given().queryParam("token", "wrong-token-in-query").contentType("application/json").header("X-Event-Key", "repo:push")
                .header("X-Request-UUID", newId()).body(body).post(path("cloud-plain")).then().statusCode(401);
        given().header("Authorization", "Basic " + Base64.getEncoder().encodeToString("u:wrong-basic-pass".getBytes()))
                .contentType("application/json").header("X-Event-Key", "repo:push").header("X-Request-Id", newId())
                .body(body).post(path("dc-plain")).then().statusCode(401);
        given().queryParam("token", "cloud-token-2").contentType("application/json").header("X-Event-Key", "repo:push")
                .header("X-Request-UUID", newId()).header("X-Hub-Signature", Webhooks.signature("guessed-secret", body))
                .body(body).post(path("cloud-signed")).then().statusCode(403);
        given().queryParam("token", "cloud-token-2").contentType("application/json").header("X-Event-Key", "repo:push")
                .header("X-Request-UUID", newId()).header("X-Hub-Signature", Webhooks.signature("cloud-secret", body))
                .body(body).post(path("cloud-signed")).then().statusCode(202);
        double internalErrors = metric("bitbridge_ingress_webhooks_rejected_total{reason=\"internal_error\"}");
        String errorId = unexpectedFailure(FaultyIntake.EXPLODE);
        String laterErrorId = unexpectedFailure(FaultyIntake.EXPLODE_LATER);
        assertThat(metric("bitbridge_ingress_webhooks_rejected_total{reason=\"internal_error\"}"))
                .as("500s are counted like every refusal").isEqualTo(internalErrors + 2);
        String record = recordWithATokenInTheWrongField();

        String written = log.written();
        assertThat(written).as("the 500s were logged, with the ids their answers gave")
                .contains(errorId, laterErrorId, "injected failure");
        assertThat(written).as("the access log wrote the requests, path only")
                .contains("\"POST /webhooks/bitbucket/cloud-plain HTTP/1.1\" 500")
                .contains("\"POST /webhooks/bitbucket/cloud-plain HTTP/1.1\" 401");
        assertThat(written).as("the unusable integration record was reported").contains("Integration record '" + record);
        assertThat(written).doesNotContain("wrong-token-in-query", "wrong-basic-pass", "guessed-secret", "cloud-secret",
                "cloud-token-1", "cloud-token-2", "dc-token-1", "dc-secret", "off-token", "hashed-token",
                "token-in-a-wrong-field", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    /** @return the error id of the 500 answered to a delivery whose publishing fails unexpectedly */
    private static String unexpectedFailure(String eventKey) {
        String detail = Webhooks.cloud(newId(), eventKey).body(Webhooks.CLOUD_PUSH).post(path("cloud-plain"))
                .then().statusCode(500)
                .body("error", equalTo("internal_error"))
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("token")))
                .extract().path("detail");
        return detail.replaceAll(".*error id ([0-9a-f-]{36}).*", "$1");
    }

    /** @return the name of an integration whose record has the token where a boolean belongs */
    private static String recordWithATokenInTheWrongField() throws Exception {
        String name = "leaky-" + Long.toHexString(System.nanoTime());
        String value = "{\"name\":\"" + name + "\",\"flavor\":\"cloud\",\"enabled\":\"token-in-a-wrong-field\","
                + "\"tokenHash\":\"sha256:" + "0".repeat(64) + "\",\"updatedAt\":\"" + Instant.now() + "\"}";
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        LogTail tail = LogTail.from(LogTail.TEST_LOG);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(Topics.INTEGRATIONS_V1, name, value.getBytes(StandardCharsets.UTF_8))).get();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> tail.written().contains("Integration record '" + name));
        return name;
    }
}
