package dev.bitbridge.platform.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;

/**
 * Runs a pass over the database at most once at a time: asked while it runs, it runs once more when it ends. Asked
 * from anywhere ({@link #wake()}), the pass runs on a Vert.x context of its own, as Hibernate Reactive needs. It knows
 * when its pass last ended and since when one runs, so that a liveness check can tell a loop that stopped or hangs
 * ({@link #problem}).
 */
public final class SinglePass {

    private static final Logger LOG = Logger.getLogger(SinglePass.class);

    private final String name;
    private final Supplier<Uni<Void>> pass;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final Clock clock;
    private volatile Instant runningSince;
    private volatile Instant lastEnded;

    public SinglePass(String name, Supplier<Uni<Void>> pass, Vertx vertx) {
        this(name, pass, vertx, Clock.systemUTC());
    }

    SinglePass(String name, Supplier<Uni<Void>> pass, Vertx vertx, Clock clock) {
        this.name = name;
        this.pass = pass;
        this.vertx = vertx;
        this.clock = clock;
        this.lastEnded = clock.instant(); // a loop that never runs is silent from its start
    }

    /**
     * @param stuckAfter how long a pass may run: longer, it hangs (its calls time out well before)
     * @param silentAfter how long there may be no pass: longer, what runs the passes stopped
     * @return what is wrong with the loop, for a liveness check; empty when nothing is
     */
    public Optional<String> problem(Duration stuckAfter, Duration silentAfter) {
        Instant now = clock.instant();
        Instant since = runningSince;
        if (since != null && since.plus(stuckAfter).isBefore(now)) {
            return Optional.of("a " + name + " pass has run since " + since + " (longer than " + stuckAfter + ")");
        }
        Instant ended = lastEnded;
        if (since == null && ended.plus(silentAfter).isBefore(now)) {
            return Optional.of("no " + name + " pass since " + ended + " (longer than " + silentAfter + ")");
        }
        return Optional.empty();
    }

    /**
     * Runs {@code work} on a Vert.x context of its own: Hibernate Reactive keeps its session on the context, so
     * concurrent units of work must not share one.
     */
    public static <T> Uni<T> isolated(Vertx vertx, Supplier<Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored -> work.get().subscribe()
                .with(emitter::complete, emitter::fail)));
    }

    /** Runs the pass soon, on a new context; returns at once. */
    public void wake() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> run().subscribe().with(done -> {
        }, failure -> LOG.errorf(failure, "The %s pass failed", name)));
    }

    /** @return the pass, or nothing when one is running (which then runs again) */
    public Uni<Void> run() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().voidItem();
        }
        runningSince = clock.instant();
        return Uni.createFrom().deferred(() -> pass.get()).eventually(() -> {
            lastEnded = clock.instant();
            runningSince = null;
            running.set(false);
            if (again.getAndSet(false)) {
                wake();
            }
        });
    }
}
