package dev.bitbridge.trigger.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import dev.bitbridge.platform.lifecycle.FatalErrors;
import dev.bitbridge.platform.work.SinglePass;

/**
 * Looks for due schedules every {@code schedules.poll-interval} and fires each, every one on a context of its own.
 * Replicas share the work through {@link DueSchedules}: a schedule is taken by one of them at a time.
 */
@ApplicationScoped
public class SchedulePoller {

    private static final Logger LOG = Logger.getLogger(SchedulePoller.class);

    private final DueSchedules due;
    private final SlotFiring firing;
    private final FatalErrors fatalErrors;
    private final Vertx vertx;
    private final SinglePass passes;
    private final Clock clock = Clock.systemUTC();

    SchedulePoller(DueSchedules due, SlotFiring firing, FatalErrors fatalErrors, Vertx vertx) {
        this.due = due;
        this.firing = firing;
        this.fatalErrors = fatalErrors;
        this.vertx = vertx;
        this.passes = new SinglePass("schedule", this::pass, vertx);
    }

    /** @return what is wrong with the schedule loop (a pass hangs, or passes stopped); empty when nothing is */
    public Optional<String> problem(Duration stuckAfter, Duration silentAfter) {
        return passes.problem(stuckAfter, silentAfter);
    }

    @Scheduled(every = "${bitbridge.trigger.schedules.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return passes.run();
    }

    Uni<Void> pass() {
        return due.claim(clock.instant())
                .chain(claims -> {
                    if (claims.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    List<Uni<Void>> firings = claims.stream().map(claim -> SinglePass.isolated(vertx,
                            () -> firing.fire(claim).onFailure().recoverWithItem(failure -> {
                                if (failure instanceof Error error) {
                                    fatalErrors.handle("firing schedule " + claim.schedule().id, error);
                                } else {
                                    LOG.errorf(failure, "Schedule %s could not be fired; it is taken again when its"
                                            + " lease runs out", claim.schedule().id);
                                }
                                return null;
                            }))).toList();
                    return Uni.join().all(firings).andCollectFailures().replaceWithVoid();
                })
                .onFailure(Error.class).invoke(error -> fatalErrors.handle("a schedule pass", (Error) error))
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf(failure, "A schedule pass failed; the schedules it took are taken again when their"
                            + " lease runs out");
                    return null;
                });
    }
}
