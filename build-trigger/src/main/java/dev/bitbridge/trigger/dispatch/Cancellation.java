package dev.bitbridge.trigger.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.build.BuildState;
import dev.bitbridge.trigger.config.TriggerConfig;
import dev.bitbridge.trigger.jenkins.JenkinsClient;
import dev.bitbridge.trigger.jenkins.Located;
import dev.bitbridge.trigger.store.BuildRow;
import dev.bitbridge.trigger.store.OutboxRecord;
import dev.bitbridge.trigger.store.Transitions;
import dev.bitbridge.trigger.targets.ResolvedJob;
import dev.bitbridge.trigger.targets.TargetResolver;

/**
 * The {@link Claim.Action#CANCEL} action: tells Jenkins that a person cancelled a build, and says what to record. A
 * queued item is cancelled ({@code cancelItem}); a running build is stopped, and followed until Jenkins reports it
 * ABORTED; a dispatch whose answer was lost is looked for first, as recovery does (ADR 12), and when Jenkins has not
 * received it after the not-found grace it is STOPPED without being posted. The Jenkins calls are made under the
 * claim's lease, and the outcome recorded by {@link Dispatcher} only if the lease still holds.
 */
@ApplicationScoped
class Cancellation {

    private final TargetResolver targets;
    private final JenkinsClient jenkins;
    private final Transitions transitions;
    private final TriggerConfig config;
    private final Clock clock = Clock.systemUTC();

    Cancellation(TargetResolver targets, JenkinsClient jenkins, Transitions transitions, TriggerConfig config) {
        this.targets = targets;
        this.jenkins = jenkins;
        this.transitions = transitions;
        this.config = config;
    }

    /** @return the change to record; fails as a Jenkins call fails */
    Uni<Function<BuildRow, Optional<OutboxRecord>>> act(BuildRow build) {
        String who = build.cancelRequestedBy;
        if ("PENDING".equals(build.state)) {
            return Uni.createFrom().item(row -> transitions.reach(row, BuildState.STOPPED, "cancelled by " + who
                    + " before it was sent to Jenkins"));
        }
        BuildRequest request = transitions.requestOf(build);
        return targets.withJob(request, job -> switch (build.state) {
            case "DISPATCHING" -> jenkins.find(job.endpoint(), job.jobUrl(), job.job(), request.requestId())
                    .chain(found -> found.isEmpty() ? Uni.createFrom().item(notReceived(who))
                            : found.get().buildNumber() != null ? stop(job, found.get(), found.get().buildNumber())
                                    : cancelQueued(job, found.get().queueId(), who));
            case "QUEUED" -> cancelQueued(job, build.queueId, who);
            default -> stop(job, null, build.buildNumber);
        });
    }

    private Uni<Function<BuildRow, Optional<OutboxRecord>>> cancelQueued(ResolvedJob job, long queueId, String who) {
        return jenkins.cancelQueued(job.endpoint(), queueId).chain(cancelled -> {
            if (cancelled) {
                return Uni.createFrom().item(row -> {
                    located(row, job, queueId);
                    row.cancelSentAt = clock.instant();
                    return transitions.reach(row, BuildState.STOPPED, "cancelled by " + who + " (in the Jenkins"
                            + " queue)");
                });
            }
            // It left the queue meanwhile: stop the build it became.
            return jenkins.queueItem(job.endpoint(), queueId).chain(item -> {
                if (item.found() && item.buildNumber() != null) {
                    return stop(job, new Located(queueId, null), item.buildNumber());
                }
                return Uni.createFrom().item(row -> {
                    located(row, job, queueId);
                    if (item.found() && item.cancelled()) {
                        row.cancelSentAt = clock.instant();
                        return transitions.reach(row, BuildState.STOPPED, "cancelled by " + who + " (in the"
                                + " Jenkins queue)");
                    }
                    if (!item.found()) {
                        // Purged from Jenkins' memory: following finds its build by the request id, or reports it.
                        row.cancelSentAt = clock.instant();
                        row.cancelProblem = "Jenkins no longer knows queue item " + queueId + "; its build, if any,"
                                + " was not stopped";
                    }
                    row.nextActionAt = clock.instant().plus(config.tracking().initialInterval());
                    if ("QUEUED".equals(row.state)) {
                        return Optional.empty(); // known already: no second QUEUED record
                    }
                    return transitions.reach(row, BuildState.QUEUED, "queued in Jenkins as item " + queueId);
                });
            });
        });
    }

    /** Stops the build; following it then sees ABORTED (or the result it reached first). */
    private Uni<Function<BuildRow, Optional<OutboxRecord>>> stop(ResolvedJob job, Located found, int number) {
        Function<BuildRow, Optional<OutboxRecord>> change = row -> {
            row.cancelSentAt = clock.instant();
            row.attempts = 0;
            row.nextActionAt = clock.instant().plus(config.tracking().initialInterval());
            if (found == null) {
                return Optional.empty();
            }
            located(row, job, found.queueId());
            row.buildNumber = number;
            row.buildUrl = job.jobUrl() + number + "/";
            return transitions.reach(row, BuildState.INPROGRESS, "running as " + row.job + " #" + number);
        };
        return jenkins.stop(job.endpoint(), job.jobUrl(), job.job(), number).replaceWith(change);
    }

    /** Not in Jenkins: asked again after the grace (it may be between the queue and its build), then never posted. */
    private Function<BuildRow, Optional<OutboxRecord>> notReceived(String who) {
        return row -> {
            Instant now = clock.instant();
            if (row.notFoundAt == null || now.isBefore(row.notFoundAt.plus(config.dispatch().notFoundGrace()))) {
                Instant first = row.notFoundAt == null ? now : row.notFoundAt;
                row.notFoundAt = first;
                row.nextActionAt = first.plus(config.dispatch().notFoundGrace());
                return Optional.empty();
            }
            row.cancelSentAt = now;
            return transitions.reach(row, BuildState.STOPPED, "cancelled by " + who + "; Jenkins had not received"
                    + " it");
        };
    }

    /** Records where the build is in Jenkins, as a dispatch would have. */
    private void located(BuildRow row, ResolvedJob job, Long queueId) {
        if (row.queueId == null) {
            row.job = job.job();
            row.jobUrl = job.jobUrl();
            row.jenkinsUrl = job.endpoint().baseUrl();
            row.queueId = queueId;
            row.notFoundAt = null;
            row.giveUpAt = clock.instant().plus(config.tracking().giveUpAfter());
        }
    }
}
