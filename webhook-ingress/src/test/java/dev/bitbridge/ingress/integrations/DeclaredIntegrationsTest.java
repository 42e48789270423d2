package dev.bitbridge.ingress.integrations;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.bitbridge.events.integration.TokenHash;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.ingress.config.StartupChecks;
import dev.bitbridge.ingress.config.TestConfigs;
import dev.bitbridge.platform.config.ConfigProblems;

import static org.assertj.core.api.Assertions.assertThat;

class DeclaredIntegrationsTest {

    private static final String P = "bitbridge.ingress.integrations.";
    private static final String TOKEN = "tok-6f1d0c2b9a8e4d3c";
    private static final String HASH = "sha256:550643f45e135491c47bea94823b37278d5dd91375b285d44001d005d1603a33";

    private final ConfigProblems problems = new ConfigProblems(StartupChecks.SUBJECT);

    private Map<String, Integration> parse(Map<String, String> properties) {
        return DeclaredIntegrations.parse(TestConfigs.ingress(properties), problems);
    }

    private Map<String, Integration> parse(String... keysAndValues) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return parse(properties);
    }

    @Test
    void aCloudIntegrationWithAClearTokenIsStoredByItsHash() {
        Map<String, Integration> parsed = parse(P + "acme.flavor", "cloud", P + "acme.token", TOKEN);

        assertThat(problems.all()).isEmpty();
        assertThat(parsed).containsOnlyKeys("acme");
        Integration acme = parsed.get("acme");
        assertThat(acme.name()).isEqualTo("acme");
        assertThat(acme.flavor()).isEqualTo(BitbucketFlavor.CLOUD);
        assertThat(acme.enabled()).isTrue();
        assertThat(acme.tokenHash()).isEqualTo(TokenHash.of(TOKEN)).isNotEqualTo(TOKEN);
        assertThat(acme.secret()).isNull();
        assertThat(acme.signed()).isFalse();
        assertThat(acme.origin()).isEqualTo(Integration.Origin.CONFIGURATION);
    }

    @Test
    void aSignedDisabledDataCenterIntegrationWithATokenHash() {
        Map<String, Integration> parsed = parse(P + "dc.flavor", "datacenter", P + "dc.token-hash", HASH,
                P + "dc.enabled", "false", P + "dc.secret", "webhook-secret");

        assertThat(problems.all()).isEmpty();
        Integration dc = parsed.get("dc");
        assertThat(dc.flavor()).isEqualTo(BitbucketFlavor.DATACENTER);
        assertThat(dc.enabled()).isFalse();
        assertThat(dc.tokenHash()).isEqualTo(HASH);
        assertThat(dc.secret()).isEqualTo("webhook-secret".getBytes(StandardCharsets.UTF_8));
        assertThat(dc.signed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 64, 128 })
    void secretsUpTo128CharactersAreAccepted(int length) {
        Map<String, Integration> parsed = parse(P + "acme.flavor", "cloud", P + "acme.token", TOKEN, P + "acme.secret",
                "s".repeat(length));

        assertThat(problems.all()).isEmpty();
        assertThat(parsed.get("acme").secret()).hasSize(length);
    }

    @Test
    void aSecretOf129CharactersIsAProblemAndTheIntegrationIsLeftOut() {
        Map<String, Integration> parsed = parse(P + "acme.flavor", "cloud", P + "acme.token", TOKEN, P + "acme.secret",
                "s".repeat(129));

        assertThat(parsed).isEmpty();
        assertThat(problems.all()).singleElement().asString().startsWith(P + "acme.secret: ").contains("1-128");
    }

    @Test
    void bothTokenAndTokenHashIsAProblem() {
        Map<String, Integration> parsed = parse(P + "acme.flavor", "cloud", P + "acme.token", TOKEN,
                P + "acme.token-hash", HASH);

        assertThat(parsed).isEmpty();
        assertThat(problems.all()).singleElement().asString().startsWith(P + "acme: ").contains("both are set");
    }

    @Test
    void neitherTokenNorTokenHashIsAProblem() {
        Map<String, Integration> parsed = parse(P + "acme.flavor", "cloud", P + "acme.secret", "webhook-secret");

        assertThat(parsed).isEmpty();
        assertThat(problems.all()).singleElement().asString().startsWith(P + "acme: ").contains("neither is set");
    }

    @Test
    void aBlankTokenIsAProblem() {
        Map<String, Integration> parsed = parse(P + "acme.flavor", "cloud", P + "acme.token", "   ");

        assertThat(parsed).isEmpty();
        assertThat(problems.all()).singleElement().asString().startsWith(P + "acme");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "sha256:550643F45E135491C47BEA94823B37278D5DD91375B285D44001D005D1603A33",
            "SHA256:550643f45e135491c47bea94823b37278d5dd91375b285d44001d005d1603a33",
            "sha512:550643f45e135491c47bea94823b37278d5dd91375b285d44001d005d1603a33",
            "550643f45e135491c47bea94823b37278d5dd91375b285d44001d005d1603a33",
            "sha256:550643f45e135491c47bea94823b37278d5dd91375b285d44001d005d1603a3",
            "sha256:550643f45e135491c47bea94823b37278d5dd91375b285d44001d005d1603a33a",
            "sha256:g50643f45e135491c47bea94823b37278d5dd91375b285d44001d005d1603a33",
            "sha256: 550643f45e135491c47bea94823b37278d5dd91375b285d44001d005d1603a33" })
    void aMalformedTokenHashIsAProblemNamingTheKey(String hash) {
        Map<String, Integration> parsed = parse(P + "acme.flavor", "cloud", P + "acme.token-hash", hash);

        assertThat(parsed).isEmpty();
        assertThat(problems.all()).singleElement().asString()
                .startsWith(P + "acme.token-hash: ")
                .doesNotContain(hash);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Acme", "ACME", "-x", "x-", "acme!", "\"acme cloud\"", "\"acme/cloud\"",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
    void anInvalidNameIsAProblemNamingTheKey(String key) {
        Map<String, Integration> parsed = parse(P + key + ".flavor", "cloud", P + key + ".token", TOKEN);

        assertThat(parsed).isEmpty();
        String unquoted = key.replace("\"", "");
        assertThat(problems.all()).singleElement().asString()
                .startsWith(P + unquoted + ": ")
                .contains("not a valid integration name");
    }

    @Test
    void aNameOf63CharactersIsValid() {
        String name = "a".repeat(63);

        assertThat(parse(P + name + ".flavor", "cloud", P + name + ".token", TOKEN)).containsOnlyKeys(name);
        assertThat(problems.all()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "acme-cloud, acme-cloud",
            "acme_cloud, acme-cloud",
            "'\"acme.cloud\"', acme-cloud",
            "'\"a_b.c\"', a-b-c",
            "x1, x1" })
    void keysFromEnvironmentVariablesNormalizeToTheirName(String key, String name) {
        Map<String, Integration> parsed = parse(P + key + ".flavor", "cloud", P + key + ".token", TOKEN);

        assertThat(problems.all()).isEmpty();
        assertThat(parsed).containsOnlyKeys(name);
        assertThat(parsed.get(name).name()).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({
            "acme-cloud, acme_cloud",
            "acme_cloud, '\"acme.cloud\"'",
            "acme-cloud, '\"acme.cloud\"'" })
    void theSameNameDeclaredTwiceIsAProblem(String first, String second) {
        Map<String, Integration> parsed = parse(P + first + ".flavor", "cloud", P + first + ".token", TOKEN,
                P + second + ".flavor", "datacenter", P + second + ".token", "another-token");

        assertThat(problems.all()).singleElement().asString()
                .contains("integration 'acme-cloud' is also declared as")
                .containsAnyOf(P + first.replace("\"", "") + ":", P + second.replace("\"", "") + ":");
        assertThat(parsed).containsOnlyKeys("acme-cloud");
    }

    @Test
    void oneFaultyIntegrationDoesNotHideTheOthers() {
        Map<String, Integration> parsed = parse(P + "good.flavor", "cloud", P + "good.token", TOKEN,
                P + "bad.flavor", "cloud", P + "bad.token-hash", "sha256:nope",
                P + "Worse.flavor", "cloud", P + "Worse.token", TOKEN);

        assertThat(parsed).containsOnlyKeys("good");
        assertThat(problems.all()).hasSize(2);
    }

    @Test
    void noProblemQuotesAConfiguredTokenSecretOrHash() {
        String token = "tok-9c4e1f7a2b";
        String secret = "sec-3d8b6e0f1a".repeat(10);
        String badHash = "sha256:DEADBEEF" + "ab".repeat(28);
        Map<String, String> properties = new HashMap<>(Map.of(
                P + "both.flavor", "cloud", P + "both.token", token, P + "both.token-hash", HASH,
                P + "long.flavor", "cloud", P + "long.token", token, P + "long.secret", secret,
                P + "hash.flavor", "cloud", P + "hash.token-hash", badHash));
        properties.putAll(Map.of(P + "Upper.flavor", "cloud", P + "Upper.token", token, P + "Upper.secret", secret,
                P + "twice-x.flavor", "cloud", P + "twice-x.token", token,
                P + "twice_x.flavor", "cloud", P + "twice_x.token", token, P + "twice_x.secret", secret));

        parse(properties);

        List<String> all = problems.all();
        assertThat(all).hasSize(6);
        assertThat(all).noneMatch(p -> p.contains(token) || p.contains("sec-3d8b6e0f1a") || p.contains("DEADBEEF")
                || p.contains(HASH.substring(7)));
    }
}
