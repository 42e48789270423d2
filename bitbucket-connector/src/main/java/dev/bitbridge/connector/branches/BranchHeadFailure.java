package dev.bitbridge.connector.branches;

import java.time.Duration;
import java.util.Optional;

/**
 * Bitbucket could not say where a branch points: 503 (with {@code Retry-After}) when asking later may work — Bitbucket
 * unreachable, failing or rate limiting — and 502 when it refused the integration's credential or answered something
 * unusable, which a person must fix.
 */
final class BranchHeadFailure extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Optional<Duration> retryAfter;

    BranchHeadFailure(int status, String code, String detail, Optional<Duration> retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
