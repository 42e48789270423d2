package dev.bitbridge.connector.bitbucket;

/**
 * Why a call to Bitbucket failed, in the terms a user can act on. Each has its own code in the API's answers.
 */
public enum BitbucketProblem {
    /** 401: the credential is wrong, expired or revoked. */
    BAD_CREDENTIALS("bad_credentials"),
    /** 403 naming scopes: the credential works but lacks a scope or permission. */
    MISSING_SCOPE("missing_scope"),
    /** 403 without scopes: the account may not do this. */
    FORBIDDEN("forbidden"),
    /** 404: the workspace, project or repository does not exist or is not visible to the credential. */
    NOT_FOUND("not_found"),
    /** The server's TLS certificate is not trusted. */
    TLS("tls_failure"),
    /** No connection: unknown host, refused, or timed out. */
    UNREACHABLE("unreachable"),
    /** 429: the credential's rate limit is used up for now. */
    RATE_LIMITED("rate_limited"),
    /** The OAuth refresh token expired or was revoked: a person must connect Bitbucket again. */
    RECONNECT_NEEDED("reconnect_needed"),
    /** Bitbucket refused the request's content (400, 409, 422). */
    REFUSED("refused"),
    /** Bitbucket failed (5xx) or answered something unreadable. */
    BITBUCKET_ERROR("bitbucket_error");

    private final String code;

    BitbucketProblem(String code) {
        this.code = code;
    }

    /** @return the code used in API answers */
    public String code() {
        return code;
    }
}
