package dev.bitbridge.ingress;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.Topics;
import dev.bitbridge.testkit.KafkaTestResource;
import dev.bitbridge.testkit.TopicScanner;

import static dev.bitbridge.ingress.Webhooks.cloud;
import static dev.bitbridge.ingress.Webhooks.dataCenter;
import static dev.bitbridge.ingress.Webhooks.newId;
import static dev.bitbridge.ingress.Webhooks.path;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The webhook contract, end to end against a real broker: what is answered, and exactly what lands on the topic. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class WebhookIngressTest extends ReadyIngress {

    private final TopicScanner topic = TopicScanner.ofSharedKafka();

    @TestHTTPResource("/")
    URL publicUrl;
    private int port;

    @BeforeEach
    void port() {
        port = publicUrl.getPort();
    }

    @Test
    void aCloudPushLandsByteForByteWithCloudEventHeadersAndRepositoryKey() {
        String id = newId();
        byte[] body = Webhooks.CLOUD_PUSH.getBytes(StandardCharsets.UTF_8);

        cloud(id, "repo:push").body(body).post(path("cloud-plain"))
                .then().statusCode(202)
                .body("id", equalTo(id))
                .body("duplicate", equalTo(false));

        ConsumerRecord<String, byte[]> record = single(id);
        assertThat(record.value()).isEqualTo(body);
        assertThat(record.key()).isEqualTo("cloud-plain:acme/widgets");
        assertThat(header(record, CloudEvents.HEADER_SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEvents.HEADER_SOURCE)).isEqualTo("/integrations/cloud-plain");
        assertThat(header(record, CloudEvents.HEADER_TYPE)).isEqualTo("dev.bitbridge.bitbucket.cloud.repo:push");
        assertThat(header(record, CloudEvents.HEADER_SUBJECT)).isEqualTo("acme/widgets");
        assertThat(header(record, CloudEvents.HEADER_CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(OffsetDateTime.parse(header(record, CloudEvents.HEADER_TIME))).isAfter(OffsetDateTime.now().minusMinutes(1));
        assertThat(header(record, "ce_bitbucketintegration")).isEqualTo("cloud-plain");
        assertThat(header(record, "ce_bitbucketflavor")).isEqualTo("cloud");
        assertThat(header(record, "ce_bitbucketeventkey")).isEqualTo("repo:push");
        assertThat(header(record, "ce_bitbuckethookuuid")).isEqualTo("{d1a0e9a4-4d45-4ab2-9a5e-2f2fbd5b3c11}");
        assertThat(header(record, "ce_bitbucketattempt")).isEqualTo("1");
    }

    @Test
    void aDataCenterPushWithBasicAuthLandsKeyedByProjectAndSlug() {
        String id = newId();
        byte[] body = Webhooks.DC_PUSH.getBytes(StandardCharsets.UTF_8);

        dataCenter(id, "repo:refs_changed").body(body).post(path("dc-plain"))
                .then().statusCode(202).body("duplicate", equalTo(false));

        ConsumerRecord<String, byte[]> record = single(id);
        assertThat(record.value()).isEqualTo(body);
        assertThat(record.key()).isEqualTo("dc-plain:ACME/widgets");
        assertThat(header(record, CloudEvents.HEADER_TYPE)).isEqualTo("dev.bitbridge.bitbucket.datacenter.repo:refs_changed");
        assertThat(header(record, CloudEvents.HEADER_SUBJECT)).isEqualTo("ACME/widgets");
        assertThat(header(record, "ce_bitbucketattempt")).as("Data Center sends no attempt number").isNull();
    }

    @Test
    void aBearerTokenIsAccepted() {
        String id = newId();

        given().header("Authorization", "Bearer dc-token-1").contentType("application/json")
                .header("X-Event-Key", "pr:opened").header("X-Request-Id", id)
                .body("{\"test\":1}").post(path("dc-plain"))
                .then().statusCode(202);

        ConsumerRecord<String, byte[]> record = single(id);
        assertThat(record.key()).as("no repository in the payload: keyed by integration").isEqualTo("dc-plain");
        assertThat(header(record, CloudEvents.HEADER_SUBJECT)).isNull();
    }

    @Test
    void aTokenGivenOnlyAsHashInConfigurationIsAccepted() {
        given().queryParam("token", "hashed-token").contentType("application/json")
                .header("X-Event-Key", "repo:push").header("X-Request-UUID", newId())
                .body(Webhooks.CLOUD_PUSH).post(path("hashed"))
                .then().statusCode(202);
    }

    @Test
    void unknownEventKeysArePublishedToo() {
        String id = newId();

        cloud(id, "repo:some_future_event").body("{\"repository\":{\"full_name\":\"acme/x\"}}").post(path("cloud-plain"))
                .then().statusCode(202);

        assertThat(header(single(id), CloudEvents.HEADER_TYPE))
                .isEqualTo("dev.bitbridge.bitbucket.cloud.repo:some_future_event");
    }

    @Test
    void theSameEventIdAgainIsADuplicateAndPublishesNothing() {
        String id = newId();
        cloud(id, "repo:push").body(Webhooks.CLOUD_PUSH).post(path("cloud-plain")).then().statusCode(202);

        cloud(id, "repo:push").body(Webhooks.CLOUD_PUSH).post(path("cloud-plain"))
                .then().statusCode(202)
                .body("id", equalTo(id))
                .body("duplicate", equalTo(true));

        assertThat(topic.readWithHeader(Topics.WEBHOOKS_V1, CloudEvents.HEADER_ID, id)).hasSize(1);
    }

    @Test
    void aSignedDeliveryIsVerifiedOnTheRawBytes() {
        String id = newId();
        // Whitespace and key order matter to the signature: the bytes are signed, not the JSON value.
        byte[] body = "{ \"repository\" : {\"full_name\":\"acme/signed\"},\n \"push\": {} }".getBytes(StandardCharsets.UTF_8);

        given().queryParam("token", "cloud-token-2").contentType("application/json")
                .header("X-Event-Key", "repo:push").header("X-Request-UUID", id)
                .header("X-Hub-Signature", Webhooks.signature("cloud-secret", body))
                .body(body).post(path("cloud-signed"))
                .then().statusCode(202);

        assertThat(single(id).value()).isEqualTo(body);
    }

    @Test
    void aSignedDataCenterDeliveryIsAccepted() {
        String id = newId();
        byte[] body = Webhooks.DC_PUSH.getBytes(StandardCharsets.UTF_8);

        given().queryParam("token", "dc-token-2").contentType("application/json")
                .header("X-Event-Key", "repo:refs_changed").header("X-Request-Id", id)
                .header("X-Hub-Signature", Webhooks.signature("dc-secret", body))
                .body(body).post(path("dc-signed"))
                .then().statusCode(202);

        assertThat(single(id).key()).isEqualTo("dc-signed:ACME/widgets");
    }

    @Test
    void theWrongSecretIsForbidden() {
        byte[] body = Webhooks.CLOUD_PUSH.getBytes(StandardCharsets.UTF_8);

        given().queryParam("token", "cloud-token-2").contentType("application/json")
                .header("X-Event-Key", "repo:push").header("X-Request-UUID", newId())
                .header("X-Hub-Signature", Webhooks.signature("not-the-secret", body))
                .body(body).post(path("cloud-signed"))
                .then().statusCode(403)
                .body("error", equalTo("signature_mismatch"))
                .body("detail", containsString("secret set on the Bitbucket webhook"));
    }

    @Test
    void dataCentersTestButtonGetsPongAndNothingIsPublished() {
        long before = topic.endOffsetTotal(Topics.WEBHOOKS_V1);

        // Unsigned, even for a signed integration: Data Center does not sign its ping.
        given().queryParam("token", "dc-token-2").contentType("application/json")
                .header("X-Event-Key", "diagnostics:ping").header("X-Request-Id", newId())
                .body("{\"test\": true}").post(path("dc-signed"))
                .then().statusCode(200)
                .body("status", equalTo("pong"));

        assertThat(topic.endOffsetTotal(Topics.WEBHOOKS_V1)).isEqualTo(before);
    }

    @Test
    void aPingWithoutTheTokenIsUnauthorized() {
        given().contentType("application/json").header("X-Event-Key", "diagnostics:ping")
                .body("{\"test\": true}").post(path("dc-signed"))
                .then().statusCode(401);
    }

    @Test
    void unknownIntegrationWrongTokenMissingTokenAndDisabledAllGetTheSame401() {
        List<String> bodies = List.of(
                cloud(newId(), "repo:push").body(Webhooks.CLOUD_PUSH).post(path("no-such-integration")).then()
                        .statusCode(401).header("WWW-Authenticate", notNullValue()).extract().asString(),
                given().queryParam("token", "wrong").contentType("application/json").header("X-Event-Key", "repo:push")
                        .header("X-Request-UUID", newId()).body(Webhooks.CLOUD_PUSH).post(path("cloud-plain")).then()
                        .statusCode(401).extract().asString(),
                given().contentType("application/json").header("X-Event-Key", "repo:push")
                        .header("X-Request-UUID", newId()).body(Webhooks.CLOUD_PUSH).post(path("cloud-plain")).then()
                        .statusCode(401).extract().asString(),
                given().queryParam("token", "off-token").contentType("application/json").header("X-Event-Key", "repo:push")
                        .header("X-Request-UUID", newId()).body(Webhooks.CLOUD_PUSH).post(path("switched-off")).then()
                        .statusCode(401).extract().asString());

        assertThat(bodies).allSatisfy(b -> assertThat(b).isEqualTo(bodies.get(0)));
        assertThat(bodies.get(0)).contains("\"error\":\"unauthorized\"");
    }

    @Test
    void aDataCenterDeliveryToACloudIntegrationExplainsTheFlavor() {
        given().queryParam("token", "cloud-token-1").contentType("application/json")
                .header("X-Event-Key", "repo:refs_changed").header("X-Request-Id", newId())
                .body(Webhooks.DC_PUSH).post(path("cloud-plain"))
                .then().statusCode(400)
                .body("error", equalTo("event_id_missing"))
                .body("detail", containsString("set the integration's flavor to 'datacenter'"));
    }

    @Test
    void aBodyOfExactlyTheLargestAcceptedSizeIsStored() {
        // Kafka's own default record limit (1 MiB in all) would refuse it: topic and producer are sized for it.
        String id = newId();
        String prefix = "{\"repository\":{\"full_name\":\"acme/large\"},\"pad\":\"";
        byte[] body = (prefix + "x".repeat(1024 * 1024 - prefix.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(body).hasSize(1024 * 1024);

        cloud(id, "repo:push").body(body).post(path("cloud-plain")).then().statusCode(202);

        assertThat(single(id).value()).isEqualTo(body);
    }

    @Test
    void anOversizedBodyIsRefusedWithJson() {
        byte[] big = ("{\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        cloud(newId(), "repo:push").body(big).post(path("cloud-plain"))
                .then().statusCode(413)
                .body("error", equalTo("body_too_large"))
                .body("detail", containsString("bitbridge.ingress.max-body-size"));
    }

    @Test
    void anOversizedChunkedBodyIsRefusedWithJsonToo() throws Exception {
        byte[] big = ("{\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        cloud(newId(), "repo:push").body(new java.io.ByteArrayInputStream(big)).post(path("cloud-plain"))
                .then().statusCode(413)
                .body("error", equalTo("body_too_large"));
    }

    @Test
    void aDeliveryThatAcceptsOnlyHtmlIsStillAcceptedWithJson() {
        // A webhook is never refused for its Accept header (there is no 406): answers are always JSON.
        String id = newId();

        cloud(id, "repo:push").accept("text/html").body(Webhooks.CLOUD_PUSH).post(path("cloud-plain"))
                .then().statusCode(202)
                .contentType(containsString("application/json"))
                .body("id", equalTo(id));
    }

    @Test
    void keepAliveConnectionsServeOneDeliveryAfterAnother() throws Exception {
        // The benchmark and Bitbucket reuse connections: accepted deliveries leave the connection open.
        try (RawHttp http = RawHttp.connect(port)) {
            for (int i = 0; i < 3; i++) {
                RawHttp.Answer answer = http.send(RawHttp.post(path("cloud-plain") + "?token=cloud-token-1",
                        Webhooks.CLOUD_PUSH.getBytes(StandardCharsets.UTF_8), "X-Event-Key: repo:push",
                        "X-Request-UUID: " + newId()));
                assertThat(answer.status()).isEqualTo(202);
                assertThat(answer.header("connection")).isNotEqualToIgnoringCase("close");
            }
        }
    }

    private ConsumerRecord<String, byte[]> single(String id) {
        List<ConsumerRecord<String, byte[]>> records = topic.readWithHeader(Topics.WEBHOOKS_V1, CloudEvents.HEADER_ID, id);
        assertThat(records).as("records with ce_id %s", id).hasSize(1);
        return records.get(0);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return TopicScanner.header(record, name);
    }
}
