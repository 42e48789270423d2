package dev.bitbridge.ingress.http;

/**
 * Every way the edge refuses a request: the HTTP status and the stable error code a client can match on. Each is
 * counted in {@code bitbridge_ingress_webhooks_rejected_total{reason=<code>}}.
 */
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
    REQUEST_MALFORMED(400, "request_malformed"),
    NOT_FOUND(404, "not_found"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed"),
    REQUEST_TIMEOUT(408, "request_timeout"),
    BODY_TOO_LARGE(413, "body_too_large"),
    URI_TOO_LONG(414, "uri_too_long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
    HEADERS_TOO_LARGE(431, "headers_too_large"),
    INTERNAL_ERROR(500, "internal_error"),
    UNAVAILABLE(503, "unavailable"),
    OVERLOADED(503, "overloaded");

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

    /** @return the refusal a framework status stands for: the first of that status, else {@link #INTERNAL_ERROR} */
    public static Rejection ofStatus(int status) {
        if (status == 400) {
            return REQUEST_MALFORMED;
        }
        for (Rejection r : values()) {
            if (r.status == status) {
                return r;
            }
        }
        return INTERNAL_ERROR;
    }

    /** @return whether this refusal is decided before the token is checked, or is the token check itself */
    public boolean beforeAuthentication() {
        return switch (this) {
            case UNAUTHORIZED, NOT_FOUND, METHOD_NOT_ALLOWED, URI_TOO_LONG, HEADERS_TOO_LARGE, REQUEST_MALFORMED -> true;
            default -> false;
        };
    }

    /** @return whether the client should retry later: the answer carries {@code Retry-After} */
    public boolean retryable() {
        return status == 503;
    }
}
