package dev.bitbridge.events.integration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens webhook secrets for {@code bitbridge.integrations.v1} with AES-256-GCM. The integration name is bound
 * to the ciphertext as associated data, so a sealed secret copied onto another integration does not open.
 * <p>
 * Keys are 32 random bytes, given as base64 and named by an id so that a new key can be introduced while records
 * sealed with the old one are still on the topic.
 */
public final class SecretSealer {

    public static final String ALGORITHM = "AES-256-GCM";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKeySpec> keys;

    /**
     * @param base64KeysById sealing keys by id, each base64 of exactly 32 bytes
     * @throws IllegalArgumentException naming the key that is malformed
     */
    public SecretSealer(Map<String, String> base64KeysById) {
        this.keys = base64KeysById.entrySet().stream()
                .collect(
                        java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> toKey(e.getKey(), e.getValue())));
    }

    /** @return a new random key, base64-encoded, for configuration */
    public static String generateKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * @param integration the integration the secret belongs to
     * @param secret the secret in clear
     * @param keyId which configured key to seal with
     * @return the sealed secret
     */
    public SealedSecret seal(String integration, String secret, String keyId) {
        SecretKeySpec key = requireKey(keyId);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(integration));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return new SealedSecret(keyId, ALGORITHM, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this Java runtime", e);
        }
    }

    /**
     * @param integration the integration the secret was sealed for
     * @param sealed the sealed secret
     * @return the secret in clear
     * @throws SealingException when the key is unknown or the value was not sealed for this integration with that key
     */
    public String open(String integration, SealedSecret sealed) {
        Objects.requireNonNull(sealed, "sealed");
        if (!ALGORITHM.equals(sealed.algorithm())) {
            throw new SealingException("Secret of integration '" + integration + "' uses unsupported algorithm '"
                    + sealed.algorithm() + "'; only " + ALGORITHM + " is supported");
        }
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new SealingException("Secret of integration '" + integration + "' is sealed with key '" + sealed.keyId()
                    + "', which is not configured here; add it to the sealing keys");
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(sealed.value());
        } catch (IllegalArgumentException e) {
            throw new SealingException("Secret of integration '" + integration + "' is not valid base64");
        }
        if (in.length <= NONCE_BYTES) {
            throw new SealingException("Secret of integration '" + integration + "' is too short to be sealed");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(aad(integration));
            byte[] clear = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SealingException("Secret of integration '" + integration + "' does not open with key '"
                    + sealed.keyId() + "': wrong key, or sealed for another integration");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this Java runtime", e);
        }
    }

    private SecretKeySpec requireKey(String keyId) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new SealingException("No sealing key '" + keyId + "' is configured");
        }
        return key;
    }

    private static byte[] aad(String integration) {
        return ("bitbridge.integrations.v1/" + integration).getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKeySpec toKey(String keyId, String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Sealing key '" + keyId + "' is not valid base64");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("Sealing key '" + keyId + "' must be 32 bytes (base64 of 32 random bytes), was "
                    + raw.length + " bytes");
        }
        return new SecretKeySpec(raw, "AES");
    }

    /** A sealed secret that cannot be opened here; the message says why without revealing anything secret. */
    public static final class SealingException extends RuntimeException {
        public SealingException(String message) {
            super(message);
        }
    }
}
