package dev.bitbridge.events.integration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TokenHashTest {

    @Test
    void hashIsSha256InLowerCaseHex() {
        // echo -n abc | sha256sum
        assertThat(TokenHash.of("abc"))
                .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void matchesOnlyTheSameToken() {
        String hash = TokenHash.of("correct-token");

        assertThat(TokenHash.matches("correct-token", hash)).isTrue();
        assertThat(TokenHash.matches("correct-tokeN", hash)).isFalse();
        assertThat(TokenHash.matches("", hash)).isFalse();
        assertThat(TokenHash.matches(null, hash)).isFalse();
        assertThat(TokenHash.matches("correct-token", null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "sha256:", "sha1:ba7816bf8f01cfea414140de5dae2223b00361a3",
            "sha256:BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", "plain" })
    void malformedHashesAreRecognised(String hash) {
        assertThat(TokenHash.isWellFormed(hash)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "a", "acme", "acme-cloud", "a1-b2",
            "x23456789012345678901234567890123456789012345678901234567890123" })
    void validNames(String name) {
        assertThat(IntegrationNames.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "-acme", "acme-", "Acme", "ac me", "acme/x", "acme:x", "ac%2Fme", "äcme",
            "x234567890123456789012345678901234567890123456789012345678901234" })
    void invalidNames(String name) {
        assertThat(IntegrationNames.isValid(name)).isFalse();
    }
}
