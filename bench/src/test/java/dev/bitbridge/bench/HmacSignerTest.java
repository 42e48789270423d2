package dev.bitbridge.bench;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HmacSignerTest {

    // Expected values computed with: printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET"

    @Test
    void signsTheWayGitHubDocumentsIt() {
        HmacSigner signer = new HmacSigner("It's a Secret to Everybody");

        assertEquals("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
                signer.sign("Hello, World!".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void signsTheRawBodyBytes() {
        HmacSigner signer = new HmacSigner("It's a Secret to Everybody");
        byte[] body = "{\"push\":{\"changes\":[]},\"repository\":{\"full_name\":\"workspace/repo\"}}"
                .getBytes(StandardCharsets.UTF_8);

        assertEquals("sha256=a68c5266aa568a39587e2d8ee0e8ed2d597c5e89f0f569b43c7ec869046f9a89", signer.sign(body));
    }

    @Test
    void signsTheEmptyBody() {
        // openssl dgst -sha256 -hmac key < /dev/null
        assertEquals("sha256=5d5d139563c95b5967b9bd9a8c9b233a9dedb45072794cd232dc1b74832607d0",
                new HmacSigner("key").sign(new byte[0]));
    }
}
