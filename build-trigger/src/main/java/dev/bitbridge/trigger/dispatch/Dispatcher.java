package dev.bitbridge.trigger.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.build.BuildState;
import dev.bitbridge.platform.lifecycle.FatalErrors;
import dev.bitbridge.platform.work.SinglePass;
import dev.bitbridge.trigger.config.TriggerConfig;
import dev.bitbridge.trigger.jenkins.BuildStatus;
import dev.bitbridge.trigger.jenkins.JenkinsClient;
import dev.bitbridge.trigger.jenkins.JenkinsException;
import dev.bitbridge.trigger.jenkins.Located;
import dev.bitbridge.trigger.jenkins.QueueItemState;
import dev.bitbridge.trigger.outbox.BuildEventPublisher;
import dev.bitbridge.trigger.store.BuildRow;
import dev.bitbridge.trigger.store.BuildStore;
import dev.bitbridge.trigger.store.OutboxRecord;
import dev.bitbridge.trigger.store.Transitions;
import dev.bitbridge.trigger.targets.ResolvedJob;
import dev.bitbridge.trigger.targets.TargetResolver;

/**
 * Moves builds along (ADR 12): dispatches pending ones, recovers dispatches that went unanswered by looking for them
 * before posting again, follows queued and running ones to their result, polling each with a growing interval, and
 * cancels what a person cancelled ({@link Cancellation}). Every outcome is recorded in its own transaction, only if no
 * other replica took the build over meanwhile.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final DueBuilds due;
    private final TargetResolver targets;
    private final JenkinsClient jenkins;
    private final Transitions transitions;
    private final TriggerConfig config;
    private final MeterRegistry meters;
    private final FatalErrors fatalErrors;
    private final Clock clock = Clock.systemUTC();
    private final SinglePass passes;
    private final Vertx vertx;
    private final BuildEventPublisher publisher;
    private final Cancellation cancellation;
    private final JenkinsGate gate;
    private final BuildStore builds;
    private final Pool pool;

    Dispatcher(DueBuilds due, TargetResolver targets, JenkinsClient jenkins, Transitions transitions,
            TriggerConfig config, MeterRegistry meters, FatalErrors fatalErrors, Vertx vertx,
            BuildEventPublisher publisher, Cancellation cancellation, BuildStore builds, Pool pool) {
        this.builds = builds;
        this.pool = pool;
        this.cancellation = cancellation;
        this.vertx = vertx;
        this.passes = new SinglePass("dispatch", this::pass, vertx);
        this.publisher = publisher;
        this.due = due;
        this.targets = targets;
        this.jenkins = jenkins;
        this.transitions = transitions;
        this.config = config;
        this.meters = meters;
        this.fatalErrors = fatalErrors;
        this.gate = new JenkinsGate(config.dispatch().backoff(), config.dispatch().maxBackoff());
    }

    /**
     * Runs a pass now: a request was just stored, and waiting for the next scheduled pass would add up to a second to
     * its way to Jenkins.
     */
    public void wake() {
        passes.wake();
    }

    /** @return what is wrong with the dispatch loop (a pass hangs, or passes stopped); empty when nothing is */
    public Optional<String> problem(Duration stuckAfter, Duration silentAfter) {
        return passes.problem(stuckAfter, silentAfter);
    }

    /** The fallback: builds whose next action comes due (polls, backoffs, recoveries) are found by this pass. */
    @Scheduled(every = "${bitbridge.trigger.dispatch.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return passes.run();
    }

    Uni<Void> pass() {
        return due.claim(clock.instant())
                .chain(claims -> {
                    if (claims.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    List<Uni<Void>> actions = new ArrayList<>();
                    claims.forEach(claim -> actions.add(SinglePass.isolated(vertx, () -> act(claim))));
                    Uni<Void> all = Uni.join().all(actions).andCollectFailures().replaceWithVoid();
                    // A full batch: more builds may be due. Run again when this pass ends rather than at the next
                    // scheduled pass, which would leave a backlog waiting up to poll-interval between batches.
                    return claims.size() < config.dispatch().batchSize() ? all : all.eventually(passes::wake);
                })
                .onFailure(Error.class).invoke(error -> fatalErrors.handle("a dispatch pass", (Error) error))
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf(failure, "A dispatch pass failed; the builds it took are taken again when their lease"
                            + " runs out");
                    return null;
                });
    }

    /**
     * Acts on the build as the claim returned it, leased: what the actions read of it (the request, where it is in
     * Jenkins, its deadlines, who cancelled) changes only under the lease, which is this action's.
     */
    private Uni<Void> act(Claim claim) {
        BuildRow build = claim.build();
        return Uni.createFrom().deferred(() -> switch (claim.action()) {
            case DISPATCH -> dispatch(claim, build);
            case RECOVER -> recover(claim, build);
            case FOLLOW -> follow(claim, build);
            case CANCEL -> cancel(claim, build);
        });
    }

    private Uni<Void> dispatch(Claim claim, BuildRow build) {
        BuildRequest request = transitions.requestOf(build);
        return targets.withJob(request, job -> gated(job, () -> jenkins.trigger(job.endpoint(), job.jobUrl(),
                job.job(), targets.parameters(job.target(), request)))
                .invoke(() -> meters.counter("bitbridge.trigger.dispatches", "outcome", "queued").increment())
                .chain(queueId -> record(claim, row -> {
                    row.job = job.job();
                    row.jobUrl = job.jobUrl();
                    row.jenkinsUrl = job.endpoint().baseUrl();
                    row.queueId = queueId;
                    row.attempts = 0;
                    row.notFoundAt = null;
                    row.giveUpAt = clock.instant().plus(config.tracking().giveUpAfter());
                    row.nextActionAt = clock.instant().plus(config.tracking().initialInterval());
                    return transitions.reach(row, BuildState.QUEUED, "queued in Jenkins as item " + queueId);
                })))
                .onFailure().recoverWithUni(failure -> failed(claim, build, failure));
    }

    private Uni<Void> recover(Claim claim, BuildRow build) {
        BuildRequest request = transitions.requestOf(build);
        return targets.withJob(request, job -> gated(job, () -> jenkins.find(job.endpoint(), job.jobUrl(),
                job.job(), request.requestId()))
                .chain(found -> found.isPresent() ? adopt(claim, job, found.get())
                        : notFound(claim, build, job, request)))
                .onFailure().recoverWithUni(failure -> failed(claim, build, failure));
    }

    private Uni<Void> adopt(Claim claim, ResolvedJob job, Located found) {
        LOG.infof("Build %s was found in Jenkins (%s): it is followed, not posted again", claim.requestId(), found);
        meters.counter("bitbridge.trigger.dispatches", "outcome", "recovered").increment();
        return record(claim, row -> {
            row.job = job.job();
            row.jobUrl = job.jobUrl();
            row.jenkinsUrl = job.endpoint().baseUrl();
            row.queueId = found.queueId();
            row.attempts = 0;
            row.giveUpAt = clock.instant().plus(config.tracking().giveUpAfter());
            row.nextActionAt = clock.instant();
            if (found.buildNumber() != null) {
                row.buildNumber = found.buildNumber();
                row.buildUrl = job.jobUrl() + found.buildNumber() + "/";
                return transitions.reach(row, BuildState.INPROGRESS, "found running in Jenkins after a lost answer");
            }
            return transitions.reach(row, BuildState.QUEUED, "found queued in Jenkins after a lost answer");
        });
    }

    private Uni<Void> notFound(Claim claim, BuildRow build, ResolvedJob job, BuildRequest request) {
        Instant now = clock.instant();
        if (build.notFoundAt == null || now.isBefore(build.notFoundAt.plus(config.dispatch().notFoundGrace()))) {
            Instant first = build.notFoundAt == null ? now : build.notFoundAt;
            return record(claim, row -> {
                row.notFoundAt = first;
                row.nextActionAt = first.plus(config.dispatch().notFoundGrace());
                return Optional.empty();
            });
        }
        LOG.infof("Build %s is not in Jenkins after a lost answer; posting it again", claim.requestId());
        return record(claim, row -> {
            row.notFoundAt = null;
            row.state = "PENDING";
            row.nextActionAt = now;
            return Optional.empty();
        });
    }

    private Uni<Void> follow(Claim claim, BuildRow build) {
        BuildRequest request = transitions.requestOf(build);
        return targets.withJob(request, job -> {
            if (build.buildNumber != null) {
                return gated(job, () -> jenkins.build(job.endpoint(), build.jobUrl, build.job, build.buildNumber))
                        .chain(status -> running(claim, status));
            }
            return gated(job, () -> jenkins.queueItem(job.endpoint(), build.queueId))
                    .chain(item -> queued(claim, job, request, item));
        }).onFailure().recoverWithUni(failure -> failed(claim, build, failure));
    }

    private Uni<Void> queued(Claim claim, ResolvedJob job, BuildRequest request, QueueItemState item) {
        if (item.found() && item.cancelled()) {
            return record(claim, row -> transitions.reach(row, BuildState.STOPPED, row.cancelRequestedBy == null
                    ? "cancelled in the Jenkins queue"
                    : "cancelled by " + row.cancelRequestedBy + " (in the Jenkins queue)"));
        }
        if (item.found() && item.buildNumber() != null) {
            return started(claim, job, item.buildNumber());
        }
        if (item.found()) {
            return record(claim, row -> later(row, false));
        }
        // Left the queue more than five minutes ago (or Jenkins restarted): find its build by the request id.
        return gated(job, () -> jenkins.find(job.endpoint(), job.jobUrl(), job.job(), request.requestId()))
                .chain(found -> {
                    if (found.isPresent() && found.get().buildNumber() != null) {
                        return started(claim, job, found.get().buildNumber());
                    }
                    return record(claim, row -> transitions.reach(row, BuildState.FAILED, "Jenkins no longer knows queue"
                            + " item " + row.queueId + " and no build of " + row.job + " carries this request (Jenkins"
                            + " restarted, or the item was removed)"));
                });
    }

    private Uni<Void> started(Claim claim, ResolvedJob job, int number) {
        return record(claim, row -> {
            row.buildNumber = number;
            row.buildUrl = row.jobUrl + number + "/";
            row.attempts = 0;
            row.nextActionAt = clock.instant().plus(config.tracking().initialInterval());
            return transitions.reach(row, BuildState.INPROGRESS, "running as " + row.job + " #" + number);
        });
    }

    private Uni<Void> running(Claim claim, BuildStatus status) {
        if (!status.finished()) {
            return record(claim, row -> later(row, false));
        }
        return record(claim, row -> {
            row.result = status.result();
            row.durationMs = status.durationMillis();
            BuildState state = switch (status.result() == null ? "" : status.result()) {
                case "SUCCESS" -> BuildState.SUCCESSFUL;
                case "UNSTABLE", "FAILURE" -> BuildState.FAILED;
                default -> BuildState.STOPPED; // ABORTED, NOT_BUILT
            };
            String jenkinsSaid = "Jenkins: " + (status.result() == null ? "no result" : status.result());
            return transitions.reach(row, state, state == BuildState.STOPPED && row.cancelRequestedBy != null
                    ? "cancelled by " + row.cancelRequestedBy + " (" + jenkinsSaid + ")"
                    : jenkinsSaid);
        });
    }

    /** Nothing changed: poll again later, a little later each time. */
    private Optional<OutboxRecord> later(BuildRow row, boolean failed) {
        row.attempts++;
        Duration initial = failed ? config.dispatch().backoff() : config.tracking().initialInterval();
        Duration max = failed ? config.dispatch().maxBackoff() : config.tracking().maxInterval();
        long millis = (long) Math.min(max.toMillis(), initial.toMillis() * Math.pow(1.5, Math.min(row.attempts, 30)));
        row.nextActionAt = clock.instant().plusMillis(millis);
        if (!failed) {
            row.giveUpAt = clock.instant().plus(config.tracking().giveUpAfter());
        }
        return Optional.empty();
    }

    /**
     * A call to the job's Jenkins through the {@link JenkinsGate}: made now, or failed with {@link JenkinsGate.Held}
     * while that Jenkins is being waited for; its outcome tells the gate whether Jenkins answered.
     */
    private <T> Uni<T> gated(ResolvedJob job, Supplier<Uni<T>> call) {
        String server = job.endpoint().baseUrl();
        Instant now = clock.instant();
        if (!gate.enter(server, now)) {
            return Uni.createFrom().failure(new JenkinsGate.Held(server, gate.retryAt(server, now)));
        }
        return Uni.createFrom().<T> deferred(call::get)
                .onItem().invoke(() -> gate.answered(server))
                .onFailure().invoke(failure -> {
                    if (failure instanceof JenkinsException jenkinsFailure) {
                        if (jenkinsFailure.transientFailure()) {
                            gate.failed(server, clock.instant());
                        } else {
                            gate.answered(server); // Jenkins refused: it is there
                        }
                    } else {
                        gate.undecided(server);
                    }
                });
    }

    private Uni<Void> failed(Claim claim, BuildRow build, Throwable failure) {
        if (failure instanceof Error error) {
            fatalErrors.handle("dispatching build " + claim.requestId(), error);
            return Uni.createFrom().nothing();
        }
        if (failure instanceof JenkinsGate.Held held) {
            // Nothing was sent: the build waits with its Jenkins, up to its own deadline.
            if (clock.instant().isAfter(giveUpAt(build))) {
                return record(claim, row -> transitions.reach(row, BuildState.FAILED, "Jenkins could not be reached"
                        + " until the deadline; " + held.getMessage()));
            }
            return record(claim, row -> {
                if (claim.action() == Claim.Action.DISPATCH) {
                    row.state = "PENDING";
                    row.dispatchStartedAt = null;
                    row.attempts = Math.max(0, row.attempts - 1);
                }
                row.nextActionAt = held.retryAt();
                return Optional.empty();
            });
        }
        if (waitable(failure)) {
            if (clock.instant().isAfter(giveUpAt(build))) {
                return record(claim, row -> transitions.reach(row, BuildState.FAILED, "Jenkins could not be reached"
                        + " until the deadline; last: " + failure.getMessage()));
            }
            LOG.warnf("Build %s: %s; trying again later", claim.requestId(), failure.getMessage());
            return record(claim, row -> {
                if (claim.action() == Claim.Action.DISPATCH && failure instanceof JenkinsException refused
                        && refused.notReceived()) {
                    row.state = "PENDING"; // Jenkins did not take the POST: there is nothing to look for
                    row.dispatchStartedAt = null;
                } else if (claim.action() == Claim.Action.DISPATCH) {
                    row.dispatchStartedAt = clock.instant(); // the POST may have arrived: recovery looks first
                }
                return later(row, true);
            });
        }
        meters.counter("bitbridge.trigger.dispatches", "outcome", "refused").increment();
        return record(claim, row -> transitions.reach(row, BuildState.FAILED, failure.getMessage()));
    }

    /**
     * A cancel requested while another action held the lease is acted on once that action's outcome is known. A
     * cancel that failed: waited out like any call while Jenkins is away; refused by Jenkins (no Job/Cancel
     * permission, the job gone), the build goes on and is followed, with the refusal kept in {@code cancel_problem}.
     */
    private Uni<Void> cancel(Claim claim, BuildRow build) {
        return cancellation.act(build)
                .chain(change -> record(claim, change))
                .onFailure().recoverWithUni(failure -> {
                    if ("DISPATCHING".equals(build.state) || failure instanceof Error || waitable(failure)) {
                        return failed(claim, build, failure);
                    }
                    LOG.warnf("Build %s could not be cancelled: %s; it is followed to its end", claim.requestId(),
                            failure.getMessage());
                    return record(claim, row -> {
                        row.cancelSentAt = clock.instant();
                        row.cancelProblem = failure.getMessage();
                        row.nextActionAt = clock.instant();
                        return Optional.empty();
                    });
                });
    }

    private Instant giveUpAt(BuildRow build) {
        return build.giveUpAt != null ? build.giveUpAt : build.createdAt.plus(config.dispatch().giveUpAfter());
    }

    private static boolean waitable(Throwable failure) {
        return failure instanceof JenkinsException jenkins && jenkins.transientFailure()
                || !(failure instanceof JenkinsException || failure instanceof TargetResolver.Unresolvable);
    }

    /**
     * Applies {@code change} to the row, only if it is still this replica's lease, and ends the lease; the row and the
     * records of its transitions are written in one statement. First on the row as it was leased, written only if
     * nothing changed it meanwhile ({@link BuildStore#writeIfLeased}: one statement, no lock taken first — the common
     * case); when something did, the row is read again under its lock ({@code FOR UPDATE}) and the change applied to
     * what it holds now, in one transaction: dropped if another replica took the row over, followed by the cancel if
     * one was asked for meanwhile.
     */
    private Uni<Void> record(Claim claim, Function<BuildRow, Optional<OutboxRecord>> change) {
        Uni<Boolean> written = claim.build().cancelRequestedBy != null ? Uni.createFrom().item(false)
                : Uni.createFrom().deferred(() -> {
                    BuildRow row = claim.build().copy();
                    List<OutboxRecord> records = changed(row, change);
                    return builds.writeIfLeased(row, claim.lease(), records);
                });
        return written.chain(done -> done ? Uni.createFrom().item(false) : recordLocked(claim, change))
                .invoke(publisher::wake)
                .invoke(cancelNow -> {
                    if (cancelNow) {
                        wake();
                    }
                })
                .replaceWithVoid();
    }

    /** @return whether a cancel asked for meanwhile is due now */
    private Uni<Boolean> recordLocked(Claim claim, Function<BuildRow, Optional<OutboxRecord>> change) {
        return pool.withTransaction(connection -> builds.lock(connection, claim.requestId()).chain(row -> {
            if (row == null || !claim.lease().equals(row.nextActionAt)) {
                LOG.debugf("Build %s was taken over meanwhile; its outcome here is dropped", claim.requestId());
                return Uni.createFrom().item(false);
            }
            List<OutboxRecord> records = changed(row, change);
            boolean cancelNow = cancelRequested(claim, row, records);
            return builds.write(connection, row, records).replaceWith(cancelNow);
        }));
    }

    /** Ends the lease on {@code row} and applies {@code change}: @return the records of its transitions */
    private List<OutboxRecord> changed(BuildRow row, Function<BuildRow, Optional<OutboxRecord>> change) {
        row.updatedAt = clock.instant();
        row.leasedUntil = null;
        List<OutboxRecord> records = new ArrayList<>(1);
        change.apply(row).ifPresent(records::add);
        return records;
    }

    /**
     * A cancel was asked for while this action held the lease (the API left the row alone): a build that is to be
     * posted again is STOPPED without a call; any other is due for {@link Claim.Action#CANCEL} at once.
     *
     * @param records where the STOPPED record goes
     * @return whether the cancel is due now
     */
    private boolean cancelRequested(Claim claim, BuildRow row, List<OutboxRecord> records) {
        if (row.cancelRequestedBy == null || row.cancelSentAt != null || Transitions.isFinal(row.state)
                || claim.action() == Claim.Action.CANCEL) {
            return false;
        }
        if ("PENDING".equals(row.state)) {
            transitions.reach(row, BuildState.STOPPED, "cancelled by " + row.cancelRequestedBy
                    + " before it was sent to Jenkins").ifPresent(records::add);
            return false;
        }
        row.nextActionAt = clock.instant();
        return true;
    }
}
