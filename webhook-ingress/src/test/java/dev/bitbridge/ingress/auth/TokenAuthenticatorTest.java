package dev.bitbridge.ingress.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.bitbridge.events.integration.TokenHash;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.ingress.integrations.Integration;
import dev.bitbridge.ingress.integrations.IntegrationRegistry;

import static org.assertj.core.api.Assertions.assertThat;

class TokenAuthenticatorTest {

    private final IntegrationRegistry registry = TestRegistries.of(Map.of(
            "acme", new Integration("acme", BitbucketFlavor.CLOUD, true, TokenHash.of("good"), null, Integration.Origin.TOPIC),
            "off", new Integration("off", BitbucketFlavor.CLOUD, false, TokenHash.of("good"), null, Integration.Origin.TOPIC)));
    private final TokenAuthenticator authenticator = new TokenAuthenticator(registry);

    @Test
    void theRightTokenFindsTheIntegration() {
        Optional<Integration> found = authenticator.authenticate("acme", List.of("good"));

        assertThat(found).map(Integration::name).contains("acme");
    }

    @Test
    void anyPresentedTokenMayMatch() {
        assertThat(authenticator.authenticate("acme", List.of("wrong", "good"))).isPresent();
    }

    @Test
    void wrongMissingUnknownAndDisabledAllLookTheSame() {
        assertThat(authenticator.authenticate("acme", List.of("bad"))).isEmpty();
        assertThat(authenticator.authenticate("acme", List.of())).isEmpty();
        assertThat(authenticator.authenticate("nobody", List.of("good"))).isEmpty();
        assertThat(authenticator.authenticate("off", List.of("good"))).isEmpty();
    }
}
