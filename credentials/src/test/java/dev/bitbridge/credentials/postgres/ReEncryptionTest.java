package dev.bitbridge.credentials.postgres;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.bitbridge.credentials.CredentialStoreException;
import dev.bitbridge.credentials.SecretFields;
import dev.bitbridge.credentials.crypto.CredentialCipher;
import dev.bitbridge.testkit.PostgresTestResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Master key rotation against a real PostgreSQL: each store stands for the service restarted with another key
 * configuration.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ReEncryptionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final byte[] k1 = randomKey();
    private final byte[] k2 = randomKey();

    @Inject
    Pool pool;

    @BeforeEach
    void emptyTable() {
        pool.query("DELETE FROM " + EncryptedPostgresCredentialStore.TABLE).execute().await().atMost(WAIT);
    }

    @Test
    void movesEveryCredentialToTheActiveKeyOnceAndTheOldKeyCanThenGo() {
        EncryptedPostgresCredentialStore before = store(Map.of("k1", k1), "k1");
        // More than one batch of 100.
        List<String> paths = IntStream.range(0, 230).mapToObj(i -> "integrations/i" + i + "/bitbucket").toList();
        paths.forEach(path -> before.put(path, fields(path)).await().atMost(WAIT));

        EncryptedPostgresCredentialStore rotated = store(Map.of("k1", k1, "k2", k2), "k2");
        assertThat(rotated.reEncrypt().await().atMost(WAIT)).isEqualTo(230);
        assertThat(rotated.reEncrypt().await().atMost(WAIT)).isZero();

        assertThat(rowsByKey()).isEqualTo(Map.of("k2", 230L));
        EncryptedPostgresCredentialStore after = store(Map.of("k2", k2), "k2");
        paths.forEach(path -> assertThat(after.get(path).await().atMost(WAIT)).contains(fields(path)));
    }

    @Test
    void replicasRunningItAtOnceRewriteEachCredentialOnce() {
        EncryptedPostgresCredentialStore before = store(Map.of("k1", k1), "k1");
        IntStream.range(0, 150).mapToObj(i -> "jenkins/j" + i)
                .forEach(path -> before.put(path, fields(path)).await().atMost(WAIT));
        EncryptedPostgresCredentialStore replicaA = store(Map.of("k1", k1, "k2", k2), "k2");
        EncryptedPostgresCredentialStore replicaB = store(Map.of("k1", k1, "k2", k2), "k2");

        List<Integer> rewritten = Uni.combine().all().unis(replicaA.reEncrypt(), replicaB.reEncrypt())
                .with(Integer.class, counts -> counts).await().atMost(WAIT);

        assertThat(rewritten.get(0) + rewritten.get(1)).isEqualTo(150);
        assertThat(rowsByKey()).isEqualTo(Map.of("k2", 150L));
    }

    @Test
    void credentialsUnderAKeyNoLongerConfiguredAreNamedAfterTheOthersMoved() {
        store(Map.of("k1", k1), "k1").put("integrations/old/bitbucket", fields("old")).await().atMost(WAIT);
        store(Map.of("k2", k2), "k2").put("integrations/new/bitbucket", fields("new")).await().atMost(WAIT);
        byte[] k3 = randomKey();
        EncryptedPostgresCredentialStore withoutK1 = store(Map.of("k2", k2, "k3", k3), "k3");

        assertThatThrownBy(() -> withoutK1.reEncrypt().await().atMost(WAIT))
                .isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("rewrote 1 credential(s)")
                .hasMessageContaining("{k1=1}");
        assertThat(rowsByKey()).isEqualTo(Map.of("k1", 1L, "k3", 1L));
    }

    private EncryptedPostgresCredentialStore store(Map<String, byte[]> keys, String active) {
        return new EncryptedPostgresCredentialStore(pool, new CredentialCipher(keys, active));
    }

    private Map<String, Long> rowsByKey() {
        Map<String, Long> counts = new TreeMap<>();
        pool.query("SELECT key_id, count(*) AS n FROM " + EncryptedPostgresCredentialStore.TABLE + " GROUP BY key_id")
                .execute().await().atMost(WAIT)
                .forEach(row -> counts.put(row.getString("key_id"), row.getLong("n")));
        return counts;
    }

    private static SecretFields fields(String path) {
        return SecretFields.of(Map.of("token", "token-of-" + path));
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
