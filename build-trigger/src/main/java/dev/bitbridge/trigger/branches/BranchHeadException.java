package dev.bitbridge.trigger.branches;

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

    public BranchHeadException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
