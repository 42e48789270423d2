package dev.bitbridge.ingress.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.bitbridge.events.integration.TokenHash;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.ingress.integrations.Integration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rotation rule as a table: which token and which secret a delivery carries, before or after the grace period
 * ends, and what the edge answers: 202 (accepted), 401 (token refused) or 403 (signature refused).
 */
class CredentialRulesTest {

    private static final Instant END = Instant.parse("2026-11-22T12:00:00Z");
    private static final Instant BEFORE = END.minusSeconds(1);
    private static final byte[] BODY = "{\"push\":{}}".getBytes(StandardCharsets.UTF_8);

    /** Token and secret both rotated, the usual case. */
    private static final Integration ROTATED = integration(bytes("new-secret"),
            new Integration.Previous(TokenHash.of("old-token"), bytes("old-secret"), END));

    @ParameterizedTest(name = "{0} token, {1} signature, {2} the end: {3}")
    @CsvSource({
            "new,   new,      before, 202",
            "new,   new,      after,  202",
            "new,   old,      before, 403",
            "new,   old,      after,  403",
            "new,   unsigned, before, 403",
            "new,   wrong,    before, 403",
            "old,   new,      before, 202",
            "old,   old,      before, 202",
            "old,   unsigned, before, 403",
            "old,   wrong,    before, 403",
            "old,   new,      after,  401",
            "old,   old,      after,  401",
            "wrong, new,      before, 401",
            "wrong, old,      before, 401" })
    void aRotationOfTokenAndSecret(String token, String signature, String when, int answer) {
        assertThat(answer(ROTATED, token, signature, when)).isEqualTo(answer);
    }

    @ParameterizedTest(name = "{0} signature, {1} the end: {2}")
    @CsvSource({
            "new,      before, 202",
            "old,      before, 202",
            "old,      after,  403",
            "new,      after,  202",
            "unsigned, before, 403" })
    void aRotationOfTheSecretOnlyLetsTheUnchangedTokenUseEitherSecret(String signature, String when, int answer) {
        Integration secretOnly = integration(bytes("new-secret"), new Integration.Previous(null, bytes("old-secret"), END));

        assertThat(answer(secretOnly, "new", signature, when)).isEqualTo(answer);
    }

    @Test
    void aRotationOfTheTokenOnlyKeepsTheSecret() {
        Integration tokenOnly = integration(bytes("new-secret"),
                new Integration.Previous(TokenHash.of("old-token"), null, END));

        assertThat(answer(tokenOnly, "old", "new", "before")).isEqualTo(202);
        assertThat(answer(tokenOnly, "old", "unsigned", "before"))
                .as("a previous block without a secret never lifts the current signature requirement").isEqualTo(403);
        assertThat(answer(tokenOnly, "old", "old", "before")).isEqualTo(403);
    }

    @Test
    void anIntegrationWhoseCurrentConfigurationIsUnsignedIgnoresSignatures() {
        Integration unsigned = integration(null, new Integration.Previous(TokenHash.of("old-token"), bytes("old-secret"), END));

        assertThat(answer(unsigned, "old", "unsigned", "before")).isEqualTo(202);
        assertThat(answer(unsigned, "new", "wrong", "after")).isEqualTo(202);
        assertThat(answer(unsigned, "old", "unsigned", "after")).isEqualTo(401);
    }

    @Test
    void theGraceEndsAtValidUntilItself() {
        assertThat(CredentialRules.match(ROTATED, List.of("old-token"), END.minusNanos(1))).isEqualTo(TokenMatch.PREVIOUS);
        assertThat(CredentialRules.match(ROTATED, List.of("old-token"), END)).isEqualTo(TokenMatch.NONE);
    }

    @Test
    void theDecoyTokenMatchesNothing() {
        List<String> decoy = List.of("bitbridge-decoy-token");

        assertThat(CredentialRules.match(null, decoy, BEFORE)).isEqualTo(TokenMatch.NONE);
        assertThat(CredentialRules.match(integration(null, null), decoy, BEFORE)).isEqualTo(TokenMatch.NONE);
    }

    @Test
    void withoutAPreviousBlockOnlyTheCurrentTokenMatches() {
        Integration plain = integration(bytes("new-secret"), null);

        assertThat(CredentialRules.match(plain, List.of("new-token"), BEFORE)).isEqualTo(TokenMatch.CURRENT);
        assertThat(CredentialRules.match(plain, List.of("old-token"), BEFORE)).isEqualTo(TokenMatch.NONE);
        assertThat(CredentialRules.signingSecrets(plain, TokenMatch.CURRENT)).containsExactly(bytes("new-secret"));
    }

    /** @return the status the edge answers, from the same calls {@code http.WebhookExchange} makes */
    private static int answer(Integration integration, String token, String signature, String when) {
        Instant now = when.equals("before") ? BEFORE : END.plusSeconds(1);
        String presented = switch (token) {
            case "new" -> "new-token";
            case "old" -> "old-token";
            default -> "wrong-token";
        };
        Authentication authentication = new Authentication(integration,
                CredentialRules.match(integration, List.of(presented), now));
        if (authentication.accepted().isEmpty()) {
            return 401;
        }
        String header = switch (signature) {
            case "unsigned" -> null;
            case "new" -> SignatureVerifier.sign(bytes("new-secret"), BODY);
            case "old" -> SignatureVerifier.sign(bytes("old-secret"), BODY);
            default -> SignatureVerifier.sign(bytes("guessed"), BODY);
        };
        List<byte[]> secrets = authentication.signingSecrets();
        return secrets.isEmpty() || SignatureVerifier.verify(secrets, BODY, header) == SignatureVerifier.Outcome.VALID
                ? 202
                : 403;
    }

    private static Integration integration(byte[] secret, Integration.Previous previous) {
        return new Integration("acme", BitbucketFlavor.CLOUD, true, TokenHash.of("new-token"), secret,
                Integration.Origin.TOPIC, previous);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
