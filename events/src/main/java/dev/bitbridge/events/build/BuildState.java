package dev.bitbridge.events.build;

/**
 * Where a build is, in the terms Bitbucket's build statuses use (see {@code jenkins.md} for the mapping from Jenkins).
 */
public enum BuildState {
    /** Dispatched to Jenkins and waiting in its queue. Bitbucket shows it as in progress. */
    QUEUED,
    /** Running. */
    INPROGRESS,
    /** Finished with {@code SUCCESS}. Final. */
    SUCCESSFUL,
    /**
     * Finished with {@code FAILURE} or {@code UNSTABLE}, or could not be dispatched or followed (Jenkins refused it,
     * or stayed unreachable past the deadline): {@link BuildEvent#reason()} says which. Final.
     */
    FAILED,
    /** {@code ABORTED}, {@code NOT_BUILT}, or cancelled while queued. Final. */
    STOPPED;

    /** @return whether no later state follows */
    public boolean isFinal() {
        return this == SUCCESSFUL || this == FAILED || this == STOPPED;
    }
}
