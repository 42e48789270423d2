package dev.bitbridge.trigger.manual;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.bitbridge.api.ApiError.FieldProblem;
import dev.bitbridge.api.ApiException;
import dev.bitbridge.events.build.BuildState;
import dev.bitbridge.trigger.dispatch.Dispatcher;
import dev.bitbridge.trigger.outbox.BuildEventPublisher;
import dev.bitbridge.trigger.store.BuildStore;
import dev.bitbridge.trigger.store.OutboxRecord;
import dev.bitbridge.trigger.store.Transitions;

/**
 * A person cancelling a build. Recorded at once, under the row's lock; what happens next depends on where the build
 * is: not sent to Jenkins yet (PENDING) — STOPPED here, no Jenkins call; otherwise the dispatcher cancels the queue
 * item or stops the build ({@code Claim.Action.CANCEL}). A row a dispatcher is acting on (its lease) is not touched
 * beyond the request: the dispatcher acts on it as soon as it has recorded its own outcome (ADR 12's fencing). Asking
 * again answers as the first time, with no second Jenkins call.
 */
@ApplicationScoped
class BuildCancels {

    /** @param done whether the build is final now (200), or the cancel is under way (202) */
    record Outcome(BuildView build, boolean done) {
    }

    private final Transitions transitions;
    private final BuildViews views;
    private final Dispatcher dispatcher;
    private final BuildEventPublisher publisher;
    private final BuildStore builds;
    private final Pool pool;
    private final Clock clock = Clock.systemUTC();

    BuildCancels(Transitions transitions, BuildViews views, Dispatcher dispatcher, BuildEventPublisher publisher,
            BuildStore builds, Pool pool) {
        this.builds = builds;
        this.pool = pool;
        this.transitions = transitions;
        this.views = views;
        this.dispatcher = dispatcher;
        this.publisher = publisher;
    }

    Uni<Outcome> cancel(String requestId, CancelRequest body) {
        if (body == null) {
            throw ApiException.invalid("body", "is missing: send {\"requestedBy\": \"<who cancels>\"}");
        }
        List<FieldProblem> problems = ManualBuildValidator.problems(body);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return pool.withTransaction(connection -> builds.lock(connection, requestId).chain(row -> {
            if (row == null) {
                return Uni.createFrom().failure(ApiException.notFound("No build has the id '" + requestId + "'"));
            }
            if (row.cancelRequestedBy != null) {
                return Uni.createFrom().item(row); // asked before: the same outcome
            }
            if (Transitions.isFinal(row.state)) {
                return Uni.createFrom().failure(ApiException.conflict("Build " + requestId + " is already "
                        + row.state + " (" + row.reason + "): there is nothing to cancel"));
            }
            Instant now = clock.instant();
            row.cancelRequestedBy = body.requestedBy();
            row.cancelRequestedAt = now;
            row.updatedAt = now;
            List<OutboxRecord> records = new ArrayList<>(1);
            if ("PENDING".equals(row.state)) {
                transitions.reach(row, BuildState.STOPPED, "cancelled by " + body.requestedBy()
                        + " before it was sent to Jenkins").ifPresent(records::add);
            } else if (row.leasedUntil == null || !row.leasedUntil.isAfter(now)) {
                row.nextActionAt = now; // idle until its next poll or retry: due now
            }
            return builds.write(connection, row, records).replaceWith(row);
        }))
                .invoke(row -> {
                    publisher.wake();
                    dispatcher.wake();
                })
                .map(row -> new Outcome(views.view(row), Transitions.isFinal(row.state)));
    }
}
