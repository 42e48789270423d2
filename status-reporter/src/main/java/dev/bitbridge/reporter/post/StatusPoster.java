package dev.bitbridge.reporter.post;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import dev.bitbridge.platform.lifecycle.FatalErrors;
import dev.bitbridge.platform.work.SinglePass;
import dev.bitbridge.reporter.config.ReporterConfig;
import dev.bitbridge.reporter.statuses.StatusStore;
import dev.bitbridge.reporter.statuses.TrackedStatus;

/**
 * Posts due statuses (ADR 14): takes a batch, leased, and asks the connector to post each, concurrently; then records
 * each outcome while the lease still holds. A status that went through is done unless a newer state came meanwhile. One
 * that may go through later waits with its whole integration ({@link IntegrationGate}) and gives up after
 * {@code retry.give-up-after}; one Bitbucket refused goes to the dead letters with the reason. Runs when a new state
 * is stored ({@link #wake()}) and every {@code post.poll-interval}.
 */
@ApplicationScoped
public class StatusPoster {

    private static final Logger LOG = Logger.getLogger(StatusPoster.class);

    private final StatusStore store;
    private final ConnectorStatuses connector;
    private final DeadLetterPublisher deadLetters;
    private final ReporterConfig config;
    private final MeterRegistry meters;
    private final FatalErrors fatalErrors;
    private final IntegrationGate gate;
    private final SinglePass passes;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Instant> lastPassEnded = new AtomicReference<>(Instant.now());
    private final AtomicReference<Instant> passStarted = new AtomicReference<>();

    StatusPoster(StatusStore store, ConnectorStatuses connector, DeadLetterPublisher deadLetters,
            ReporterConfig config, MeterRegistry meters, FatalErrors fatalErrors, Vertx vertx) {
        this.store = store;
        this.connector = connector;
        this.deadLetters = deadLetters;
        this.config = config;
        this.meters = meters;
        this.fatalErrors = fatalErrors;
        this.gate = new IntegrationGate(config.retry().initialBackoff(), config.retry().maxBackoff(),
                config.retry().rateLimitPause());
        this.passes = new SinglePass("status", this::pass, vertx);
    }

    /** A new state was stored: post it now rather than at the next scheduled pass. */
    public void wake() {
        passes.wake();
    }

    @Scheduled(every = "${bitbridge.reporter.post.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return passes.run();
    }

    /** @return when the last pass ended, and when the one running started (null when none runs), for liveness */
    public Instant lastPassEnded() {
        return lastPassEnded.get();
    }

    public Optional<Instant> passRunningSince() {
        return Optional.ofNullable(passStarted.get());
    }

    /** @return the integrations whose statuses wait, for readiness data and tests */
    public Set<String> waiting() {
        return gate.closed();
    }

    Uni<Void> pass() {
        Instant now = clock.instant();
        passStarted.set(now);
        Instant leaseUntil = now.plus(config.post().lease());
        int batch = config.post().batchSize();
        List<Uni<List<TrackedStatus>>> claims = new ArrayList<>();
        claims.add(store.claim(now, leaseUntil, batch, gate.closed(), Optional.empty()));
        for (String integration : gate.probesDue(now)) {
            gate.probing(integration);
            claims.add(store.claim(now, leaseUntil, 1, Set.of(), Optional.of(integration)).invoke(probe -> {
                if (probe.isEmpty()) {
                    gate.opened(integration); // nothing of it waits any more
                }
            }).onFailure().invoke(failure -> gate.probeNotTaken(integration)));
        }
        return Uni.join().all(claims).andFailFast()
                .chain(lists -> {
                    List<Uni<Void>> posts = new ArrayList<>();
                    int taken = 0;
                    for (List<TrackedStatus> list : lists) {
                        taken += list.size();
                        list.forEach(status -> posts.add(post(status)));
                    }
                    if (posts.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    Uni<Void> all = Uni.join().all(posts).andCollectFailures().replaceWithVoid();
                    // A full batch: more may be due. Run again when this pass ends rather than wait a poll interval.
                    return taken < batch ? all : all.eventually(passes::wake);
                })
                .onFailure(Error.class).invoke(error -> fatalErrors.handle("a status pass", (Error) error))
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf(failure, "A status pass failed; the statuses it took are taken again when their lease"
                            + " runs out");
                    return null;
                })
                .eventually(() -> {
                    passStarted.set(null);
                    lastPassEnded.set(clock.instant());
                });
    }

    private Uni<Void> post(TrackedStatus status) {
        Optional<Instant> waiting = gate.waitsUntil(status.integration());
        if (waiting.isPresent() && waiting.get().isAfter(clock.instant())) {
            // Another post of this pass found the integration away: do not add to it.
            return store.release(status, waiting.get()).replaceWithVoid();
        }
        return connector.post(status).chain(outcome -> record(status, outcome));
    }

    private Uni<Void> record(TrackedStatus status, PostOutcome outcome) {
        Instant now = clock.instant();
        if (outcome instanceof PostOutcome.Posted posted) {
            gate.opened(status.integration());
            meters.counter("bitbridge.reporter.statuses.posted", "state", status.wantedState()).increment();
            LOG.debugf("Posted %s as %s (%s)", status.describe(), status.wantedState(), posted.postedAs());
            return store.posted(status, posted.postedAs(), now).invoke(held -> lost(held, status)).replaceWithVoid();
        }
        if (outcome instanceof PostOutcome.Refused refused) {
            gate.opened(status.integration()); // Bitbucket answered: the way to it works
            return setAside(status, refused.reason(), refused.problem(), now);
        }
        return notNow(status, (PostOutcome.NotNow) outcome, now);
    }

    private Uni<Void> notNow(TrackedStatus status, PostOutcome.NotNow outcome, Instant now) {
        meters.counter("bitbridge.reporter.statuses.retried", "rate_limited", Boolean.toString(outcome.rateLimited()))
                .increment();
        if (status.failingSince() != null
                && status.failingSince().plus(config.retry().giveUpAfter()).isBefore(now)) {
            gate.failed(status.integration(), outcome.rateLimited(), outcome.retryAfter(), now);
            return setAside(status, "gave_up", "The status could not be posted for " + config.retry().giveUpAfter()
                    + " (bitbridge.reporter.retry.give-up-after); last: " + outcome.problem());
        }
        Instant until = gate.failed(status.integration(), outcome.rateLimited(), outcome.retryAfter(), now);
        LOG.warnf("Could not post %s now, trying again at %s: %s", status.describe(), until, outcome.problem());
        return store.failed(status, outcome.problem(), until, now).invoke(held -> lost(held, status))
                .replaceWithVoid();
    }

    private Uni<Void> setAside(TrackedStatus status, String reason, String problem) {
        return setAside(status, reason, problem, clock.instant());
    }

    private Uni<Void> setAside(TrackedStatus status, String reason, String problem, Instant now) {
        meters.counter("bitbridge.reporter.statuses.dead_lettered", "reason", reason).increment();
        LOG.errorf("The %s (state %s of build %s) is not posted and goes to the dead letters: %s", status.describe(),
                status.wantedState(), status.requestId(), problem);
        return deadLetters.publish(status.record(), status.integration(), reason, problem)
                .chain(() -> store.setAside(status, reason + ": " + problem, now))
                .invoke(held -> lost(held, status)).replaceWithVoid();
    }

    private static void lost(boolean held, TrackedStatus status) {
        if (!held) {
            LOG.infof("The lease on %s ran out before its outcome was recorded; another pass takes it again",
                    status.describe());
        }
    }
}
