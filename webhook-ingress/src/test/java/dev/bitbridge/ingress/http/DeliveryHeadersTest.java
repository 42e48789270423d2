package dev.bitbridge.ingress.http;

import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.bitbridge.events.webhook.BitbucketFlavor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryHeadersTest {

    private static Function<String, String> headers(Map<String, String> values) {
        return values::get;
    }

    @ParameterizedTest
    @ValueSource(strings = { "repo:push", "pr:reviewer:needs_work", "pullrequest:changes_request_created",
            "diagnostics:ping", "repo:commit_status_updated", "mirror:repo_synchronized" })
    void realEventKeysAreAccepted(String key) {
        assertThat(DeliveryHeaders.eventKey(headers(Map.of("X-Event-Key", key)))).isEqualTo(key);
    }

    @Test
    void aMissingEventKeyIsRejected() {
        assertThatThrownBy(() -> DeliveryHeaders.eventKey(headers(Map.of())))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(Rejection.EVENT_KEY_MISSING))
                .hasMessageContaining("X-Event-Key is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = { "repo push", "repo:push\r\nX-Evil: 1", "<script>", "repo/push", "ключ" })
    void oddEventKeysAreRejected(String key) {
        assertThatThrownBy(() -> DeliveryHeaders.eventKey(headers(Map.of("X-Event-Key", key))))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(Rejection.EVENT_KEY_MALFORMED));
    }

    @Test
    void cloudReadsXRequestUuidAndDataCenterXRequestId() {
        Function<String, String> both = headers(Map.of("X-Request-UUID", "cloud-id", "X-Request-Id", "dc-id"));

        assertThat(DeliveryHeaders.eventId(both, BitbucketFlavor.CLOUD, "a")).isEqualTo("cloud-id");
        assertThat(DeliveryHeaders.eventId(both, BitbucketFlavor.DATACENTER, "a")).isEqualTo("dc-id");
    }

    @Test
    void aDataCenterDeliveryToACloudIntegrationSaysWhatToChange() {
        Function<String, String> dc = headers(Map.of("X-Request-Id", "dc-id"));

        assertThatThrownBy(() -> DeliveryHeaders.eventId(dc, BitbucketFlavor.CLOUD, "acme"))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(Rejection.EVENT_ID_MISSING))
                .hasMessageContaining("X-Request-UUID is missing")
                .hasMessageContaining("set the integration's flavor to 'datacenter'");
    }

    @Test
    void aMalformedEventIdIsRejected() {
        assertThatThrownBy(() -> DeliveryHeaders.eventId(headers(Map.of("X-Request-UUID", "a b")), BitbucketFlavor.CLOUD, "a"))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(Rejection.EVENT_ID_MALFORMED));
        assertThatThrownBy(() -> DeliveryHeaders.eventId(headers(Map.of("X-Request-UUID", "x".repeat(129))),
                BitbucketFlavor.CLOUD, "a")).isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void attemptNumberAndHookUuidAreOptionalButChecked() {
        assertThat(DeliveryHeaders.attempt(headers(Map.of()))).isNull();
        assertThat(DeliveryHeaders.attempt(headers(Map.of("X-Attempt-Number", "2")))).isEqualTo(2);
        assertThat(DeliveryHeaders.hookUuid(headers(Map.of("X-Hook-UUID", "{3c8b7a4e-8f1e-4e3a-9a55-1d2f0e6b7c11}"))))
                .isEqualTo("{3c8b7a4e-8f1e-4e3a-9a55-1d2f0e6b7c11}");
        assertThatThrownBy(() -> DeliveryHeaders.attempt(headers(Map.of("X-Attempt-Number", "0"))))
                .isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> DeliveryHeaders.attempt(headers(Map.of("X-Attempt-Number", "two"))))
                .isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> DeliveryHeaders.hookUuid(headers(Map.of("X-Hook-UUID", "not a uuid"))))
                .isInstanceOf(WebhookRejectedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/json", "application/json; charset=UTF-8", "APPLICATION/JSON",
            "application/vnd.bitbucket+json" })
    void jsonContentTypesAreAccepted(String type) {
        DeliveryHeaders.requireJson(headers(Map.of("Content-Type", type)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "*/*", "application/*", "json",
            "application/xml" })
    void otherContentTypesAreRefused(String type) {
        assertThatThrownBy(() -> DeliveryHeaders.requireJson(headers(Map.of("Content-Type", type))))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(Rejection.UNSUPPORTED_MEDIA_TYPE));
    }

    @Test
    void aMissingContentTypeIsRefused() {
        assertThatThrownBy(() -> DeliveryHeaders.requireJson(headers(Map.of())))
                .hasMessageContaining("Content-Type is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/json; charset=utf-8", "Application/Json", " application/json ",
            "application/json;charset=UTF-8;x=y", "application/vnd.x+json", "application/vnd.x+json; charset=utf-8" })
    void moreJsonContentTypesAreAccepted(String type) {
        DeliveryHeaders.requireJson(headers(Map.of("Content-Type", type)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/*+json", "*/*", "text/json", "application/+json", "application/jsonx",
            "application/x-json", "text/plain; charset=application/json", "application", "", " " })
    void moreNonJsonContentTypesAreRefused(String type) {
        assertThatThrownBy(() -> DeliveryHeaders.requireJson(headers(Map.of("Content-Type", type))))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(Rejection.UNSUPPORTED_MEDIA_TYPE));
    }

    @Test
    void aBlankContentTypeIsCalledMissing() {
        assertThatThrownBy(() -> DeliveryHeaders.requireJson(headers(Map.of("Content-Type", " "))))
                .hasMessageContaining("Content-Type is missing");
    }

    @Test
    void withoutContentLengthTheLengthIsUnknown() {
        assertThat(DeliveryHeaders.contentLength(headers(Map.of()), 100)).isEqualTo(-1);
    }

    @ParameterizedTest
    @CsvSource({ "chunked, 50", "chunked, 5000", "chunked, abc", "gzip, chunked" })
    void aChunkedBodyHasNoDeclaredLengthWhateverContentLengthSays(String transferEncoding, String contentLength) {
        Function<String, String> both = headers(Map.of("Transfer-Encoding", transferEncoding, "Content-Length",
                contentLength));

        assertThat(DeliveryHeaders.contentLength(both, 100)).isEqualTo(-1);
        assertThat(DeliveryHeaders.contentLength(headers(Map.of("Transfer-Encoding", transferEncoding)), 100))
                .isEqualTo(-1);
    }

    @ParameterizedTest(name = "Content-Length {0} -> {1}")
    @CsvSource({ "0, 0", "1, 1", "100, 100", "' 42 ', 42" })
    void aDeclaredLengthUpToTheLimitIsReturned(String contentLength, long length) {
        assertThat(DeliveryHeaders.contentLength(headers(Map.of("Content-Length", contentLength)), 100))
                .isEqualTo(length);
    }

    @ParameterizedTest
    @ValueSource(strings = { "101", "1048577", "9223372036854775807" })
    void aDeclaredLengthOverTheLimitIsTooLarge(String contentLength) {
        assertThatThrownBy(() -> DeliveryHeaders.contentLength(headers(Map.of("Content-Length", contentLength)), 100))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
                    assertThat(e.rejection()).isEqualTo(Rejection.BODY_TOO_LARGE);
                    assertThat(e.rejection().status()).isEqualTo(413);
                    assertThat(e.rejection().code()).isEqualTo("body_too_large");
                })
                .hasMessageContaining("100 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc", "-1", "-100", "1.5", "", " ", "0x10", "1e3", "10, 10" })
    void aContentLengthThatIsNotAWholeNumberIsMalformed(String contentLength) {
        assertThatThrownBy(() -> DeliveryHeaders.contentLength(headers(Map.of("Content-Length", contentLength)), 100))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
                    assertThat(e.rejection()).isEqualTo(Rejection.HEADER_MALFORMED);
                    assertThat(e.rejection().status()).isEqualTo(400);
                    assertThat(e.rejection().code()).isEqualTo("header_malformed");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = { "100-continue", "100-Continue", "100-CONTINUE", " 100-continue " })
    void aClientWaitingFor100ContinueIsRecognised(String expect) {
        assertThat(DeliveryHeaders.expectsContinue(headers(Map.of("Expect", expect)))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "200-ok", "100-continue-please", "continue", "100" })
    void anyOtherExpectationIsNotAWaitForContinue(String expect) {
        assertThat(DeliveryHeaders.expectsContinue(headers(Map.of("Expect", expect)))).isFalse();
    }

    @Test
    void withoutExpectNobodyWaitsForContinue() {
        assertThat(DeliveryHeaders.expectsContinue(headers(Map.of()))).isFalse();
    }
}
