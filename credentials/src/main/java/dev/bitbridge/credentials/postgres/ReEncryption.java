package dev.bitbridge.credentials.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.bitbridge.credentials.CredentialStoreException;
import dev.bitbridge.credentials.crypto.CredentialCipher;
import dev.bitbridge.credentials.crypto.CredentialCipher.Sealed;

/**
 * Moves every row not under the active master key onto it, a batch at a time in path order. Each row is rewritten only
 * if it still holds what was read (compare-and-set on key id and ciphertext): a credential written meanwhile is already
 * under the active key and is left alone, and replicas running this at once do not undo each other.
 */
final class ReEncryption {

    private static final int BATCH = 100;
    private static final String TABLE = EncryptedPostgresCredentialStore.TABLE;
    private static final String NEXT_BATCH = "SELECT path, key_id, ciphertext FROM " + TABLE
            + " WHERE key_id <> $1 AND path > $2 ORDER BY path LIMIT " + BATCH;
    private static final String COMPARE_AND_SET = "UPDATE " + TABLE
            + " SET key_id = $2, ciphertext = $3, updated_at = now()"
            + " WHERE path = $1 AND key_id = $4 AND ciphertext = $5";

    private final Pool pool;
    private final CredentialCipher cipher;

    ReEncryption(Pool pool, CredentialCipher cipher) {
        this.pool = pool;
        this.cipher = cipher;
    }

    Uni<Integer> run() {
        Progress progress = new Progress();
        return batchesAfter("", progress)
                .onFailure().transform(failure -> PostgresFailures.of("re-encrypt", null, failure))
                .map(done -> progress.result());
    }

    /** Paths sort after the empty string, so {@code ""} starts at the first row. */
    private Uni<Void> batchesAfter(String lastPath, Progress progress) {
        return pool.preparedQuery(NEXT_BATCH)
                .execute(Tuple.of(cipher.activeKeyId(), lastPath))
                .flatMap(rows -> {
                    List<Row> batch = new ArrayList<>();
                    rows.forEach(batch::add);
                    if (batch.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    String last = batch.get(batch.size() - 1).getString("path");
                    return rewrite(batch, 0, progress)
                            .flatMap(ignored -> batch.size() < BATCH ? Uni.createFrom().voidItem()
                                    : batchesAfter(last, progress));
                });
    }

    private Uni<Void> rewrite(List<Row> batch, int index, Progress progress) {
        if (index == batch.size()) {
            return Uni.createFrom().voidItem();
        }
        Row row = batch.get(index);
        String path = row.getString("path");
        Sealed old = new Sealed(row.getString("key_id"), row.getBuffer("ciphertext").getBytes());
        if (!cipher.hasKey(old.keyId())) {
            progress.missing.merge(old.keyId(), 1, Integer::sum);
            return rewrite(batch, index + 1, progress);
        }
        Sealed fresh = cipher.seal(path, cipher.open(path, old));
        return pool.preparedQuery(COMPARE_AND_SET)
                .execute(Tuple.of(path, fresh.keyId(), Buffer.buffer(fresh.ciphertext()), old.keyId(),
                        Buffer.buffer(old.ciphertext())))
                .flatMap(result -> {
                    progress.rewritten += result.rowCount();
                    return rewrite(batch, index + 1, progress);
                });
    }

    private static final class Progress {
        private int rewritten;
        private final Map<String, Integer> missing = new TreeMap<>();

        int result() {
            if (!missing.isEmpty()) {
                throw new CredentialStoreException("Re-encryption rewrote " + rewritten + " credential(s) but left some"
                        + " under master keys that are not configured (key id = count): " + missing + ". Add those keys"
                        + " to bitbridge.credentials.master-keys and run it again, or delete those credentials");
            }
            return rewritten;
        }
    }
}
