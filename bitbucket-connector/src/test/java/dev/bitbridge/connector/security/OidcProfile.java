package dev.bitbridge.connector.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Turns OIDC on, trusting tokens signed by the test's own issuer key (src/test/resources/oidc). */
public class OidcProfile implements QuarkusTestProfile {

    static final String ISSUER = "https://issuer.bitbridge.test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.public-key", publicKey(),
                "quarkus.oidc.token.issuer", ISSUER);
    }

    private static String publicKey() {
        try (InputStream in = OidcProfile.class.getResourceAsStream("/oidc/test-issuer-public.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
