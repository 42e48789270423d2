package dev.bitbridge.credentials.vault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.bitbridge.credentials.CapturedLogs;
import dev.bitbridge.credentials.CredentialStore;
import dev.bitbridge.credentials.CredentialStoreException;
import dev.bitbridge.credentials.SecretFields;
import dev.bitbridge.testkit.vault.InjectVaultSimulator;
import dev.bitbridge.testkit.vault.VaultSimulator;
import dev.bitbridge.testkit.vault.VaultSimulatorResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store a service gets with {@code bitbridge.credentials.store=vault}, through quarkus-vault to Vault's HTTP API. */
@QuarkusTest
@TestProfile(VaultStoreProfile.class)
@WithTestResource(VaultSimulatorResource.class)
class VaultCredentialStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SECRET = "ATBB-vault-s3cr3t-91d0";
    private static final SecretFields FIELDS = SecretFields.of(Map.of("email", "ci@acme.example", "token", SECRET));

    @Inject
    CredentialStore store;

    @InjectVaultSimulator
    VaultSimulator vault;

    @Test
    void theConfiguredStoreIsVault() {
        assertThat(store.kind()).isEqualTo("vault");
    }

    @Test
    void fieldsBecomeTheKeysOfAKvV2SecretUnderThePrefix() {
        store.put("integrations/acme/bitbucket", FIELDS).await().atMost(WAIT);

        assertThat(vault.latest("secret", "bitbridge/test/integrations/acme/bitbucket"))
                .isEqualTo(Map.of("email", "ci@acme.example", "token", SECRET));
        assertThat(vault.requests()).contains("POST /v1/secret/data/bitbridge/test/integrations/acme/bitbucket");
        assertThat(get("integrations/acme/bitbucket")).contains(FIELDS);
    }

    @Test
    void putReplacesEveryFieldAsANewVersion() {
        store.put("integrations/acme/jenkins", FIELDS).await().atMost(WAIT);
        SecretFields replacement = SecretFields.of(Map.of("password", "new-password"));

        store.put("integrations/acme/jenkins", replacement).await().atMost(WAIT);

        assertThat(get("integrations/acme/jenkins")).contains(replacement);
        assertThat(vault.versions("secret", "bitbridge/test/integrations/acme/jenkins")).isEqualTo(2);
    }

    @Test
    void deleteRemovesEveryVersion() {
        store.put("integrations/gone/bitbucket", FIELDS).await().atMost(WAIT);
        store.put("integrations/gone/bitbucket", FIELDS).await().atMost(WAIT);

        store.delete("integrations/gone/bitbucket").await().atMost(WAIT);

        assertThat(vault.requests()).contains("DELETE /v1/secret/metadata/bitbridge/test/integrations/gone/bitbucket");
        assertThat(vault.versions("secret", "bitbridge/test/integrations/gone/bitbucket")).isZero();
        assertThat(get("integrations/gone/bitbucket")).isEmpty();
        store.delete("integrations/gone/bitbucket").await().atMost(WAIT);
    }

    @Test
    void aCredentialNeverWrittenIsEmpty() {
        assertThat(get("integrations/never/bitbucket")).isEmpty();
    }

    @Test
    void aRevokedTokenIsAClearErrorWithoutTheValue() {
        store.put("integrations/denied/bitbucket", FIELDS).await().atMost(WAIT);
        vault.revoke(VaultSimulatorResource.TOKEN);
        try {
            assertThatThrownBy(() -> get("integrations/denied/bitbucket"))
                    .isInstanceOf(CredentialStoreException.class)
                    .hasMessageContaining("could not read the credential at 'bitbridge/test/integrations/denied/bitbucket'")
                    .hasMessageContaining("HTTP 403")
                    .hasMessageContaining("policy")
                    .hasNoCause();
            assertThatThrownBy(() -> store.put("integrations/denied/bitbucket", FIELDS).await().atMost(WAIT))
                    .isInstanceOf(CredentialStoreException.class)
                    .hasMessageContaining("HTTP 403")
                    .hasMessageNotContaining(SECRET)
                    .hasNoCause();
        } finally {
            vault.accept(VaultSimulatorResource.TOKEN);
        }
    }

    @Test
    void quarkusVaultCallsOnlyTheKvEngine() {
        store.get("integrations/any/bitbucket").await().atMost(WAIT);

        // With a client token there is no login, health check or token lookup: start-up does not need Vault.
        assertThat(vault.requests())
                .isNotEmpty()
                .allMatch(request -> request.matches("(GET|POST|DELETE) /v1/secret/(data|metadata)/bitbridge/test/.+"));
    }

    @Test
    void noValueReachesTheLogsEvenAtDebugAndOnFailures() {
        try (CapturedLogs logs = CapturedLogs.start()) {
            store.put("integrations/logged/bitbucket", FIELDS).await().atMost(WAIT);
            get("integrations/logged/bitbucket");
            vault.revoke(VaultSimulatorResource.TOKEN);
            try {
                store.put("integrations/logged/bitbucket", FIELDS).onFailure().recoverWithNull().await().atMost(WAIT);
            } finally {
                vault.accept(VaultSimulatorResource.TOKEN);
            }

            assertThat(logs.text()).doesNotContain(SECRET);
        }
    }

    private Optional<SecretFields> get(String path) {
        return store.get(path).await().atMost(WAIT);
    }
}
