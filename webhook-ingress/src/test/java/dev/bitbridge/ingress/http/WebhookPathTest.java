package dev.bitbridge.ingress.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/webhooks/bitbucket/acme, acme",
            "/webhooks/bitbucket/acme-cloud, acme-cloud",
            "/webhooks/bitbucket/a, a",
            "/webhooks/bitbucket/Not.Checked%20Here, Not.Checked%20Here" })
    void theIntegrationIsTheSegmentAfterThePrefix(String path, String integration) {
        assertThat(WebhookPath.integration(path)).isEqualTo(integration);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "/webhooks/bitbucket/acme/",
            "/webhooks/bitbucket/acme/extra",
            "/webhooks/bitbucket//acme",
            "/webhooks/bitbucket/",
            "/webhooks/bitbucket",
            "/webhooks/github/acme",
            "/other/webhooks/bitbucket/acme",
            "/Webhooks/Bitbucket/acme",
            "webhooks/bitbucket/acme",
            "/",
            "" })
    void anythingElseIsNotAWebhookPath(String path) {
        assertThat(WebhookPath.integration(path)).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "token=abc, abc",
            "token=abc&token=def, abc",
            "x=1&token=abc, abc",
            "x=1&token=abc&token=def, abc",
            "&token=abc, abc",
            "tokenx=evil&token=abc, abc",
            "token=a%2Bb%3D%26c, a+b=&c",
            "token=a+b, a b",
            "token=%E2%82%AC, €",
            "token=a=b, a=b",
            "token=, ''" })
    void theFirstTokenParameterIsDecoded(String query, String token) {
        assertThat(WebhookPath.token(query)).isEqualTo(token);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "",
            "x=1",
            "tokenx=abc",
            "Token=abc",
            "xtoken=abc",
            "token",
            "x=token=abc",
            "token=%zz",
            "token=abc%",
            "token=%zz&token=abc" })
    void aMissingOrUndecodableTokenIsNone(String query) {
        assertThat(WebhookPath.token(query)).isNull();
    }
}
