package dev.bitbridge.credentials.config;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;

import dev.bitbridge.platform.config.ConfigProblems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@link CredentialsStartupCheck} reports for each kind of mistake: the key at fault, never a key's value. */
class CredentialsConfigCheckTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(bytes(32, 1));
    private static final String KEY_B = Base64.getEncoder().encodeToString(bytes(32, 2));
    private static final String SHORT_KEY = Base64.getEncoder().encodeToString(bytes(16, 3));

    @Test
    void oneValidActiveKeyPasses() {
        assertThat(postgres(new TestCredentialsConfig().key("k1", KEY_A).active("k1"))).isEmpty();
    }

    @Test
    void postgresStoreWithoutMasterKeysSaysHowToMakeOne() {
        assertThat(postgres(new TestCredentialsConfig()))
                .singleElement().asString()
                .startsWith("bitbridge.credentials.master-keys: ")
                .contains("openssl rand -base64 32")
                .contains("bitbridge.credentials.active-master-key")
                .contains("bitbridge.credentials.store=vault");
    }

    @Test
    void keyThatIsNotThirtyTwoBytesIsNamedButNotQuoted() {
        List<String> problems = postgres(new TestCredentialsConfig().key("k1", KEY_A).key("k2", SHORT_KEY).active("k1"));

        assertThat(problems).singleElement().asString()
                .startsWith("bitbridge.credentials.master-keys.k2: must be base64 of exactly 32 random bytes")
                .doesNotContain(SHORT_KEY);
    }

    @Test
    void keyThatIsNotBase64IsNamedButNotQuoted() {
        List<String> problems = postgres(new TestCredentialsConfig().key("k1", "hunter2!!").active("k1"));

        assertThat(problems).singleElement().asString()
                .startsWith("bitbridge.credentials.master-keys.k1: must be base64")
                .doesNotContain("hunter2");
    }

    @Test
    void activeKeyMissingOrNotConfiguredIsNamed() {
        assertThat(postgres(new TestCredentialsConfig().key("k1", KEY_A)))
                .singleElement().asString()
                .startsWith("bitbridge.credentials.active-master-key: is not set")
                .contains("[k1]");
        assertThat(postgres(new TestCredentialsConfig().key("k1", KEY_A).active("k2")))
                .singleElement().asString()
                .startsWith("bitbridge.credentials.active-master-key: names key 'k2', which is not configured")
                .contains("bitbridge.credentials.master-keys.k2")
                .doesNotContain(KEY_A);
    }

    @Test
    void keyIdsFromEnvironmentVariablesReadUnderscoresAsHyphens() {
        assertThat(postgres(new TestCredentialsConfig().key("k_2026", KEY_A).active("k-2026"))).isEmpty();
        assertThat(postgres(new TestCredentialsConfig().key("k.1", KEY_A).key("k_1", KEY_B).active("k-1")))
                .singleElement().asString()
                .contains("key id 'k-1' is given twice");
        assertThat(postgres(new TestCredentialsConfig().key("K1", KEY_A).active("K1")))
                .singleElement().asString()
                .startsWith("bitbridge.credentials.master-keys.K1: 'K1' is not a valid key id");
    }

    @Test
    void everyProblemIsReportedAtOnceInTheStartupFailure() {
        ConfigProblems problems = CredentialsStartupCheck.problems(
                new TestCredentialsConfig().key("k1", SHORT_KEY).key("k2", "nope").active("k1"), Optional.empty());

        assertThatThrownBy(problems::throwIfAny)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("2 configuration problem(s)")
                .hasMessageContaining("bitbridge.credentials.master-keys.k1")
                .hasMessageContaining("bitbridge.credentials.master-keys.k2")
                .hasMessageNotContaining(SHORT_KEY);
    }

    @Test
    void vaultStoreNeedsAVaultAddressButNoMasterKey() {
        TestCredentialsConfig vault = new TestCredentialsConfig().store(StoreKind.VAULT);

        assertThat(CredentialsStartupCheck.problems(vault, Optional.of("https://vault.example:8200")).all()).isEmpty();
        assertThat(CredentialsStartupCheck.problems(vault, Optional.empty()).all())
                .singleElement().asString()
                .startsWith("quarkus.vault.url: the Vault credential store needs the address of Vault");
    }

    @Test
    void vaultMountAndPrefixMustBeVaultPaths() {
        TestCredentialsConfig vault = new TestCredentialsConfig().store(StoreKind.VAULT).vault("/secret/", "Bitbridge");

        assertThat(CredentialsStartupCheck.problems(vault, Optional.of("http://localhost:8200")).all())
                .extracting(problem -> problem.substring(0, problem.indexOf(':')))
                .containsExactly("bitbridge.credentials.vault.mount", "bitbridge.credentials.vault.path-prefix");
    }

    private static List<String> postgres(TestCredentialsConfig config) {
        return CredentialsStartupCheck.problems(config, Optional.empty()).all();
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + seed);
        }
        return bytes;
    }
}
