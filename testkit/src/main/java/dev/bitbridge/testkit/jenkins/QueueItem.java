package dev.bitbridge.testkit.jenkins;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One item of Jenkins' build queue ({@code hudson.model.Queue.Item}). It waits out its quiet period
 * ({@code WaitingItem}), then waits for an executor ({@code BuildableItem}), then leaves ({@code LeftItem}) — when it
 * gets an executor or is cancelled. A left item that got an executor shows its build ({@code executable}) only once
 * the build has started, which may be a while after it left (jenkins.md "Following a build").
 */
final class QueueItem {

    enum State {
        WAITING,
        BUILDABLE,
        LEFT
    }

    private final long id;
    private final Job job;
    private final List<ParamValue> parameters;
    private final BuildCause cause;
    private final long inQueueSince;
    private long quietUntil;
    private long leavesAt;
    private long executableAt;
    private Long cancelledAt;
    private Build build;

    QueueItem(long id, Job job, List<ParamValue> parameters, BuildCause cause, long now, long quietMillis,
            long queueDelayMillis, long executableLagMillis) {
        this.id = id;
        this.job = job;
        this.parameters = parameters == null ? null : List.copyOf(parameters);
        this.cause = cause;
        this.inQueueSince = now;
        this.quietUntil = now + quietMillis;
        this.leavesAt = quietUntil + queueDelayMillis;
        this.executableAt = leavesAt + executableLagMillis;
    }

    long id() {
        return id;
    }

    Job job() {
        return job;
    }

    /** @return the values of its {@code ParametersAction}, or {@code null} when it has none */
    List<ParamValue> parameters() {
        return parameters;
    }

    BuildCause cause() {
        return cause;
    }

    long inQueueSince() {
        return inQueueSince;
    }

    long quietUntil() {
        return quietUntil;
    }

    /** @return when it stopped (or will stop) waiting in the quiet period */
    long buildableSince() {
        return quietUntil;
    }

    long executableAt() {
        return executableAt;
    }

    State state(long now) {
        if (cancelledAt != null || now >= leavesAt) {
            return State.LEFT;
        }
        return now < quietUntil ? State.WAITING : State.BUILDABLE;
    }

    long leftAt() {
        return cancelledAt != null ? cancelledAt : leavesAt;
    }

    boolean cancelled() {
        return cancelledAt != null;
    }

    void cancel(long now) {
        cancelledAt = now;
    }

    /** @return its build, once started */
    Build build() {
        return build;
    }

    void started(Build build) {
        this.build = build;
    }

    /** @return whether a new request for this job with these parameters is merged into it (Queue.scheduleInternal) */
    boolean sameRequest(Job other, List<ParamValue> otherParameters) {
        if (job != other) {
            return false;
        }
        if (parameters == null || otherParameters == null) {
            return (parameters == null || parameters.isEmpty()) && (otherParameters == null
                    || otherParameters.isEmpty());
        }
        return Objects.equals(new HashSet<>(parameters), new HashSet<>(otherParameters));
    }

    /** A merged request with a shorter quiet period moves the item's due time forward, as Jenkins does. */
    void shortenQuietPeriod(long due) {
        if (due < quietUntil) {
            long by = quietUntil - due;
            quietUntil -= by;
            leavesAt -= by;
            executableAt -= by;
        }
    }
}
