package dev.bitbridge.connector.bitbucket;

import java.time.Duration;
import java.util.Optional;

/**
 * A call the API made to Bitbucket on a caller's behalf did not give what was asked: answered with the status the
 * endpoint documents — 502 or 422 when Bitbucket refused or answered something unusable (a person must act), 429 or
 * 503 with {@code Retry-After} when asking later may work — and an {@link ApiError} whose code says which problem it
 * was ({@link BitbucketProblem#code()}). {@link UpstreamFailureMapper} answers it.
 */
public final class UpstreamFailure extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Optional<Duration> retryAfter;

    public UpstreamFailure(int status, String code, String detail, Optional<Duration> retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
