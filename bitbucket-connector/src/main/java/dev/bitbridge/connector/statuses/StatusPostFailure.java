package dev.bitbridge.connector.statuses;

import java.time.Duration;
import java.util.Optional;

/**
 * Bitbucket did not take a status: 422 when it refused it (a person must act: credential, permission, unknown commit,
 * content), 429 when it is rate limiting, 503 when it is unreachable or failing — both with {@code Retry-After}.
 */
final class StatusPostFailure extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Optional<Duration> retryAfter;

    StatusPostFailure(int status, String code, String detail, Optional<Duration> retryAfter) {
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
