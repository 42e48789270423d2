-- The credential store's table (dev.bitbridge.credentials.postgres.EncryptedPostgresCredentialStore).
-- Versions V100-V199 are reserved for this library so that they never collide with the host service's own
-- migrations; the host lists db/credentials in quarkus.flyway.locations (see credentials/README.md).
CREATE TABLE bitbridge_credentials (
    path       VARCHAR(255) PRIMARY KEY,
    -- Id of the master key (bitbridge.credentials.master-keys.<id>) that encrypted the row.
    key_id     VARCHAR(63)  NOT NULL,
    -- 96-bit random nonce, then the AES-256-GCM ciphertext of the fields' JSON and its 128-bit tag; the path is the
    -- associated data.
    ciphertext BYTEA        NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);

-- Re-encryption looks for rows not under the active key.
CREATE INDEX bitbridge_credentials_key_id ON bitbridge_credentials (key_id);
