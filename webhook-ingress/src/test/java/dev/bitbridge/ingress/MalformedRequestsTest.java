package dev.bitbridge.ingress;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * A table of malformed requests: each gets its documented 4xx with a JSON body that explains it and is counted under
 * its code, nothing is published, and the service stays ready. Every case checks all of that itself, so any one case
 * (or the table in any order) proves it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class MalformedRequestsTest extends ReadyIngress {

    private static final byte[] PUSH = Webhooks.CLOUD_PUSH.getBytes(StandardCharsets.UTF_8);
    private static final String SIGNED_PUSH_SIGNATURE = Webhooks.signature("cloud-secret", PUSH);
    private static final byte[] OVER_LIMIT = ("{\"pad\":\"" + "x".repeat(1024 * 1024 + 1) + "\"}").getBytes();

    private final TopicScanner topic = TopicScanner.ofSharedKafka();

    /** One malformed request: a name, how it differs from a valid one, and the answer expected. */
    record Case(String name, String method, String integration, Map<String, String> query, Map<String, String> headers,
            Object body, int status, String error) {
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
                c("an error answer ignores Accept", "cloud-plain", q(), h("Accept", "text/html"), PUSH, 401,
                        "unauthorized"),
                // Path, method, request line and header limits
                c("not a webhook path", "cloud-plain/extra", tok(), h(), PUSH, 404, "not_found"),
                c("GET instead of POST", "GET", "cloud-plain", tok(), h(), null, 405, "method_not_allowed"),
                c("PUT instead of POST", "PUT", "cloud-plain", tok(), h(), PUSH, 405, "method_not_allowed"),
                c("request URI over 4 KiB", "cloud-plain", q("token", "t".repeat(5000)), h(), PUSH, 414, "uri_too_long"),
                c("headers over 16 KiB", "cloud-plain", tok(), h("X-Padding", "p".repeat(17 * 1024)), PUSH, 431,
                        "headers_too_large"),
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
                // Event id and other headers: 400
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
                c("a field twice", "cloud-plain", tok(), h(),
                        "{\"repository\":{\"full_name\":\"a/b\"},\"repository\":{\"full_name\":\"c/d\"}}".getBytes(), 400,
                        "body_not_json_object"),
                c("invalid UTF-8", "cloud-plain", tok(), h(),
                        new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}' },
                        400, "body_not_json_object"),
                c("nesting deeper than the parser allows", "cloud-plain", tok(), h(),
                        ("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(), 400, "body_not_json_object"),
                c("declared body over the limit", "cloud-plain", tok(), h(), OVER_LIMIT, 413, "body_too_large"),
                c("chunked body over the limit", "cloud-plain", tok(), h(), new Chunked(OVER_LIMIT), 413,
                        "body_too_large"),
                c("declared body over Quarkus's own 10 MiB cap", "cloud-plain", tok(), h(),
                        new byte[11 * 1024 * 1024], 413, "body_too_large"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsDocumentedAnswerAndPublishesNothing(Case c) {
        long recordsBefore = topic.endOffsetTotal(Topics.WEBHOOKS_V1);
        String counter = "bitbridge_ingress_webhooks_rejected_total{reason=\"" + c.error() + "\"}";
        double refusedBefore = metric(counter);

        send(c).then()
                .statusCode(c.status())
                .contentType(containsString("application/json"))
                .body("error", equalTo(c.error()))
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("\tat ")))
                .body("detail", not(containsString("/webhooks/bitbucket/" + c.integration())));

        assertThat(metric(counter)).as("counted under its code").isEqualTo(refusedBefore + 1);
        assertThat(topic.endOffsetTotal(Topics.WEBHOOKS_V1)).as("nothing published").isEqualTo(recordsBefore);
        management().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void theTableIsLargeEnough() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void aValidDeliveryIsStillAcceptedAndPublishedOnce() {
        long recordsBefore = topic.endOffsetTotal(Topics.WEBHOOKS_V1);
        Webhooks.cloud(newId(), "repo:push").body(PUSH).post(path("cloud-plain")).then().statusCode(202);

        assertThat(topic.endOffsetTotal(Topics.WEBHOOKS_V1)).isEqualTo(recordsBefore + 1);
    }

    private static io.restassured.response.Response send(Case c) {
        // Overrides: a null value removes the default header.
        Map<String, String> headers = new LinkedHashMap<>(Map.of("X-Event-Key", "repo:push", "X-Request-UUID", newId(),
                "Content-Type", "application/json"));
        headers.putAll(c.headers());
        var prepared = given().urlEncodingEnabled(!c.integration().contains("%"))
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.BINARY)
                        .encodeContentTypeAs("text/plain", ContentType.BINARY)
                        .encodeContentTypeAs("application/xml", ContentType.BINARY)));
        c.query().forEach(prepared::queryParam);
        headers.forEach((k, v) -> {
            if (v != null) {
                prepared.header(k, v);
            }
        });
        if (headers.get("Content-Type") == null) {
            prepared.noContentType();
        }
        if (c.body() instanceof Chunked chunked) {
            prepared.body(new ByteArrayInputStream(chunked.bytes()));
        } else if (c.body() != null) {
            prepared.body((byte[]) c.body());
        }
        return prepared.request(c.method(), path(c.integration()));
    }

    /** A body sent without a length, in chunks. */
    record Chunked(byte[] bytes) {
    }

    private static Arguments c(String name, String integration, Map<String, String> query, Map<String, String> headers,
            Object body, int status, String error) {
        return c(name, "POST", integration, query, headers, body, status, error);
    }

    private static Arguments c(String name, String method, String integration, Map<String, String> query,
            Map<String, String> headers, Object body, int status, String error) {
        return Arguments.of(new Case(name, method, integration, query, headers, body, status, error));
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
