package dev.bitbridge.trigger.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One build request and where its build is (ADR 12). */
@Entity
@Table(name = "build")
public class BuildEntity extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "business_key")
    public String businessKey;
    public String request;
    public String integration;
    public String repository;
    @Column(name = "commit_hash")
    public String commitHash;
    public String job;
    @Column(name = "status_key")
    public String statusKey;
    public String state;
    @Column(name = "jenkins_url")
    public String jenkinsUrl;
    @Column(name = "job_url")
    public String jobUrl;
    @Column(name = "queue_id")
    public Long queueId;
    @Column(name = "build_number")
    public Integer buildNumber;
    @Column(name = "build_url")
    public String buildUrl;
    public String result;
    @Column(name = "duration_ms")
    public Long durationMs;
    public String reason;
    public int attempts;
    @Column(name = "next_action_at")
    public Instant nextActionAt;
    @Column(name = "dispatch_started_at")
    public Instant dispatchStartedAt;
    @Column(name = "not_found_at")
    public Instant notFoundAt;
    @Column(name = "give_up_at")
    public Instant giveUpAt;
    public int sequence;
    @Column(name = "cancel_requested_by")
    public String cancelRequestedBy;
    @Column(name = "cancel_requested_at")
    public Instant cancelRequestedAt;
    /** When Jenkins was told to cancel the queue item or stop the build. */
    @Column(name = "cancel_sent_at")
    public Instant cancelSentAt;
    /** Why Jenkins could not be told (it refused), when it could not. */
    @Column(name = "cancel_problem")
    public String cancelProblem;
    /** While a dispatcher acts on the row: its lease, equal to {@link #nextActionAt}; null otherwise. */
    @Column(name = "leased_until")
    public Instant leasedUntil;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
