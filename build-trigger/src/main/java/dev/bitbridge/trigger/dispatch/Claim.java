package dev.bitbridge.trigger.dispatch;

import dev.bitbridge.trigger.store.BuildRow;

/**
 * One due build, taken by this replica for one action: its lease ({@code next_action_at} pushed into the future) keeps
 * other replicas away until the action is recorded or the lease runs out.
 *
 * @param build the build as it was taken (read, never written: an outcome is applied to a copy, written only while
 *        the row is unchanged, else to the row read again under its lock)
 * @param action what to do
 * @param lease the row's next action time as this replica set it: the result is recorded only if it is still so
 *        (no other replica took the row over after the lease ran out)
 */
record Claim(BuildRow build, Action action, java.time.Instant lease) {

    /** @return the build's request id */
    String requestId() {
        return build.requestId;
    }

    enum Action {
        /** POST it to Jenkins. */
        DISPATCH,
        /** A dispatch that went unanswered: look for it in Jenkins before posting again (ADR 12). */
        RECOVER,
        /** Ask Jenkins about the queue item or the build. */
        FOLLOW,
        /** A person asked to cancel: cancel the queue item or stop the build (looking for it first if unanswered). */
        CANCEL
    }
}
