package dev.bitbridge.ingress.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLogPatternTest {

    @ParameterizedTest
    @ValueSource(strings = { "common", "combined", "long", " common ", "long\n" })
    void theNamedPatternsLogTheRequestLineWithItsQuery(String pattern) {
        assertThat(AccessLogPattern.unsafeAttribute(pattern)).startsWith(pattern.trim()).contains("%r");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "%r | %r",
            "%U | %U",
            "%q | %q",
            "%{QUERY_STRING} | %{QUERY_STRING}",
            "%{REQUEST_LINE} | %{REQUEST_LINE}",
            "%{REQUEST_URL} | %{REQUEST_URL}",
            "%{q,token} | %{q,token}",
            "%{i,Authorization} | %{i,Authorization}",
            "%{i,authorization} | %{i,authorization}",
            "%{i, AUTHORIZATION } | %{i, AUTHORIZATION }",
            "%{i,Proxy-Authorization} | %{i,Proxy-Authorization}",
            "%{i,Cookie} | %{i,Cookie}",
            "%{c,session} | %{c,session}",
            "%{ALL_REQUEST_HEADERS} | %{ALL_REQUEST_HEADERS}",
            "%{d,token} | %{d,token}",
            "%Z | %Z",
            "%<U | %<U",
            "%{} | %{}",
            "%h %t \"%m %R %H\" %s %b %D %r | %r",
            "%h %q %U | %q",
            "%R %{i,User-Agent} %{i,Authorization} | %{i,Authorization}",
            "\"%m %R\" %{REQUEST_LINE} | %{REQUEST_LINE}" })
    void attributesThatCouldLogATokenOrAreUnknownAreUnsafe(String pattern, String unsafe) {
        assertThat(AccessLogPattern.unsafeAttribute(pattern)).isEqualTo(unsafe);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "%h %t \"%m %R %H\" %s %b %D",
            "%h %t \"%m %R %H\" %s %b %D ms",
            "%{i,User-Agent}",
            "%{i,X-Request-UUID} %{i,X-Event-Key}",
            "%{time,yyyy}",
            "%{time,yyyy-MM-dd'T'HH:mm:ss}",
            "%{o,Content-Type}",
            "%a %A %b %B %D %h %H %I %l %m %p %R %s %t %T %u %v",
            "%<m %<R",
            "%{METHOD} %{REQUEST_PATH} %{RESPONSE_CODE} %{RESPONSE_TIME} %{REMOTE_IP} %{PROTOCOL}",
            "%{BYTES_SENT} %{DATE_TIME} %{THREAD_NAME} %{LOCAL_PORT} %{SCHEME}",
            "plain text, no attributes",
            "" })
    void pathMethodStatusTimingAndHarmlessHeadersAreSafe(String pattern) {
        assertThat(AccessLogPattern.unsafeAttribute(pattern)).isNull();
    }
}
