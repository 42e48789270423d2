package dev.bitbridge.credentials.postgres;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.bitbridge.credentials.CapturedLogs;
import dev.bitbridge.credentials.CredentialStore;
import dev.bitbridge.credentials.CredentialStoreException;
import dev.bitbridge.credentials.SecretFields;
import dev.bitbridge.testkit.PostgresTestResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store a service gets with the default configuration, against a real PostgreSQL migrated by Flyway. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class EncryptedPostgresCredentialStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SECRET = "ATBB-s3cr3t-value-7f2c";
    private static final SecretFields FIELDS = SecretFields.of(Map.of("email", "ci@acme.example", "token", SECRET));

    @Inject
    CredentialStore store;

    @Inject
    Pool pool;

    @BeforeEach
    void emptyTable() {
        pool.query("DELETE FROM " + EncryptedPostgresCredentialStore.TABLE).execute().await().atMost(WAIT);
    }

    @Test
    void theConfiguredStoreIsTheEncryptedTable() {
        assertThat(store.kind()).isEqualTo("postgres");
    }

    @Test
    void putThenGetReturnsTheFields() {
        put("integrations/acme/bitbucket", FIELDS);

        assertThat(get("integrations/acme/bitbucket")).contains(FIELDS);
        assertThat(get("integrations/other/bitbucket")).isEmpty();
    }

    @Test
    void putReplacesEveryField() {
        put("integrations/acme/jenkins", FIELDS);
        SecretFields replacement = SecretFields.of(Map.of("password", "new-password"));

        put("integrations/acme/jenkins", replacement);

        assertThat(get("integrations/acme/jenkins")).contains(replacement);
        assertThat(rows()).hasSize(1);
    }

    @Test
    void deleteRemovesTheCredentialAndDeletingNothingSucceeds() {
        put("integrations/acme/bitbucket", FIELDS);

        store.delete("integrations/acme/bitbucket").await().atMost(WAIT);
        store.delete("integrations/never-written").await().atMost(WAIT);

        assertThat(get("integrations/acme/bitbucket")).isEmpty();
        assertThat(rows()).isEmpty();
    }

    @Test
    void noColumnHoldsTheValueInClear() {
        put("integrations/acme/bitbucket", FIELDS);

        Row row = pool.query("SELECT path, key_id, ciphertext, updated_at::text AS updated, row_to_json(c)::text AS json"
                + " FROM " + EncryptedPostgresCredentialStore.TABLE + " c").execute().await().atMost(WAIT)
                .iterator().next();
        byte[] ciphertext = row.getBuffer("ciphertext").getBytes();

        assertThat(row.getString("path")).isEqualTo("integrations/acme/bitbucket");
        assertThat(row.getString("key_id")).isEqualTo("k1");
        assertThat(row.getString("updated")).isNotBlank();
        assertThat(indexOf(ciphertext, SECRET.getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
        assertThat(indexOf(ciphertext, "ci@acme.example".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
        // Nonce, the fields' JSON encrypted, tag: nothing is left out and nothing is stored beside it.
        assertThat(ciphertext)
                .hasSize(12 + "{\"email\":\"ci@acme.example\",\"token\":\"ATBB-s3cr3t-value-7f2c\"}".length() + 16);
        assertThat(row.getString("json")).doesNotContain(SECRET).doesNotContain("ci@acme.example");
    }

    @Test
    void aCiphertextCopiedToAnotherPathDoesNotDecrypt() {
        put("integrations/acme/bitbucket", FIELDS);
        put("integrations/mallory/bitbucket", SecretFields.of(Map.of("token", "mallory")));
        pool.query("UPDATE " + EncryptedPostgresCredentialStore.TABLE + " SET ciphertext = (SELECT ciphertext FROM "
                + EncryptedPostgresCredentialStore.TABLE + " WHERE path = 'integrations/acme/bitbucket')"
                + " WHERE path = 'integrations/mallory/bitbucket'").execute().await().atMost(WAIT);

        assertThatThrownBy(() -> get("integrations/mallory/bitbucket"))
                .isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("'integrations/mallory/bitbucket' does not decrypt with master key 'k1'")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aRowUnderAKeyThatIsNotConfiguredNamesThatKey() {
        put("integrations/acme/bitbucket", FIELDS);
        pool.query("UPDATE " + EncryptedPostgresCredentialStore.TABLE + " SET key_id = 'k0'").execute().await()
                .atMost(WAIT);

        assertThatThrownBy(() -> get("integrations/acme/bitbucket"))
                .isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("master key 'k0', which is not configured");
    }

    @Test
    void anInvalidPathIsRefusedBeforeTheDatabase() {
        assertThatThrownBy(() -> store.put("../etc/passwd", FIELDS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is invalid");
    }

    @Test
    void noValueReachesTheLogsEvenOnFailures() {
        try (CapturedLogs logs = CapturedLogs.start()) {
            put("integrations/logged/bitbucket", FIELDS);
            get("integrations/logged/bitbucket");
            pool.query("UPDATE " + EncryptedPostgresCredentialStore.TABLE + " SET key_id = 'k0'").execute().await()
                    .atMost(WAIT);
            store.get("integrations/logged/bitbucket").onFailure().recoverWithNull().await().atMost(WAIT);

            assertThat(logs.text()).doesNotContain(SECRET);
        }
    }

    private void put(String path, SecretFields fields) {
        store.put(path, fields).await().atMost(WAIT);
    }

    private Optional<SecretFields> get(String path) {
        return store.get(path).await().atMost(WAIT);
    }

    private List<String> rows() {
        List<String> paths = new ArrayList<>();
        pool.preparedQuery("SELECT path FROM " + EncryptedPostgresCredentialStore.TABLE).execute(Tuple.tuple())
                .await().atMost(WAIT).forEach(row -> paths.add(row.getString("path")));
        return paths;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
