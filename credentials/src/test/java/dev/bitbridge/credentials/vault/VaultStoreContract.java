package dev.bitbridge.credentials.vault;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.vault.client.VaultClient;
import io.quarkus.vault.client.http.jdk.JDKVaultHttpClient;

import dev.bitbridge.credentials.CredentialStore;
import dev.bitbridge.credentials.CredentialStoreException;
import dev.bitbridge.credentials.SecretFields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link VaultCredentialStore} relies on from Vault, run against the testkit's simulator and, where Docker
 * exists, against a real Vault: so the simulator is checked against the real thing.
 */
abstract class VaultStoreContract {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final SecretFields FIELDS = SecretFields.of(Map.of("user", "ci-bot", "password", "p4ss-w0rd-x9"));

    private VaultClient client;
    private CredentialStore store;
    private String prefix;

    /** @return the Vault address */
    abstract String url();

    /** @return a token allowed everything on the {@code secret} KV v2 mount */
    abstract String token();

    @BeforeEach
    void connect() {
        client = client(token());
        // A fresh prefix per test: a real Vault keeps what earlier tests wrote.
        prefix = "contract/" + UUID.randomUUID();
        store = new VaultCredentialStore(client, "secret", prefix);
    }

    @Test
    void putGetReplaceRoundTrip() {
        store.put("a/b", FIELDS).await().atMost(WAIT);
        assertThat(get("a/b")).contains(FIELDS);

        SecretFields replacement = SecretFields.of(Map.of("token", "t2"));
        store.put("a/b", replacement).await().atMost(WAIT);
        assertThat(get("a/b")).contains(replacement);
        assertThat(versions("a/b")).isEqualTo(2);
    }

    @Test
    void missingIsEmpty() {
        assertThat(get("never/written")).isEmpty();
    }

    @Test
    void deleteRemovesEveryVersionAndDeletingNothingSucceeds() {
        store.put("d", FIELDS).await().atMost(WAIT);
        store.put("d", FIELDS).await().atMost(WAIT);

        store.delete("d").await().atMost(WAIT);
        store.delete("never/written").await().atMost(WAIT);

        assertThat(get("d")).isEmpty();
        assertThatThrownBy(() -> versions("d")).hasMessageContaining("404");
    }

    @Test
    void aSecretWhoseLatestVersionWasDeletedIsEmpty() {
        store.put("soft", FIELDS).await().atMost(WAIT);
        // What `vault kv delete` does: marks the latest version deleted, keeps the metadata.
        client.secrets().kv2("secret").deleteSecret(prefix + "/soft").toCompletableFuture().join();

        assertThat(get("soft")).isEmpty();
    }

    @Test
    void aFieldThatIsNotAStringIsNamed() {
        client.secrets().kv2("secret").updateSecret(prefix + "/odd", null, Map.of("port", 8080, "token", "t"))
                .toCompletableFuture().join();

        assertThatThrownBy(() -> get("odd"))
                .isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("Field 'port'")
                .hasMessageContaining("is not a string");
    }

    @Test
    void aWrongTokenIsPermissionDenied() {
        CredentialStore denied = new VaultCredentialStore(client("not-a-valid-token"), "secret", prefix);

        assertThatThrownBy(() -> denied.put("x", FIELDS).await().atMost(WAIT))
                .isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("HTTP 403")
                .hasMessageNotContaining("p4ss-w0rd-x9");
        assertThatThrownBy(() -> denied.get("x").await().atMost(WAIT))
                .isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("HTTP 403");
    }

    private Optional<SecretFields> get(String path) {
        return store.get(path).await().atMost(WAIT);
    }

    private int versions(String path) {
        return client.secrets().kv2("secret").readSecretMetadata(prefix + "/" + path).toCompletableFuture().join()
                .getCurrentVersion();
    }

    private VaultClient client(String token) {
        return VaultClient.builder()
                .baseUrl(url())
                .clientToken(token)
                .executor(new JDKVaultHttpClient(HttpClient.newHttpClient()))
                .build();
    }
}
