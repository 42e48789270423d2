package dev.bitbridge.credentials;

/**
 * A credential could not be stored, read or deleted. The message names the path, the store and what to do; it never
 * carries a value, and it has no cause: the driver's or Vault's own exception is left out because its message may
 * quote what was sent.
 */
public class CredentialStoreException extends RuntimeException {

    /** @param message what failed and what to do, without any credential value */
    public CredentialStoreException(String message) {
        super(message);
    }
}
