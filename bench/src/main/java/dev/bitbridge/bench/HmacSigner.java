package dev.bitbridge.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook body the way Bitbucket does: {@code X-Hub-Signature: sha256=<lower-case hex HMAC-SHA256(secret,
 * raw body bytes)>}.
 */
public final class HmacSigner {

    /** The header Bitbucket Cloud and Data Center put the signature in. */
    public static final String HEADER = "X-Hub-Signature";

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    /** @param secret the integration's webhook secret, used as UTF-8 bytes */
    public HmacSigner(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /**
     * @param body the exact body bytes that will be sent
     * @return the header value, {@code sha256=} followed by 64 lower-case hex digits
     */
    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
