package dev.bitbridge.ingress.http;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class RejectionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "400, REQUEST_MALFORMED",
            "401, UNAUTHORIZED",
            "403, SIGNATURE_MISSING",
            "404, NOT_FOUND",
            "405, METHOD_NOT_ALLOWED",
            "408, REQUEST_TIMEOUT",
            "413, BODY_TOO_LARGE",
            "414, URI_TOO_LONG",
            "415, UNSUPPORTED_MEDIA_TYPE",
            "431, HEADERS_TOO_LARGE",
            "500, INTERNAL_ERROR",
            "503, UNAVAILABLE",
            "200, INTERNAL_ERROR",
            "302, INTERNAL_ERROR",
            "418, INTERNAL_ERROR",
            "502, INTERNAL_ERROR",
            "-1, INTERNAL_ERROR",
            "0, INTERNAL_ERROR" })
    void aFrameworkStatusMapsToTheRefusalItStandsFor(int status, Rejection rejection) {
        assertThat(Rejection.ofStatus(status)).isEqualTo(rejection);
    }

    @ParameterizedTest
    @EnumSource(Rejection.class)
    void ofStatusKeepsTheStatus(Rejection rejection) {
        assertThat(Rejection.ofStatus(rejection.status()).status()).isEqualTo(rejection.status());
    }

    @ParameterizedTest
    @EnumSource(Rejection.class)
    void onlyServiceUnavailableIsRetryable(Rejection rejection) {
        assertThat(rejection.retryable()).isEqualTo(rejection.status() == 503);
    }

    @Test
    void codesAreUniqueSnakeCase() {
        assertThat(Arrays.stream(Rejection.values()).map(Rejection::code))
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[a-z]+(_[a-z0-9]+)*"));
    }
}
