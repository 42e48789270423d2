package dev.bitbridge.credentials;

import io.smallrye.mutiny.Uni;

/**
 * A {@link CredentialStore} that encrypts with master keys of its own (the PostgreSQL store; Vault manages its keys
 * itself). A service reaches it with {@code if (store instanceof MasterKeyRotation rotation)}.
 */
public interface MasterKeyRotation {

    /**
     * Re-encrypts every credential not yet under the active master key. Safe while the service runs and on several
     * replicas at once: a credential written meanwhile is left as written. Running it again rewrites nothing.
     *
     * @return how many credentials it rewrote; fails with {@link CredentialStoreException} naming the missing key ids
     *         when some credentials are under a key that is not configured (the others are rewritten first)
     */
    Uni<Integer> reEncrypt();
}
