package dev.bitbridge.ingress.integrations;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.bitbridge.events.integration.SealedSecret;
import dev.bitbridge.events.integration.SecretSealer;
import dev.bitbridge.ingress.config.StartupChecks;
import dev.bitbridge.ingress.config.TestConfigs;
import dev.bitbridge.platform.config.ConfigProblems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealingKeysTest {

    private static final String P = "bitbridge.ingress.sealing-keys.";

    private final ConfigProblems problems = new ConfigProblems(StartupChecks.SUBJECT);

    private SecretSealer parse(Map<String, String> properties) {
        return SealingKeys.parse(TestConfigs.ingress(properties), problems);
    }

    private static String base64OfBytes(int length, int seed) {
        byte[] key = new byte[length];
        for (int i = 0; i < length; i++) {
            key[i] = (byte) (seed * 31 + i * 7);
        }
        return Base64.getEncoder().encodeToString(key);
    }

    @ParameterizedTest(name = "{0} is key id {1}")
    @CsvSource({ "key_2026, key-2026", "'\"key.2026\"', key-2026", "key-2026, key-2026", "local, local" })
    void aValidKeyOpensWhatWasSealedWithItUnderItsNormalizedId(String key, String id) {
        String value = base64OfBytes(32, 1);
        SealedSecret sealed = new SecretSealer(Map.of(id, value)).seal("acme", "webhook-secret", id);

        SecretSealer sealer = parse(Map.of(P + key, value));

        assertThat(problems.all()).isEmpty();
        assertThat(sealer.open("acme", sealed)).isEqualTo("webhook-secret");
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        String value = base64OfBytes(32, 2);
        SealedSecret sealed = new SecretSealer(Map.of("local", value)).seal("acme", "webhook-secret", "local");

        SecretSealer sealer = parse(Map.of(P + "local", " " + value + " "));

        assertThat(problems.all()).isEmpty();
        assertThat(sealer.open("acme", sealed)).isEqualTo("webhook-secret");
    }

    @Test
    void everyValidKeyIsKeptSoThatKeysCanBeRotated() {
        String old = base64OfBytes(32, 3);
        String current = base64OfBytes(32, 4);
        SealedSecret sealedWithOld = new SecretSealer(Map.of("key-2025", old)).seal("acme", "old-secret", "key-2025");
        SealedSecret sealedWithCurrent = new SecretSealer(Map.of("key-2026", current)).seal("acme", "new-secret",
                "key-2026");

        SecretSealer sealer = parse(Map.of(P + "key_2025", old, P + "key_2026", current));

        assertThat(sealer.open("acme", sealedWithOld)).isEqualTo("old-secret");
        assertThat(sealer.open("acme", sealedWithCurrent)).isEqualTo("new-secret");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "not base64, 'not base64 at all!'",
            "16 bytes, " + "AAECAwQFBgcICQoLDA0ODw==",
            "31 bytes, " + "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==",
            "33 bytes, " + "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g",
            "url-safe base64, " + "__________________________________________8=" })
    void aKeyThatIsNot32BytesOfBase64IsAProblemNamingItsKey(String what, String value) {
        SecretSealer sealer = parse(Map.of(P + "key_2026", value));

        assertThat(problems.all()).singleElement().asString()
                .startsWith(P + "key_2026: ")
                .contains("base64 of exactly 32 random bytes")
                .doesNotContain(value.trim());
        SealedSecret sealed = new SecretSealer(Map.of("key-2026", base64OfBytes(32, 5))).seal("acme", "s", "key-2026");
        assertThatThrownBy(() -> sealer.open("acme", sealed)).isInstanceOf(SecretSealer.SealingException.class);
    }

    @Test
    void theMalformedKeysAboveHaveTheLengthsTheyClaim() {
        assertThat(Base64.getDecoder().decode("AAECAwQFBgcICQoLDA0ODw==")).hasSize(16);
        assertThat(Base64.getDecoder().decode("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==")).hasSize(31);
        assertThat(Base64.getDecoder().decode("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g")).hasSize(33);
        assertThat(Base64.getUrlDecoder().decode("__________________________________________8=")).hasSize(32);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Key", "-k", "k-", "\"k/1\"" })
    void anInvalidKeyIdIsAProblemNamingItsKey(String key) {
        parse(Map.of(P + key, base64OfBytes(32, 6)));

        assertThat(problems.all()).singleElement().asString()
                .startsWith(P + key.replace("\"", "") + ": ")
                .contains("not a valid key id");
    }

    @Test
    void theSameKeyIdGivenTwiceIsAProblem() {
        parse(Map.of(P + "key_2026", base64OfBytes(32, 7), P + "\"key.2026\"", base64OfBytes(32, 8)));

        assertThat(problems.all()).singleElement().asString().contains("key id 'key-2026' is given twice");
    }

    @Test
    void noProblemQuotesAKeyValue() {
        Map<String, String> properties = new HashMap<>();
        String[] values = { base64OfBytes(16, 9), base64OfBytes(33, 10), "c2VjcmV0LW5vdC1iYXNlNjQ%%%", base64OfBytes(32, 11),
                base64OfBytes(32, 12), base64OfBytes(32, 13) };
        properties.put(P + "short", values[0]);
        properties.put(P + "long", values[1]);
        properties.put(P + "garbled", values[2]);
        properties.put(P + "Upper", values[3]);
        properties.put(P + "twice_x", values[4]);
        properties.put(P + "twice-x", values[5]);

        parse(properties);

        assertThat(problems.all()).hasSize(5);
        for (String value : values) {
            assertThat(problems.all()).noneMatch(p -> p.contains(value) || p.contains(value.substring(0, 12)));
        }
    }
}
