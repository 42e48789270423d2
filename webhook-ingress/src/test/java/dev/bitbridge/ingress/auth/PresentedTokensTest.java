package dev.bitbridge.ingress.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PresentedTokensTest {

    @Test
    void queryTokenAsBitbucketCloudSendsIt() {
        assertThat(PresentedTokens.of("abc", null)).containsExactly("abc");
    }

    @Test
    void bearerHeader() {
        assertThat(PresentedTokens.of(null, "Bearer abc")).containsExactly("abc");
        assertThat(PresentedTokens.of(null, "bearer   abc ")).containsExactly("abc");
    }

    @Test
    void basicAuthPasswordAsDataCenterSendsIt() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("bitbucket:s3cr:et".getBytes(StandardCharsets.UTF_8));

        assertThat(PresentedTokens.of(null, basic)).containsExactly("s3cr:et");
    }

    @Test
    void bothPlacesAreOffered() {
        assertThat(PresentedTokens.of("q", "Bearer h")).containsExactly("q", "h");
    }

    @Test
    void nothingUsableGivesNothing() {
        assertThat(PresentedTokens.of(null, null)).isEmpty();
        assertThat(PresentedTokens.of("", "")).isEmpty();
        assertThat(PresentedTokens.of(null, "Bearer")).isEmpty();
        assertThat(PresentedTokens.of(null, "Basic !!!not-base64")).isEmpty();
        assertThat(PresentedTokens.of(null, "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes()))).isEmpty();
        assertThat(PresentedTokens.of(null, "Digest abc")).isEmpty();
    }
}
