package dev.bitbridge.ingress.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.bitbridge.ingress.Fixtures;

import static dev.bitbridge.ingress.auth.SignatureVerifier.Outcome.MISMATCH;
import static dev.bitbridge.ingress.auth.SignatureVerifier.Outcome.MISSING;
import static dev.bitbridge.ingress.auth.SignatureVerifier.Outcome.UNSUPPORTED_ALGORITHM;
import static dev.bitbridge.ingress.auth.SignatureVerifier.Outcome.VALID;
import static org.assertj.core.api.Assertions.assertThat;

class SignatureVerifierTest {

    private static final byte[] SECRET = "It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    /** The published HMAC-SHA256 test vector for this secret and body (the same scheme Bitbucket uses). */
    private static final String EXPECTED = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void signsLikeBitbucket() {
        assertThat(SignatureVerifier.sign(SECRET, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void duringARotationEitherSecretMaySign() {
        byte[] other = "another secret".getBytes(StandardCharsets.UTF_8);

        assertThat(SignatureVerifier.verify(List.of(other, SECRET), BODY, EXPECTED)).isEqualTo(VALID);
        assertThat(SignatureVerifier.verify(List.of(SECRET, other), BODY, EXPECTED)).isEqualTo(VALID);
        assertThat(SignatureVerifier.verify(List.of(other), BODY, EXPECTED)).isEqualTo(MISMATCH);
        assertThat(SignatureVerifier.verify(List.of(other, SECRET), BODY, null)).isEqualTo(MISSING);
    }

    @Test
    void acceptsTheRightSignature() {
        assertThat(SignatureVerifier.verify(SECRET, BODY, EXPECTED)).isEqualTo(VALID);
    }

    @Test
    void verifiesTheRawBytesOfARealCapturedPayload() throws IOException {
        byte[] raw = Files.readAllBytes(Fixtures.require("jenkins-bbs/cloud/signed_payload.json"));
        // computed independently: openssl dgst -sha256 -hmac bitbridge-test-secret signed_payload.json
        String expected = "sha256=d295d4e898dce8031150960a688d5902ddd6e01f901fa4d1ee3160b471d1a957";

        assertThat(SignatureVerifier.verify("bitbridge-test-secret".getBytes(StandardCharsets.UTF_8), raw, expected))
                .isEqualTo(VALID);
    }

    @Test
    void aChangedBodyFails() {
        byte[] changed = "Hello, World! ".getBytes(StandardCharsets.UTF_8);

        assertThat(SignatureVerifier.verify(SECRET, changed, EXPECTED)).isEqualTo(MISMATCH);
    }

    @Test
    void theWrongSecretFails() {
        assertThat(SignatureVerifier.verify("other".getBytes(StandardCharsets.UTF_8), BODY, EXPECTED)).isEqualTo(MISMATCH);
    }

    @Test
    void upperCaseHexIsRefusedBecauseBitbucketSendsLowerCase() {
        String upper = "sha256=" + EXPECTED.substring(7).toUpperCase();

        assertThat(SignatureVerifier.verify(SECRET, BODY, upper)).isEqualTo(MISMATCH);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { " ", "\t" })
    void anAbsentSignatureIsMissing(String header) {
        assertThat(SignatureVerifier.verify(SECRET, BODY, header)).isEqualTo(MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = { "sha1=01a2b3", "SHA256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
            "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", "sha512=abc" })
    void otherAlgorithmsAndFormsAreUnsupported(String header) {
        assertThat(SignatureVerifier.verify(SECRET, BODY, header)).isEqualTo(UNSUPPORTED_ALGORITHM);
    }

    @ParameterizedTest
    @ValueSource(strings = { "sha256=", "sha256=757107ea", EXPECTED + "0", EXPECTED + " ", "sha256= " })
    void truncatedOrPaddedSignaturesFail(String header) {
        assertThat(SignatureVerifier.verify(SECRET, BODY, header)).isEqualTo(MISMATCH);
    }
}
