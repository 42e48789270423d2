package dev.bitbridge.events.integration;

import java.util.Objects;

/**
 * A secret encrypted with AES-256-GCM by {@link SecretSealer}; only holders of the key named by {@link #keyId()} can
 * open it.
 *
 * @param keyId which sealing key was used, so keys can be rotated
 * @param algorithm always {@value SecretSealer#ALGORITHM}
 * @param value base64 of the 12-byte nonce followed by the ciphertext and the 16-byte tag
 */
public record SealedSecret(String keyId, String algorithm, String value) {

    public SealedSecret {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "SealedSecret[keyId=" + keyId + ", algorithm=" + algorithm + "]";
    }
}
