package dev.bitbridge.credentials.config;

/** Which {@link dev.bitbridge.credentials.CredentialStore} a service uses. */
public enum StoreKind {
    /** An AES-256-GCM encrypted table in the service's PostgreSQL database: the embedded default. */
    POSTGRES,
    /** HashiCorp Vault's KV version 2 secrets engine, through quarkus-vault: production. */
    VAULT
}
