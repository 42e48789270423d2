package dev.bitbridge.credentials.postgres;

import io.vertx.pgclient.PgException;

import dev.bitbridge.credentials.CredentialStoreException;

/**
 * Turns a driver failure into a {@link CredentialStoreException} that names the operation, the path and the SQLSTATE
 * only: a driver message or detail may quote parameters, and the ciphertext is one of them.
 */
final class PostgresFailures {

    /** SQLSTATE of "relation does not exist". */
    private static final String UNDEFINED_TABLE = "42P01";

    private PostgresFailures() {
    }

    static CredentialStoreException of(String operation, String path, Throwable failure) {
        if (failure instanceof CredentialStoreException already) {
            return already;
        }
        String where = path == null ? "" : " at '" + path + "'";
        if (failure instanceof PgException pg) {
            if (UNDEFINED_TABLE.equals(pg.getSqlState())) {
                return new CredentialStoreException("Could not " + operation + " the credential" + where + ": the table "
                        + EncryptedPostgresCredentialStore.TABLE + " does not exist. Add db/credentials to"
                        + " quarkus.flyway.locations (with quarkus.flyway.migrate-at-start=true), see credentials/README.md");
            }
            return new CredentialStoreException("PostgreSQL could not " + operation + " the credential" + where
                    + " (SQLSTATE " + pg.getSqlState() + ")");
        }
        return new CredentialStoreException("PostgreSQL could not " + operation + " the credential" + where + " ("
                + failure.getClass().getSimpleName() + "; is the database reachable?)");
    }
}
