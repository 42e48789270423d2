package dev.bitbridge.connector.bitbucket;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A failed call to Bitbucket: what went wrong ({@link #problem()}), a message that says what to fix, and the details
 * a caller may need (the scopes Bitbucket asked for, when to retry). Messages never carry a credential.
 */
public class BitbucketException extends RuntimeException {

    private final BitbucketProblem problem;
    private final int status;
    private final transient Optional<Duration> retryAfter;
    private final List<String> requiredScopes;

    public BitbucketException(BitbucketProblem problem, int status, String message, Optional<Duration> retryAfter,
            List<String> requiredScopes) {
        super(message, null, false, false);
        this.problem = problem;
        this.status = status;
        this.retryAfter = retryAfter;
        this.requiredScopes = List.copyOf(requiredScopes);
    }

    public BitbucketException(BitbucketProblem problem, String message) {
        this(problem, 0, message, Optional.empty(), List.of());
    }

    public BitbucketProblem problem() {
        return problem;
    }

    /** @return the HTTP status Bitbucket answered, or 0 when there was no answer */
    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /**
     * @return whether trying again later may succeed: Bitbucket failed (5xx), rate-limited us (429), or did not answer.
     *         Everything else (credentials, permissions, not found, refused content, TLS trust) needs a person.
     */
    public boolean isTransient() {
        return switch (problem) {
            case RATE_LIMITED, UNREACHABLE -> true;
            case BITBUCKET_ERROR -> status >= 500;
            default -> false;
        };
    }

    /** @return the scopes Bitbucket said the call needs, when it said so */
    public List<String> requiredScopes() {
        return requiredScopes;
    }
}
