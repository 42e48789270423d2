package dev.bitbridge.credentials.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.bitbridge.credentials.CredentialStoreException;

/**
 * AES-256-GCM with master keys named by id. A sealed value is a random 96-bit nonce followed by the ciphertext and its
 * 128-bit tag. The credential's path is the associated data, so a value copied to another path does not open.
 * <p>
 * Several keys may be configured so that values sealed with an older key still open while they are re-encrypted;
 * new values are always sealed with the active key.
 */
public final class CredentialCipher {

    /** Bytes of a master key: AES-256. */
    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Versioned so that a future format cannot be confused with this one. */
    private static final String AAD_PREFIX = "bitbridge-credentials/v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKeySpec> keys;
    private final String activeKeyId;

    /**
     * @param keysById raw master keys by id, each {@value #KEY_BYTES} bytes
     * @param activeKeyId the key new values are sealed with; one of {@code keysById}
     */
    public CredentialCipher(Map<String, byte[]> keysById, String activeKeyId) {
        keysById.forEach((id, key) -> {
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("Master key '" + id + "' has " + key.length + " bytes, not " + KEY_BYTES);
            }
        });
        if (!keysById.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("The active master key '" + activeKeyId + "' is not among " + keysById.keySet());
        }
        this.keys = keysById.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> new SecretKeySpec(e.getValue(), "AES")));
        this.activeKeyId = activeKeyId;
    }

    /** @return the id of the key {@link #seal} uses */
    public String activeKeyId() {
        return activeKeyId;
    }

    /** @return the ids of every configured key */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** @return whether a value sealed with {@code keyId} can be opened here */
    public boolean hasKey(String keyId) {
        return keys.containsKey(keyId);
    }

    /**
     * @param path the credential's path, bound to the result
     * @param plaintext what to seal
     * @return the sealed value, under the active key
     */
    public Sealed seal(String path, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(path));
            byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_BYTES);
            return new Sealed(activeKeyId, out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this Java runtime", e);
        }
    }

    /**
     * @param path the credential's path, as when it was sealed
     * @param sealed the sealed value and the id of its key
     * @return the plaintext
     * @throws CredentialStoreException naming the path and key id (never a value) when the key is not configured or the
     *         value does not open with it
     */
    public byte[] open(String path, Sealed sealed) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new CredentialStoreException("The credential at '" + path + "' is encrypted with master key '"
                    + sealed.keyId() + "', which is not configured: add that key to bitbridge.credentials.master-keys"
                    + " (keep it until re-encryption has moved every credential to the active key)");
        }
        byte[] in = sealed.ciphertext();
        if (in.length < NONCE_BYTES + TAG_BITS / 8) {
            throw doesNotOpen(path, sealed.keyId());
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(aad(path));
            return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw doesNotOpen(path, sealed.keyId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this Java runtime", e);
        }
    }

    private static CredentialStoreException doesNotOpen(String path, String keyId) {
        return new CredentialStoreException("The credential at '" + path + "' does not decrypt with master key '" + keyId
                + "': it was altered or copied from another path, or the key configured under that id is not the one it"
                + " was encrypted with");
    }

    private static byte[] aad(String path) {
        return (AAD_PREFIX + path).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A sealed value: nonce, ciphertext and tag, and the id of the key that opens it.
     *
     * @param keyId the master key's id
     * @param ciphertext nonce ‖ ciphertext ‖ tag
     */
    public record Sealed(String keyId, byte[] ciphertext) {
    }
}
