package dev.bitbridge.credentials.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.bitbridge.credentials.CredentialStoreException;
import dev.bitbridge.credentials.crypto.CredentialCipher.Sealed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialCipherTest {

    private static final byte[] SECRET = "{\"token\":\"ATBB-very-secret\"}".getBytes(StandardCharsets.UTF_8);
    private static final String PATH = "integrations/acme/bitbucket";

    private final byte[] k1 = randomKey();
    private final byte[] k2 = randomKey();

    @Test
    void opensWhatItSealed() {
        CredentialCipher cipher = new CredentialCipher(Map.of("k1", k1), "k1");

        Sealed sealed = cipher.seal(PATH, SECRET);

        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(cipher.open(PATH, sealed)).isEqualTo(SECRET);
    }

    @Test
    void sealedValueIsNonceCiphertextAndTagWithoutThePlaintext() {
        CredentialCipher cipher = new CredentialCipher(Map.of("k1", k1), "k1");

        Sealed first = cipher.seal(PATH, SECRET);
        Sealed second = cipher.seal(PATH, SECRET);

        assertThat(first.ciphertext()).hasSize(12 + SECRET.length + 16);
        assertThat(new String(first.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("very-secret");
        // A fresh random nonce each time: equal values do not give equal ciphertexts.
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void anyChangedByteIsRefusedWithoutShowingTheValue() {
        CredentialCipher cipher = new CredentialCipher(Map.of("k1", k1), "k1");
        Sealed sealed = cipher.seal(PATH, SECRET);

        for (int i = 0; i < sealed.ciphertext().length; i++) {
            byte[] tampered = sealed.ciphertext().clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> cipher.open(PATH, new Sealed("k1", tampered)))
                    .isInstanceOf(CredentialStoreException.class)
                    .hasMessageContaining(PATH)
                    .hasMessageContaining("does not decrypt with master key 'k1'")
                    .hasMessageNotContaining("very-secret");
        }
    }

    @Test
    void truncatedValueIsRefused() {
        CredentialCipher cipher = new CredentialCipher(Map.of("k1", k1), "k1");

        assertThatThrownBy(() -> cipher.open(PATH, new Sealed("k1", new byte[20])))
                .isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("does not decrypt");
    }

    @Test
    void valueCopiedToAnotherPathDoesNotOpen() {
        CredentialCipher cipher = new CredentialCipher(Map.of("k1", k1), "k1");
        Sealed sealed = cipher.seal(PATH, SECRET);

        assertThatThrownBy(() -> cipher.open("integrations/other/bitbucket", sealed))
                .isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("'integrations/other/bitbucket'")
                .hasMessageContaining("copied from another path");
    }

    @Test
    void unknownKeyIdIsNamed() {
        Sealed sealed = new CredentialCipher(Map.of("k1", k1), "k1").seal(PATH, SECRET);
        CredentialCipher withoutK1 = new CredentialCipher(Map.of("k2", k2), "k2");

        assertThatThrownBy(() -> withoutK1.open(PATH, sealed))
                .isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("master key 'k1', which is not configured")
                .hasMessageContaining("bitbridge.credentials.master-keys");
    }

    @Test
    void anotherKeyUnderTheSameIdDoesNotOpen() {
        Sealed sealed = new CredentialCipher(Map.of("k1", k1), "k1").seal(PATH, SECRET);
        CredentialCipher replacedK1 = new CredentialCipher(Map.of("k1", k2), "k1");

        assertThatThrownBy(() -> replacedK1.open(PATH, sealed))
                .isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("does not decrypt with master key 'k1'");
    }

    @Test
    void rotationSealsWithTheActiveKeyAndStillOpensTheOldOne() {
        Sealed old = new CredentialCipher(Map.of("k1", k1), "k1").seal(PATH, SECRET);
        CredentialCipher rotated = new CredentialCipher(Map.of("k1", k1, "k2", k2), "k2");

        Sealed fresh = rotated.seal(PATH, rotated.open(PATH, old));

        assertThat(fresh.keyId()).isEqualTo("k2");
        assertThat(new CredentialCipher(Map.of("k2", k2), "k2").open(PATH, fresh)).isEqualTo(SECRET);
    }

    @Test
    void refusesKeysOfTheWrongSizeAndAnActiveKeyNotConfigured() {
        assertThatThrownBy(() -> new CredentialCipher(Map.of("k1", new byte[16]), "k1"))
                .hasMessageContaining("'k1' has 16 bytes, not 32");
        assertThatThrownBy(() -> new CredentialCipher(Map.of("k1", k1), "k2"))
                .hasMessageContaining("'k2' is not among [k1]");
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
