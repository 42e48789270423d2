package dev.bitbridge.credentials;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import io.quarkus.vault.client.VaultClient;
import io.vertx.mutiny.sqlclient.Pool;

import dev.bitbridge.credentials.config.CredentialsConfig;
import dev.bitbridge.credentials.config.CredentialsStartupCheck;
import dev.bitbridge.credentials.config.MasterKeys;
import dev.bitbridge.credentials.crypto.CredentialCipher;
import dev.bitbridge.credentials.postgres.EncryptedPostgresCredentialStore;
import dev.bitbridge.credentials.vault.VaultCredentialStore;
import dev.bitbridge.platform.config.ConfigProblems;

/**
 * The one {@link CredentialStore} bean, chosen by {@code bitbridge.credentials.store}. The pool and the Vault client are
 * looked up only for the store in use: a PostgreSQL-store service never creates a Vault client, so it needs no Vault
 * address and never contacts Vault.
 */
@ApplicationScoped
public class CredentialStoreProducer {

    @Produces
    @ApplicationScoped
    CredentialStore credentialStore(CredentialsConfig config, Instance<Pool> pools, Instance<VaultClient> vaultClients) {
        return switch (config.store()) {
            case POSTGRES -> new EncryptedPostgresCredentialStore(pools.get(), cipher(config));
            case VAULT -> new VaultCredentialStore(vaultClients.get(), config.vault().mount(), config.vault().pathPrefix());
        };
    }

    private static CredentialCipher cipher(CredentialsConfig config) {
        ConfigProblems problems = new ConfigProblems(CredentialsStartupCheck.SUBJECT);
        CredentialCipher cipher = MasterKeys.parse(config, problems).orElse(null);
        problems.throwIfAny();
        return cipher;
    }
}
