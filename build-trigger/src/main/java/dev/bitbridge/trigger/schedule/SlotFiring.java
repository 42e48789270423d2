package dev.bitbridge.trigger.schedule;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.trigger.branches.BranchHeadException;
import dev.bitbridge.trigger.branches.BranchHeads;
import dev.bitbridge.trigger.config.TriggerConfig;
import dev.bitbridge.trigger.dispatch.Dispatcher;
import dev.bitbridge.trigger.requests.RequestStore;

/**
 * Fires one taken schedule (ADR 13): plans which slot to build ({@link SlotPlanner}), reads its branch's head through
 * the connector, then — in one transaction, only if the lease and revision are still the ones taken — stores the
 * build request ({@link RequestStore}: reason {@code schedule}, kind {@code schedule/<id>/<slot>}) and moves the
 * schedule past the slot. The connector away: the slot waits, tried again with backoff. The branch unknown: the slot
 * is skipped, and the reason recorded on the schedule.
 */
@ApplicationScoped
public class SlotFiring {

    private static final Logger LOG = Logger.getLogger(SlotFiring.class);

    private final BranchHeads heads;
    private final RequestStore requests;
    private final Dispatcher dispatcher;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final TriggerConfig.Schedules config;
    private final SlotPlanner planner;
    private final ScheduleStore schedules;
    private final Pool pool;
    private final Clock clock = Clock.systemUTC();

    SlotFiring(BranchHeads heads, RequestStore requests, Dispatcher dispatcher, ObjectMapper json,
            MeterRegistry meters, TriggerConfig config, ScheduleStore schedules, Pool pool) {
        this.schedules = schedules;
        this.pool = pool;
        this.heads = heads;
        this.requests = requests;
        this.dispatcher = dispatcher;
        this.json = json;
        this.meters = meters;
        this.config = config.schedules();
        this.planner = new SlotPlanner(this.config.lateAfter(), this.config.catchUpWindow());
    }

    Uni<Void> fire(ScheduleClaim claim) {
        ScheduleRow schedule = claim.schedule();
        Slots slots = new Slots(ScheduleCron.parse(schedule.cron), ZoneId.of(schedule.timeZone));
        MissedSlotPolicy policy = MissedSlotPolicy.of(schedule.missedSlots).orElse(MissedSlotPolicy.LATEST);
        SlotPlan plan = planner.plan(slots, schedule.nextSlotAt, schedule.attempts > 0, policy, clock.instant());
        if (plan.fire() == null) {
            return record(claim, row -> {
                skipped(row, plan);
                advance(row, plan.next());
                return Uni.createFrom().voidItem();
            });
        }
        return heads.head(schedule.integration, schedule.repository, schedule.branch)
                .chain(head -> {
                    BuildRequest request = ScheduledRequests.of(schedule, plan.fire(), head.commit(), slots.zone(), json);
                    return record(claim, (connection, row) -> build(connection, row, plan, request)).invoke(stored -> {
                        if (stored != null) { // committed: the slot is built (or was already)
                            meters.counter("bitbridge.trigger.schedule.slots", "outcome", stored ? "built"
                                    : "duplicate").increment();
                            LOG.infof("Schedule %s: slot %s%s builds %s of %s at %s (request %s)", schedule.id,
                                    plan.fire(), plan.catchUp() ? " (missed, caught up)" : "", schedule.branch,
                                    schedule.repository, head.commit(), request.requestId());
                            dispatcher.wake();
                        }
                    });
                })
                .replaceWithVoid()
                .onFailure(BranchHeadException.class)
                .recoverWithUni(failure -> record(claim, row -> notBuilt(row, plan, (BranchHeadException) failure)))
                .replaceWithVoid();
    }

    /** Stores the slot's request and moves the schedule past it, in the caller's transaction (its connection). */
    private Uni<Boolean> build(SqlClient connection, ScheduleRow row, SlotPlan plan, BuildRequest request) {
        String body;
        try {
            body = json.writeValueAsString(request);
        } catch (IOException e) {
            return Uni.createFrom().failure(new IllegalStateException("A scheduled build request could not be"
                    + " written", e));
        }
        return requests.accept(connection, request, body).invoke(() -> {
            skipped(row, plan);
            row.lastSlotAt = plan.fire();
            row.lastRequestId = request.requestId();
            row.lastFiredAt = clock.instant();
            advance(row, plan.next());
        });
    }

    private Uni<Void> notBuilt(ScheduleRow row, SlotPlan plan, BranchHeadException failure) {
        skipped(row, plan);
        Instant slot = plan.fire();
        if (failure.kind() == BranchHeadException.Kind.UNAVAILABLE) {
            boolean first = row.attempts == 0 || !slot.equals(row.nextSlotAt);
            row.attempts = first ? 1 : row.attempts + 1;
            row.nextSlotAt = slot;
            Instant retry = clock.instant().plus(backoff(row.attempts));
            row.dueAt = plan.next() != null && plan.next().isBefore(retry) ? plan.next() : retry;
            note(row, slot, "waiting for the connector (attempt " + row.attempts + ", next at " + row.dueAt + "): "
                    + failure.getMessage());
            meters.counter("bitbridge.trigger.schedule.slots", "outcome", "waiting").increment();
            if (first) {
                LOG.warnf("Schedule %s: slot %s waits for the connector, tried again with backoff until the next"
                        + " slot: %s", row.id, slot, failure.getMessage());
            } else {
                LOG.debugf("Schedule %s: slot %s still waits for the connector: %s", row.id, slot,
                        failure.getMessage());
            }
            return Uni.createFrom().voidItem();
        }
        String why = "not built: " + failure.getMessage();
        if (why.equals(row.lastError)) {
            LOG.debugf("Schedule %s: slot %s %s", row.id, slot, why);
        } else {
            LOG.warnf("Schedule %s: slot %s %s (said once; the schedule's lastError keeps it)", row.id, slot, why);
        }
        meters.counter("bitbridge.trigger.schedule.slots", "outcome", "skipped").increment();
        note(row, slot, why);
        advance(row, plan.next());
        return Uni.createFrom().voidItem();
    }

    /** Slots the plan does not build: said on the schedule, and in the log. */
    private void skipped(ScheduleRow row, SlotPlan plan) {
        if (plan.skipped() != null) {
            LOG.infof("Schedule %s: %s", row.id, plan.skipped());
            meters.counter("bitbridge.trigger.schedule.slots", "outcome", "missed").increment();
            note(row, plan.skippedFrom(), plan.skipped());
        }
    }

    private void note(ScheduleRow row, Instant slot, String why) {
        row.lastError = why;
        row.lastErrorSlot = slot;
        row.lastErrorAt = clock.instant();
    }

    private static void advance(ScheduleRow row, Instant next) {
        row.nextSlotAt = next;
        row.dueAt = next;
        row.attempts = 0;
        if (next == null) {
            row.lastError = "the cron expression matches no later time: the schedule will not fire again";
            row.lastErrorSlot = null;
        }
    }

    private Duration backoff(int attempts) {
        long millis = config.backoff().toMillis() << Math.min(attempts - 1, 20);
        return Duration.ofMillis(Math.min(millis, config.maxBackoff().toMillis()));
    }

    /**
     * Applies {@code change} to the row, only if it is still this replica's lease and nobody changed it meanwhile.
     *
     * @return what the change gave, once committed; null when the row had moved on and nothing was changed
     */
    private <T> Uni<T> record(ScheduleClaim claim, Function<ScheduleRow, Uni<T>> change) {
        return record(claim, (connection, row) -> change.apply(row));
    }

    /**
     * Applies {@code change} to the row under its lock ({@code FOR UPDATE}), only if it is still this replica's lease
     * and nobody changed it meanwhile, and writes the row, in one transaction; the change may write more on the
     * transaction's connection (the slot's build request).
     *
     * @return what the change gave, once committed; null when the row had moved on and nothing was changed
     */
    private <T> Uni<T> record(ScheduleClaim claim, BiFunction<SqlClient, ScheduleRow, Uni<T>> change) {
        String id = claim.schedule().id;
        return pool.withTransaction(connection -> schedules.lock(connection, id).chain(row -> {
            if (row == null || row.revision != claim.schedule().revision || !claim.lease().equals(row.dueAt)) {
                LOG.debugf("Schedule %s was changed or taken over meanwhile; this firing is dropped", id);
                return Uni.createFrom().<T> nullItem();
            }
            return change.apply(connection, row).call(() -> schedules.update(connection, row));
        }));
    }
}
