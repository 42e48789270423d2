package dev.bitbridge.ingress.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Bitbucket's {@code X-Hub-Signature: sha256=<hex>}, the HMAC-SHA256 of the raw body under the webhook secret,
 * on the bytes exactly as received. Bitbucket sends lower-case hex; anything else, and GitHub's {@code sha1=} form, is
 * refused. The comparison takes the same time wherever the values differ.
 */
public final class SignatureVerifier {

    private static final String PREFIX = "sha256=";

    /** Why a signature was refused. */
    public enum Outcome {
        VALID,
        MISSING,
        UNSUPPORTED_ALGORITHM,
        MISMATCH
    }

    private SignatureVerifier() {
    }

    /**
     * @param secrets the secrets any one of which may have signed the body (two during a rotation's grace period); each
     *        is tried, so the time taken does not tell which one matched
     * @param body the raw body bytes
     * @param header the {@code X-Hub-Signature} value, may be {@code null}
     * @return whether the signature is valid under one of the secrets, or why not
     */
    public static Outcome verify(List<byte[]> secrets, byte[] body, String header) {
        if (header == null || header.isBlank()) {
            return Outcome.MISSING;
        }
        if (!header.startsWith(PREFIX)) {
            return Outcome.UNSUPPORTED_ALGORITHM;
        }
        byte[] presented = header.getBytes(StandardCharsets.US_ASCII);
        boolean valid = false;
        for (byte[] secret : secrets) {
            valid |= MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.US_ASCII), presented);
        }
        return valid ? Outcome.VALID : Outcome.MISMATCH;
    }

    /**
     * @param secret the webhook secret
     * @param body the raw body bytes
     * @param header the {@code X-Hub-Signature} value, may be {@code null}
     * @return whether the signature is valid, or why not
     */
    public static Outcome verify(byte[] secret, byte[] body, String header) {
        return verify(List.of(secret), body, header);
    }

    /**
     * @param secret the webhook secret
     * @param body the raw body bytes
     * @return the header value Bitbucket would send: {@code sha256=<lower-case hex>}
     */
    public static String sign(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this Java runtime", e);
        }
    }
}
