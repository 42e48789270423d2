package dev.bitbridge.credentials.postgres;

import java.util.Optional;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.bitbridge.credentials.CredentialPaths;
import dev.bitbridge.credentials.CredentialStore;
import dev.bitbridge.credentials.MasterKeyRotation;
import dev.bitbridge.credentials.SecretFields;
import dev.bitbridge.credentials.crypto.CredentialCipher;
import dev.bitbridge.credentials.crypto.CredentialCipher.Sealed;
import dev.bitbridge.credentials.crypto.FieldsJson;

/**
 * Keeps credentials in the service's own PostgreSQL database, in the table {@value #TABLE} (created by the migration in
 * {@code db/credentials}): one row per path with the id of the master key and the AES-256-GCM ciphertext of the
 * fields' JSON, bound to the path. Goes through the reactive pool, so it works beside any persistence a service uses.
 */
public class EncryptedPostgresCredentialStore implements CredentialStore, MasterKeyRotation {

    /** The table the migration in {@code db/credentials} creates. */
    public static final String TABLE = "bitbridge_credentials";

    private static final String UPSERT = "INSERT INTO " + TABLE + " (path, key_id, ciphertext, updated_at)"
            + " VALUES ($1, $2, $3, now()) ON CONFLICT (path) DO UPDATE"
            + " SET key_id = EXCLUDED.key_id, ciphertext = EXCLUDED.ciphertext, updated_at = EXCLUDED.updated_at";
    private static final String SELECT = "SELECT key_id, ciphertext FROM " + TABLE + " WHERE path = $1";
    private static final String DELETE = "DELETE FROM " + TABLE + " WHERE path = $1";

    private final Pool pool;
    private final CredentialCipher cipher;
    private final ReEncryption reEncryption;

    /**
     * @param pool the service's reactive PostgreSQL pool
     * @param cipher the configured master keys
     */
    public EncryptedPostgresCredentialStore(Pool pool, CredentialCipher cipher) {
        this.pool = pool;
        this.cipher = cipher;
        this.reEncryption = new ReEncryption(pool, cipher);
    }

    @Override
    public Uni<Void> put(String path, SecretFields fields) {
        CredentialPaths.requireValid(path);
        Sealed sealed = cipher.seal(path, FieldsJson.write(fields));
        return pool.preparedQuery(UPSERT)
                .execute(Tuple.of(path, sealed.keyId(), Buffer.buffer(sealed.ciphertext())))
                .onFailure().transform(failure -> PostgresFailures.of("store", path, failure))
                .replaceWithVoid();
    }

    @Override
    public Uni<Optional<SecretFields>> get(String path) {
        CredentialPaths.requireValid(path);
        return pool.preparedQuery(SELECT)
                .execute(Tuple.of(path))
                .onFailure().transform(failure -> PostgresFailures.of("read", path, failure))
                .map(rows -> open(path, rows));
    }

    @Override
    public Uni<Void> delete(String path) {
        CredentialPaths.requireValid(path);
        return pool.preparedQuery(DELETE)
                .execute(Tuple.of(path))
                .onFailure().transform(failure -> PostgresFailures.of("delete", path, failure))
                .replaceWithVoid();
    }

    @Override
    public Uni<Integer> reEncrypt() {
        return reEncryption.run();
    }

    @Override
    public String kind() {
        return "postgres";
    }

    private Optional<SecretFields> open(String path, RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Optional.empty();
        }
        Row row = rows.iterator().next();
        Sealed sealed = new Sealed(row.getString("key_id"), row.getBuffer("ciphertext").getBytes());
        return Optional.of(FieldsJson.read(path, cipher.open(path, sealed)));
    }
}
