package dev.bitbridge.ingress.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.bitbridge.events.integration.TokenHash;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.ingress.integrations.Integration;
import dev.bitbridge.ingress.integrations.IntegrationRegistry;

import static org.assertj.core.api.Assertions.assertThat;

class TokenAuthenticatorTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final IntegrationRegistry registry = TestRegistries.of(Map.of(
            "acme", new Integration("acme", BitbucketFlavor.CLOUD, true, TokenHash.of("good"), null, Integration.Origin.TOPIC),
            "off", new Integration("off", BitbucketFlavor.CLOUD, false, TokenHash.of("good"), null, Integration.Origin.TOPIC),
            "rotated", new Integration("rotated", BitbucketFlavor.CLOUD, true, TokenHash.of("new"), null,
                    Integration.Origin.TOPIC, new Integration.Previous(TokenHash.of("old"), null, NOW.plusSeconds(60)))));
    private final TokenAuthenticator authenticator = new TokenAuthenticator(registry, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theRightTokenFindsTheIntegration() {
        Authentication found = authenticator.authenticate("acme", List.of("good"));

        assertThat(found.accepted()).map(Integration::name).contains("acme");
        assertThat(found.match()).isEqualTo(TokenMatch.CURRENT);
    }

    @Test
    void anyPresentedTokenMayMatch() {
        assertThat(authenticator.authenticate("acme", List.of("wrong", "good")).accepted()).isPresent();
    }

    @Test
    void wrongMissingUnknownAndDisabledAllLookTheSame() {
        assertThat(authenticator.authenticate("acme", List.of("bad")).accepted()).isEmpty();
        assertThat(authenticator.authenticate("acme", List.of()).accepted()).isEmpty();
        assertThat(authenticator.authenticate("nobody", List.of("good")).accepted()).isEmpty();
        assertThat(authenticator.authenticate("off", List.of("good")).accepted()).isEmpty();
    }

    @Test
    void whatWasFoundIsKeptForTheRefusalReportOfAnExistingIntegrationOnly() {
        assertThat(authenticator.authenticate("nobody", List.of("good")))
                .isEqualTo(new Authentication(null, TokenMatch.NONE));
        Authentication disabled = authenticator.authenticate("off", List.of("good"));
        assertThat(disabled.integration().name()).isEqualTo("off");
        assertThat(disabled.match()).as("the right token, refused because disabled").isEqualTo(TokenMatch.CURRENT);
    }

    @Test
    void thePreviousTokenCountsOnTheInjectedClock() {
        assertThat(authenticator.authenticate("rotated", List.of("old")).match()).isEqualTo(TokenMatch.PREVIOUS);

        TokenAuthenticator later = new TokenAuthenticator(registry, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
        assertThat(later.authenticate("rotated", List.of("old")).accepted()).isEmpty();
        assertThat(later.authenticate("rotated", List.of("new")).accepted()).isPresent();
    }
}
