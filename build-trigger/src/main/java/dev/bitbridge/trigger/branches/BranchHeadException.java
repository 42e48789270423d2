package dev.bitbridge.trigger.branches;

import java.time.Duration;
import java.util.Optional;

/** A branch head could not be read; {@link #kind()} says whether asking again can help. */
public final class BranchHeadException extends RuntimeException {

    /** Why. */
    public enum Kind {
        /** No connector is configured ({@code bitbridge.trigger.connector.url}): a commit must be given. */
        NOT_CONFIGURED,
        /** The integration, repository or branch does not exist (or the credential may not see it). */
        NOT_FOUND,
        /** The connector or Bitbucket did not answer, or answered an error: asking later may work. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String field;
    private final transient Optional<Duration> retryAfter;

    public BranchHeadException(Kind kind, String message) {
        this(kind, message, null, Optional.empty());
    }

    /**
     * @param field for {@link Kind#NOT_FOUND}: what is unknown — {@code integration}, {@code repository} or
     *        {@code branch}, as the connector's answer names it; null when it does not
     * @param retryAfter for {@link Kind#UNAVAILABLE}: when the connector said to ask again
     */
    public BranchHeadException(Kind kind, String message, String field, Optional<Duration> retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** @return for {@link Kind#NOT_FOUND}: the unknown input the connector named ({@code branch} when it named none) */
    public String field() {
        return field == null ? "branch" : field;
    }

    /** @return when asking again may work, when the connector said so */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
