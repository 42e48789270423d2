package dev.bitbridge.testkit.bitbucket;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpsSimulatorTest {

    @Test
    void servesASelfSignedCertificateThatDefaultClientsRefuse() throws Exception {
        try (BitbucketSimulator bb = BitbucketSimulator.start(Flavor.DATA_CENTER, 0, true)) {
            assertThat(bb.baseUrl()).startsWith("https://127.0.0.1:");
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(bb.certificatePem().getBytes(StandardCharsets.US_ASCII)));
            assertThat(cert.getSubjectX500Principal().getName()).contains("CN=bitbucket-simulator.test");

            HttpRequest request = HttpRequest.newBuilder(URI.create(bb.baseUrl()
                    + "/rest/api/1.0/application-properties")).build();
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }
}
