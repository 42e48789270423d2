package dev.bitbridge.platform.lifecycle;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Quarkus;

/**
 * Asks Quarkus to stop (in-flight requests are answered, producers flush), and halts the JVM if that has not
 * finished within the shutdown timeout plus a margin: a JVM that hit an {@link Error} may be unable to stop cleanly.
 */
@ApplicationScoped
public class QuarkusProcessExit implements ProcessExit {

    private final Duration shutdownTimeout;

    QuarkusProcessExit(@ConfigProperty(name = "quarkus.shutdown.timeout", defaultValue = "PT15S") Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    @Override
    public void exit(int status) {
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(shutdownTimeout.plusSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(status);
        }, "fatal-error-halt");
        halt.setDaemon(true);
        halt.start();
        Quarkus.asyncExit(status);
    }
}
