package dev.bitbridge.ingress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;

import dev.bitbridge.events.Topics;
import dev.bitbridge.testkit.KafkaTestResource;
import dev.bitbridge.testkit.TopicScanner;

import static dev.bitbridge.ingress.Webhooks.newId;
import static dev.bitbridge.ingress.Webhooks.path;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * A table of malformed deliveries: each gets its documented 4xx with a JSON body that explains it, none is published,
 * and the service stays healthy throughout.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MalformedRequestsTest extends ReadyIngress {

    private static final byte[] PUSH = Webhooks.CLOUD_PUSH.getBytes(StandardCharsets.UTF_8);
    private static final String SIGNED_PUSH_SIGNATURE = Webhooks.signature("cloud-secret", PUSH);

    private final TopicScanner topic = TopicScanner.ofSharedKafka();
    /** Records on the topic before the first case ran; -1 until then. */
    private long recordsBefore = -1;

    /** One malformed delivery: a name, how it differs from a valid one, and the answer expected. */
    record Case(String name, String integration, Map<String, String> query, Map<String, String> headers, byte[] body,
            int status, String error) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // Authentication: 401, all alike
                c("no token at all", "cloud-plain", q(), h(), PUSH, 401, "unauthorized"),
                c("wrong token", "cloud-plain", q("token", "cloud-token-X"), h(), PUSH, 401, "unauthorized"),
                c("token of another integration", "cloud-plain", q("token", "dc-token-1"), h(), PUSH, 401, "unauthorized"),
                c("empty token", "cloud-plain", q("token", ""), h(), PUSH, 401, "unauthorized"),
                c("token with trailing space", "cloud-plain", q("token", "cloud-token-1 "), h(), PUSH, 401, "unauthorized"),
                c("token in wrong case", "cloud-plain", q("token", "CLOUD-TOKEN-1"), h(), PUSH, 401, "unauthorized"),
                c("unknown integration", "nobody", q("token", "cloud-token-1"), h(), PUSH, 401, "unauthorized"),
                c("upper-case integration name", "CLOUD-PLAIN", q("token", "cloud-token-1"), h(), PUSH, 401, "unauthorized"),
                c("odd characters in integration name", "cloud-plain%00", q("token", "cloud-token-1"), h(), PUSH, 401,
                        "unauthorized"),
                c("unicode integration name", "clöud-plain", q("token", "cloud-token-1"), h(), PUSH, 401, "unauthorized"),
                c("disabled integration", "switched-off", q("token", "off-token"), h(), PUSH, 401, "unauthorized"),
                c("basic auth with wrong password", "dc-plain", q(),
                        h("Authorization", "Basic " + b64("bitbucket:nope"), "X-Request-Id", "x1"), PUSH, 401, "unauthorized"),
                c("bearer with wrong token", "dc-plain", q(), h("Authorization", "Bearer nope", "X-Request-Id", "x1"), PUSH,
                        401, "unauthorized"),
                // Event key: 400
                c("missing X-Event-Key", "cloud-plain", tok(), h("X-Event-Key", null), PUSH, 400, "event_key_missing"),
                c("empty X-Event-Key", "cloud-plain", tok(), h("X-Event-Key", ""), PUSH, 400, "event_key_missing"),
                c("X-Event-Key with spaces", "cloud-plain", tok(), h("X-Event-Key", "repo push"), PUSH, 400,
                        "event_key_malformed"),
                c("X-Event-Key with markup", "cloud-plain", tok(), h("X-Event-Key", "<b>repo:push</b>"), PUSH, 400,
                        "event_key_malformed"),
                c("X-Event-Key too long", "cloud-plain", tok(), h("X-Event-Key", "a".repeat(101)), PUSH, 400,
                        "event_key_malformed"),
                // Signatures: 403
                c("signed integration, no signature", "cloud-signed", q("token", "cloud-token-2"), h(), PUSH, 403,
                        "signature_missing"),
                c("sha1 signature", "cloud-signed", q("token", "cloud-token-2"),
                        h("X-Hub-Signature", "sha1=" + "a".repeat(40)), PUSH, 403, "signature_algorithm_unsupported"),
                c("bare hex signature", "cloud-signed", q("token", "cloud-token-2"),
                        h("X-Hub-Signature", SIGNED_PUSH_SIGNATURE.substring(7)), PUSH, 403,
                        "signature_algorithm_unsupported"),
                c("upper-case hex signature", "cloud-signed", q("token", "cloud-token-2"),
                        h("X-Hub-Signature", "sha256=" + SIGNED_PUSH_SIGNATURE.substring(7).toUpperCase()), PUSH, 403,
                        "signature_mismatch"),
                c("signature of another body", "cloud-signed", q("token", "cloud-token-2"),
                        h("X-Hub-Signature", Webhooks.signature("cloud-secret", "{}".getBytes())), PUSH, 403,
                        "signature_mismatch"),
                c("truncated signature", "cloud-signed", q("token", "cloud-token-2"),
                        h("X-Hub-Signature", SIGNED_PUSH_SIGNATURE.substring(0, 40)), PUSH, 403, "signature_mismatch"),
                c("empty sha256 signature", "cloud-signed", q("token", "cloud-token-2"), h("X-Hub-Signature", "sha256="),
                        PUSH, 403, "signature_mismatch"),
                // Event id: 400
                c("missing X-Request-UUID", "cloud-plain", tok(), h("X-Request-UUID", null), PUSH, 400, "event_id_missing"),
                c("Data Center id on a Cloud integration", "cloud-plain", tok(), h("X-Request-UUID", null, "X-Request-Id",
                        "abc"), PUSH, 400, "event_id_missing"),
                c("Cloud id on a Data Center integration", "dc-plain", q("token", "dc-token-1"), h("X-Request-Id", null),
                        PUSH, 400, "event_id_missing"),
                c("event id with spaces", "cloud-plain", tok(), h("X-Request-UUID", "a b c"), PUSH, 400, "event_id_malformed"),
                c("event id too long", "cloud-plain", tok(), h("X-Request-UUID", "a".repeat(129)), PUSH, 400,
                        "event_id_malformed"),
                c("attempt number not a number", "cloud-plain", tok(), h("X-Attempt-Number", "first"), PUSH, 400,
                        "header_malformed"),
                c("attempt number zero", "cloud-plain", tok(), h("X-Attempt-Number", "0"), PUSH, 400, "header_malformed"),
                c("hook uuid with odd characters", "cloud-plain", tok(), h("X-Hook-UUID", "{uuid}; drop"), PUSH, 400,
                        "header_malformed"),
                // Content type: 415
                c("missing content type", "cloud-plain", tok(), h("Content-Type", null), PUSH, 415, "unsupported_media_type"),
                c("form content type", "cloud-plain", tok(), h("Content-Type", "application/x-www-form-urlencoded"), PUSH,
                        415, "unsupported_media_type"),
                c("text content type", "cloud-plain", tok(), h("Content-Type", "text/plain"), PUSH, 415,
                        "unsupported_media_type"),
                c("xml content type", "cloud-plain", tok(), h("Content-Type", "application/xml"), PUSH, 415,
                        "unsupported_media_type"),
                // Body: 400 / 413
                c("empty body", "cloud-plain", tok(), h(), new byte[0], 400, "body_not_json_object"),
                c("broken JSON", "cloud-plain", tok(), h(), "{\"push\": ".getBytes(), 400, "body_not_json_object"),
                c("JSON array", "cloud-plain", tok(), h(), "[1,2,3]".getBytes(), 400, "body_not_json_object"),
                c("JSON string", "cloud-plain", tok(), h(), "\"push\"".getBytes(), 400, "body_not_json_object"),
                c("JSON null", "cloud-plain", tok(), h(), "null".getBytes(), 400, "body_not_json_object"),
                c("trailing garbage", "cloud-plain", tok(), h(), "{\"a\":1} trailing".getBytes(), 400,
                        "body_not_json_object"),
                c("two objects", "cloud-plain", tok(), h(), "{}{}".getBytes(), 400, "body_not_json_object"),
                c("invalid UTF-8", "cloud-plain", tok(), h(),
                        new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}' },
                        400, "body_not_json_object"),
                c("nesting deeper than the parser allows", "cloud-plain", tok(), h(),
                        ("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(), 400, "body_not_json_object"),
                c("body over the limit", "cloud-plain", tok(), h(),
                        ("{\"pad\":\"" + "x".repeat(1024 * 1024 + 1) + "\"}").getBytes(), 413, "body_too_large"));
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsDocumentedAnswer(Case c) {
        if (recordsBefore < 0) {
            recordsBefore = topic.endOffsetTotal(Topics.WEBHOOKS_V1);
        }
        // Overrides: a null value removes the default header.
        Map<String, String> headers = new LinkedHashMap<>(Map.of("X-Event-Key", "repo:push", "X-Request-UUID", newId(),
                "Content-Type", "application/json"));
        headers.putAll(c.headers());
        var prepared = given().urlEncodingEnabled(!c.integration().contains("%"))
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.BINARY)));
        c.query().forEach(prepared::queryParam);
        headers.forEach((k, v) -> {
            if (v != null) {
                prepared.header(k, v);
            }
        });
        if (!headers.containsKey("Content-Type") || headers.get("Content-Type") == null) {
            prepared.noContentType();
        }
        prepared.body(c.body())
                .post(path(c.integration()))
                .then()
                .statusCode(c.status())
                .contentType(containsString("application/json"))
                .body("error", equalTo(c.error()))
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("\tat ")));
    }

    @Test
    void theTableIsLargeEnough() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(30);
    }

    @Test
    @Order(2)
    void nothingWasPublishedAndTheServiceIsStillHealthy() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        String marker = newId();
        Webhooks.cloud(marker, "repo:push").body(PUSH).post(path("cloud-plain")).then().statusCode(202);

        assertThat(topic.endOffsetTotal(Topics.WEBHOOKS_V1))
                .as("only the valid marker delivery was published")
                .isEqualTo(recordsBefore + 1);
    }

    private static Arguments c(String name, String integration, Map<String, String> query, Map<String, String> headers,
            byte[] body, int status, String error) {
        return Arguments.of(new Case(name, integration, query, headers, body, status, error));
    }

    private static Map<String, String> tok() {
        return q("token", "cloud-token-1");
    }

    private static Map<String, String> q(String... kv) {
        return pairs(kv);
    }

    private static Map<String, String> h(String... kv) {
        return pairs(kv);
    }

    private static Map<String, String> pairs(String... kv) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
