package dev.bitbridge.ingress.lifecycle;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The clock that decides when a rotation's grace period ends and dates refusal reports. Injected rather than read
 * statically so that tests can move time; any other {@link Clock} bean replaces this one.
 */
@Singleton
public class SystemClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
