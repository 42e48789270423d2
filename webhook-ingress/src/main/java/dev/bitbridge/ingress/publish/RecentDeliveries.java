package dev.bitbridge.ingress.publish;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.ingress.config.IngressConfig;

/**
 * Remembers which deliveries were published during the duplicate window, so a redelivered event id is published once.
 * <p>
 * The first delivery of an id claims it and publishes; deliveries of the same id that arrive meanwhile wait for that
 * outcome rather than publishing again. A failed publish releases the claim so Bitbucket's retry can succeed. The
 * publish runs to its end even if the caller stops waiting (client gone, or our answer timed out): if it then
 * succeeds, the id stays claimed and a retry is truthfully told it is a duplicate.
 * <p>
 * Deliveries published by other replicas, or by this one before a restart, are learnt from the topic by
 * {@link PublishedDeliveriesFollower}. Consumers still de-duplicate on the CloudEvents id (see ADR 0003).
 */
@ApplicationScoped
public class RecentDeliveries {

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final Cache<String, CompletableFuture<Void>> published;

    RecentDeliveries(IngressConfig config) {
        this.published = Caffeine.newBuilder()
                .expireAfterWrite(config.duplicateWindow())
                .maximumSize(config.duplicateCapacity())
                .build();
    }

    /**
     * @param key the delivery's {@link #identity(String, String)}
     * @param publish publishes the delivery; called at most once per key while an earlier publish is pending or done
     * @return {@code false} when this call published, {@code true} when the key was already published; fails when
     *         the publish (this one or the earlier one waited for) failed
     */
    public Uni<Boolean> publishOnce(String key, Supplier<Uni<Void>> publish) {
        CompletableFuture<Void> claim = new CompletableFuture<>();
        CompletableFuture<Void> earlier = published.asMap().putIfAbsent(key, claim);
        // Waiters get copies: a caller that stops waiting must not cancel the shared outcome.
        if (earlier != null) {
            return Uni.createFrom().completionStage(earlier.copy()).replaceWith(Boolean.TRUE);
        }
        publish.get().subscribe().with(
                done -> claim.complete(null),
                failure -> {
                    published.asMap().remove(key, claim);
                    claim.completeExceptionally(failure);
                });
        return Uni.createFrom().completionStage(claim.copy()).replaceWith(Boolean.FALSE);
    }

    /** Records that a delivery is on the topic already (published elsewhere or earlier); keeps any claim in progress. */
    public void published(String key) {
        published.asMap().putIfAbsent(key, DONE);
    }

    /** @return the key of a delivery: its integration and its event id */
    public static String identity(String integration, String eventId) {
        return integration + "/" + eventId;
    }
}
