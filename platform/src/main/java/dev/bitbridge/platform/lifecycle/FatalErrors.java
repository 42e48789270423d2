package dev.bitbridge.platform.lifecycle;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * What happens when the JVM throws an {@link Error} (out of memory, stack overflow, a class that cannot load) in a
 * thread of ours: the error is logged, liveness fails at once, and the process exits. A JVM that hit an {@code Error}
 * is in an unknown state; limping on (a reader thread silently gone, a producer that no longer sends, a consumer that
 * stopped) is how a service ends up failing every request or event forever while looking healthy. Kubernetes, or the
 * operator, starts a fresh one (ADR 7).
 * <p>
 * Code that catches failures hands an {@code Error} here instead of recovering from it; errors in threads that nobody
 * catches (the JVM's default uncaught-exception handler, installed at start) are routed here too. What is failing
 * shows in {@link #problem()}, which liveness reports ({@code health.FatalErrorCheck}, or a service's own check).
 * {@code -XX:+ExitOnOutOfMemoryError}, which every way we start a service sets, ends the JVM even earlier for the
 * commonest case.
 */
@ApplicationScoped
public class FatalErrors {

    /** Exit status after a fatal error (EX_SOFTWARE). */
    public static final int EXIT_STATUS = 70;
    private static final Logger LOG = Logger.getLogger(FatalErrors.class);

    private final ProcessExit exit;
    private final AtomicReference<String> fatal = new AtomicReference<>();
    private Thread.UncaughtExceptionHandler replaced;

    FatalErrors(ProcessExit exit) {
        this.exit = exit;
    }

    void installDefaultHandler(@Observes StartupEvent event) {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        replaced = previous;
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            if (failure instanceof Error error) {
                handle("thread " + thread.getName(), error);
            } else if (previous != null) {
                previous.uncaughtException(thread, failure);
            } else {
                LOG.errorf(failure, "Uncaught exception in thread %s", thread.getName());
            }
        });
    }

    void restoreDefaultHandler(@Observes ShutdownEvent event) {
        Thread.setDefaultUncaughtExceptionHandler(replaced);
    }

    /**
     * Records a fatal error, fails liveness and ends the process. Only the first error ends it; later ones are logged.
     *
     * @param where what was running, e.g. "reader of bitbridge.integrations.v1"; it is logged and reported by liveness,
     *        so it names no secret
     * @param error the error
     */
    public void handle(String where, Error error) {
        String description = where + ": " + error.getClass().getName();
        if (fatal.compareAndSet(null, description)) {
            LOG.fatalf(error, "Fatal error in %s; the process exits with status %d so that a fresh one takes over", where,
                    EXIT_STATUS);
            exit.exit(EXIT_STATUS);
        } else {
            LOG.errorf(error, "Another fatal error in %s while exiting", where);
        }
    }

    /** @return the first fatal error, for liveness; empty when there was none */
    public Optional<String> problem() {
        return Optional.ofNullable(fatal.get());
    }
}
