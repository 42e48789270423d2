package dev.bitbridge.events.integration;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretSealerTest {

    private final String key1 = SecretSealer.generateKey();
    private final String key2 = SecretSealer.generateKey();
    private final SecretSealer sealer = new SecretSealer(Map.of("k1", key1, "k2", key2));

    @Test
    void opensWhatItSealed() {
        SealedSecret sealed = sealer.seal("acme", "webhook-secret", "k1");

        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(sealed.algorithm()).isEqualTo("AES-256-GCM");
        assertThat(sealed.value()).doesNotContain("webhook-secret");
        assertThat(sealer.open("acme", sealed)).isEqualTo("webhook-secret");
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        assertThat(sealer.seal("acme", "s", "k1").value()).isNotEqualTo(sealer.seal("acme", "s", "k1").value());
    }

    @Test
    void aSecretMovedToAnotherIntegrationDoesNotOpen() {
        SealedSecret sealed = sealer.seal("acme", "s", "k1");

        assertThatThrownBy(() -> sealer.open("other", sealed))
                .isInstanceOf(SecretSealer.SealingException.class)
                .hasMessageContaining("sealed for another integration");
    }

    @Test
    void aTamperedValueDoesNotOpen() {
        SealedSecret sealed = sealer.seal("acme", "s", "k1");
        byte[] raw = Base64.getDecoder().decode(sealed.value());
        raw[raw.length - 1] ^= 1;
        SealedSecret tampered = new SealedSecret("k1", sealed.algorithm(), Base64.getEncoder().encodeToString(raw));

        assertThatThrownBy(() -> sealer.open("acme", tampered)).isInstanceOf(SecretSealer.SealingException.class);
    }

    @Test
    void anUnknownKeyIsNamed() {
        SealedSecret sealed = new SecretSealer(Map.of("k9", SecretSealer.generateKey())).seal("acme", "s", "k9");

        assertThatThrownBy(() -> sealer.open("acme", sealed))
                .hasMessageContaining("sealed with key 'k9', which is not configured here");
    }

    @Test
    void aKeyOfTheWrongLengthIsRejectedByName() {
        assertThatThrownBy(() -> new SecretSealer(Map.of("short", Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("Sealing key 'short' must be 32 bytes");
    }

    @Test
    void exceptionsNeverContainTheSecret() {
        SealedSecret sealed = sealer.seal("acme", "top-secret-value", "k1");

        assertThatThrownBy(() -> sealer.open("other", sealed)).hasMessageNotContaining("top-secret-value");
    }
}
