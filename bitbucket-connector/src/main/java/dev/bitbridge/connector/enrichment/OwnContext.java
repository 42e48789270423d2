package dev.bitbridge.connector.enrichment;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs work on a fresh duplicated Vert.x context, as Quarkus runs an HTTP request, so that what one event's work keeps
 * on its context never leaks into another's. Kafka records arrive on a context that is not one.
 */
@ApplicationScoped
public class OwnContext {

    private final Vertx vertx;

    OwnContext(Vertx vertx) {
        this.vertx = vertx;
    }

    public <T> Uni<T> run(Supplier<Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().<T> emitter(emitter -> context.runOnContext(ignored -> {
            try {
                work.get().subscribe().with(emitter::complete, emitter::fail);
            } catch (RuntimeException | Error e) {
                emitter.fail(e); // an Error too: it must reach the caller, not vanish on the event loop
            }
        }));
    }
}
