package dev.bitbridge.connector.bitbucket.oauth;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An access token is renewed before it expires: once less than the renewal margin is left, it no longer counts. */
class CachedTokenTest {

    static final Instant EXPIRES = Instant.parse("2026-11-22T12:00:00Z");
    static final Duration MARGIN = Duration.ofMinutes(5);

    @Test
    void freshUntilTheMarginBeforeExpiry() {
        OAuthTokens.Cached token = new OAuthTokens.Cached("t", EXPIRES);
        assertThat(token.freshAt(EXPIRES.minus(Duration.ofMinutes(6)), MARGIN)).isTrue();
        assertThat(token.freshAt(EXPIRES.minus(MARGIN), MARGIN)).isFalse();
        assertThat(token.freshAt(EXPIRES.minus(Duration.ofMinutes(1)), MARGIN)).isFalse();
        assertThat(token.freshAt(EXPIRES.plusSeconds(1), MARGIN)).isFalse();
    }

    @Test
    void neverShowsTheTokenWhenPrinted() {
        assertThat(new OAuthTokens.Cached("secret-access-token", EXPIRES).toString()).doesNotContain("secret");
    }
}
