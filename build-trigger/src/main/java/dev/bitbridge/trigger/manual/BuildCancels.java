package dev.bitbridge.trigger.manual;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import dev.bitbridge.api.ApiError.FieldProblem;
import dev.bitbridge.api.ApiException;
import dev.bitbridge.events.build.BuildState;
import dev.bitbridge.trigger.dispatch.Dispatcher;
import dev.bitbridge.trigger.outbox.BuildEventPublisher;
import dev.bitbridge.trigger.store.BuildEntity;
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
    private final Clock clock = Clock.systemUTC();

    BuildCancels(Transitions transitions, BuildViews views, Dispatcher dispatcher, BuildEventPublisher publisher) {
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
        return Panache.withTransaction(() -> BuildEntity.<BuildEntity> findById(requestId,
                LockModeType.PESSIMISTIC_WRITE).chain(row -> {
                    if (row == null) {
                        return Uni.createFrom().failure(ApiException.notFound("No build has the id '" + requestId
                                + "'"));
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
                    if ("PENDING".equals(row.state)) {
                        return transitions.reach(row, BuildState.STOPPED, "cancelled by " + body.requestedBy()
                                + " before it was sent to Jenkins").replaceWith(row);
                    }
                    if (row.leasedUntil == null || !row.leasedUntil.isAfter(now)) {
                        row.nextActionAt = now; // idle until its next poll or retry: due now
                    }
                    return Uni.createFrom().item(row);
                }))
                .invoke(row -> {
                    publisher.wake();
                    dispatcher.wake();
                })
                .map(row -> new Outcome(views.view(row), Transitions.isFinal(row.state)));
    }
}
