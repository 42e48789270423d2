package dev.bitbridge.ingress.http;

/** The wording of a 413, shared by the declared-length check and the streaming check. */
final class BodyLimits {

    private BodyLimits() {
    }

    /** @return the detail of a 413 for a body over {@code limit} bytes */
    static String tooLarge(long limit) {
        return "The body is larger than " + limit + " bytes, the most this endpoint accepts"
                + " (bitbridge.ingress.max-body-size). Bitbucket itself does not deliver bodies over about 256 KB.";
    }
}
