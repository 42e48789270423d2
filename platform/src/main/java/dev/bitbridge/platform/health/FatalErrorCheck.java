package dev.bitbridge.platform.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import dev.bitbridge.platform.lifecycle.FatalErrors;

/**
 * Liveness and readiness fail from the moment a JVM {@link Error} reached {@link FatalErrors} (ADR 7): the process is
 * on its way out, and an orchestrator that sees it before the exit restarts it rather than sending it traffic. The data
 * {@code fatal-error} says where it happened and which error it was.
 * <p>
 * Every service depending on this library gets it. A service whose own checks already report
 * {@link FatalErrors#problem()} (the webhook ingress's {@code ingress-internals}) leaves it out with
 * {@code quarkus.arc.exclude-types}.
 */
@Liveness
@Readiness
@ApplicationScoped
public class FatalErrorCheck implements HealthCheck {

    /** The check's name in {@code /q/health}. */
    public static final String NAME = "fatal-errors";

    private final FatalErrors fatalErrors;

    FatalErrorCheck(FatalErrors fatalErrors) {
        this.fatalErrors = fatalErrors;
    }

    @Override
    public HealthCheckResponse call() {
        return fatalErrors.problem()
                .map(problem -> HealthCheckResponse.named(NAME).down().withData("fatal-error", problem).build())
                .orElseGet(() -> HealthCheckResponse.named(NAME).up().build());
    }
}
