package dev.bitbridge.credentials.config;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Configuration of the credential store, under {@code bitbridge.credentials}. Checked when the service starts
 * ({@link CredentialsStartupCheck}): a store that could not work stops the service at start, naming the key.
 */
@ConfigMapping(prefix = "bitbridge.credentials")
public interface CredentialsConfig {

    /**
     * Where credentials are kept: {@code postgres} (an encrypted table in the service's own database, the embedded
     * default) or {@code vault} (HashiCorp Vault KV v2, configured through {@code quarkus.vault.*}).
     */
    @WithDefault("postgres")
    StoreKind store();

    /**
     * The PostgreSQL store's master keys by key id: base64 of 32 random bytes each (e.g. from
     * {@code openssl rand -base64 32}). Key ids are 1–63 lower-case letters, digits and inner hyphens; in an
     * environment variable write a hyphen as an underscore ({@code BITBRIDGE_CREDENTIALS_MASTER_KEYS__K_2026__} is key
     * {@code k-2026}). Keep every key that some credential is still encrypted with; see the rotation procedure in
     * {@code credentials/README.md}.
     */
    Map<String, String> masterKeys();

    /** Id of the master key new and re-encrypted credentials are encrypted with; one of {@link #masterKeys()}. */
    Optional<String> activeMasterKey();

    /**
     * Whether the PostgreSQL store re-encrypts, in the background right after start, every credential not under the
     * active master key. Safe with several replicas; turn it off to run re-encryption only on demand.
     */
    @WithDefault("true")
    boolean reEncryptAtStart();

    /** The Vault store's settings; the Vault address and authentication are {@code quarkus.vault.*}. */
    Vault vault();

    /** Where in Vault credentials live. */
    interface Vault {

        /** Mount path of the KV version 2 secrets engine. */
        @WithDefault("secret")
        String mount();

        /**
         * Path under the mount that every credential path is put under, e.g. {@code bitbridge} makes the credential
         * {@code integrations/acme/bitbucket} the Vault secret {@code secret/bitbridge/integrations/acme/bitbucket}.
         * A Vault policy can then grant the service exactly this subtree.
         */
        @WithDefault("bitbridge")
        String pathPrefix();
    }
}
