package dev.bitbridge.connector.bitbucket;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.MultiMap;

import dev.bitbridge.connector.credentials.CredentialKind;
import dev.bitbridge.events.webhook.BitbucketFlavor;

import static org.assertj.core.api.Assertions.assertThat;

/** Text Bitbucket writes back may echo what it was sent: nothing that looks like a credential is quoted. */
class QuotedTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "URL 'https://bitbridge.example/webhooks/bitbucket/acme?token=tok_Secret123' is not reachable"
                    + "|URL 'https://bitbridge.example/webhooks/bitbucket/acme?token=[redacted]' is not reachable"
                    + "|tok_Secret123",
            "bad request to /x?a=1&access_token=eyJhbGciOi.abc&b=2|bad request to /x?a=1&access_token=[redacted]&b=2"
                    + "|eyJhbGciOi.abc",
            "{\"secret\": \"whsec-0123456789\", \"url\": \"u\"} invalid|{\"secret\": \"[redacted]\", \"url\": \"u\"}"
                    + " invalid|whsec-0123456789",
            "Authorization: Bearer ATCTT3xFfGN0abcdefgh rejected|Authorization: Bearer [redacted] rejected"
                    + "|ATCTT3xFfGN0abcdefgh",
            "Authorization: Basic dXNlcjpwYXNzd29yZA== rejected|Authorization: Basic [redacted] rejected"
                    + "|dXNlcjpwYXNzd29yZA==",
            "cannot reach https://alice:hunter2-pw@bitbucket.acme.test/rest|cannot reach"
                    + " https://[redacted]@bitbucket.acme.test/rest|hunter2-pw",
            "callback failed: code=Qx7Pp9 state=abc|callback failed: code=[redacted] state=abc|Qx7Pp9" })
    void credentialLookingValuesAreRedacted(String said, String quoted, String secret) {
        assertThat(QuotedText.safe(said)).isEqualTo(quoted).doesNotContain(secret);
    }

    @Test
    void ordinaryTextIsKeptAndLongTextShortened() {
        assertThat(QuotedText.safe("Repository not found")).isEqualTo("Repository not found");
        assertThat(QuotedText.safe("x".repeat(400))).hasSize(QuotedText.MAX_LENGTH + 1).endsWith("…");
    }

    @Test
    void anErrorThatEchoesTheWebhookUrlDoesNotLeakItsTokenIntoTheAnswer() {
        FailureTranslator translator = new FailureTranslator(new ObjectMapper());
        String body = "{\"type\":\"error\",\"error\":{\"message\":\"Invalid URL: https://hooks.example/webhooks/"
                + "bitbucket/acme?token=tok_0123456789abcdef\"}}";
        BitbucketException e = translator.fromAnswer(new BitbucketTarget("acme", BitbucketFlavor.CLOUD,
                "https://api.bitbucket.org/2.0", true, null, CredentialKind.CLOUD_API_TOKEN), 400,
                MultiMap.caseInsensitiveMultiMap(), body);

        assertThat(e.getMessage()).contains("Invalid URL: https://hooks.example/webhooks/bitbucket/acme?token=[redacted]")
                .doesNotContain("tok_0123456789abcdef");
        assertThat(e.retryAfter()).isEqualTo(Optional.empty());
    }
}
