package dev.bitbridge.trigger.store;

import java.time.Instant;

/**
 * One build request and where its build is (ADR 12): a row of {@code build}, read by {@link BuildStore}. A plain
 * mutable class rather than a record: the dispatcher's outcomes and {@link Transitions} change a few of its columns
 * each, and {@link BuildStore#writeIfLeased} (the row still as leased) or {@link BuildStore#write} (under the row's
 * lock) writes them back.
 */
public final class BuildRow implements Cloneable {

    public String requestId;
    public String businessKey;
    public String request;
    public String integration;
    public String repository;
    public String commitHash;
    public String job;
    public String statusKey;
    public String state;
    public String jenkinsUrl;
    public String jobUrl;
    public Long queueId;
    public Integer buildNumber;
    public String buildUrl;
    public String result;
    public Long durationMs;
    public String reason;
    public int attempts;
    public Instant nextActionAt;
    public Instant dispatchStartedAt;
    public Instant notFoundAt;
    public Instant giveUpAt;
    public int sequence;
    public String cancelRequestedBy;
    public Instant cancelRequestedAt;
    /** When Jenkins was told to cancel the queue item or stop the build. */
    public Instant cancelSentAt;
    /** Why Jenkins could not be told (it refused), when it could not. */
    public String cancelProblem;
    /** While a dispatcher acts on the row: its lease, equal to {@link #nextActionAt}; null otherwise. */
    public Instant leasedUntil;
    public Instant createdAt;
    public Instant updatedAt;

    /** @return a copy to change without changing this one (every column is immutable, so a shallow copy is one) */
    public BuildRow copy() {
        try {
            return (BuildRow) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
