package dev.bitbridge.ingress.http;

/** Every way the edge refuses a delivery: the HTTP status and the stable error code a client can match on. */
public enum Rejection {

    UNAUTHORIZED(401, "unauthorized"),
    SIGNATURE_MISSING(403, "signature_missing"),
    SIGNATURE_ALGORITHM_UNSUPPORTED(403, "signature_algorithm_unsupported"),
    SIGNATURE_MISMATCH(403, "signature_mismatch"),
    EVENT_KEY_MISSING(400, "event_key_missing"),
    EVENT_KEY_MALFORMED(400, "event_key_malformed"),
    EVENT_ID_MISSING(400, "event_id_missing"),
    EVENT_ID_MALFORMED(400, "event_id_malformed"),
    HEADER_MALFORMED(400, "header_malformed"),
    BODY_NOT_JSON_OBJECT(400, "body_not_json_object"),
    BODY_TOO_LARGE(413, "body_too_large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
    UNAVAILABLE(503, "unavailable");

    private final int status;
    private final String code;

    Rejection(int status, String code) {
        this.status = status;
        this.code = code;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the error code in the body and the {@code reason} tag of the rejection metric */
    public String code() {
        return code;
    }
}
