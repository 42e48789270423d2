package dev.bitbridge.ingress.publish;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.ingress.config.IngressConfig;
import dev.bitbridge.ingress.metrics.IngressMetrics;

/**
 * Remembers which deliveries were published during the duplicate window, so a redelivered event id is published once.
 * <p>
 * The first delivery of an id claims it and publishes; deliveries of the same id that arrive meanwhile wait for that
 * outcome rather than publishing again. A failed publish releases the claim so Bitbucket's retry can succeed. The
 * publish runs to its end even if the caller stops waiting (client gone, or our answer timed out): if it then
 * succeeds, the id stays claimed and a retry is truthfully told it is a duplicate.
 * <p>
 * It is a window, not a cache: an id is forgotten when its first delivery is older than the window — by the record's
 * timestamp for ids learnt from the topic — and, when more than the capacity are remembered, the oldest go first. An
 * id whose publish is still in flight is never forgotten. Deliveries published by other replicas, or by this one
 * before a restart, are learnt from the topic by {@link PublishedDeliveriesFollower}. Consumers still de-duplicate on
 * the CloudEvents id (see ADR 0003).
 */
@ApplicationScoped
public class RecentDeliveries {

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final long windowMillis;
    private final int capacity;
    private final LongSupplier clock;
    private final Runnable onEvicted;
    private final Map<String, Entry> entries = new HashMap<>();
    /** Settled entries, oldest first; in-flight claims are not in it, so they are never evicted. */
    private final PriorityQueue<Entry> settled = new PriorityQueue<>();
    private long sequence;

    @Inject
    RecentDeliveries(IngressConfig config, IngressMetrics metrics) {
        this(config.duplicateWindow().toMillis(), config.duplicateCapacity(), System::currentTimeMillis,
                metrics::duplicateIdEvicted);
        metrics.rememberedIds(this::size);
    }

    /**
     * @param windowMillis how long an id is remembered after its first delivery
     * @param capacity most ids remembered at once (in-flight claims may exceed it)
     * @param clock the current time in epoch milliseconds
     * @param onEvicted told whenever an id is forgotten before its window ended, for lack of room
     */
    RecentDeliveries(long windowMillis, int capacity, LongSupplier clock, Runnable onEvicted) {
        this.windowMillis = windowMillis;
        this.capacity = capacity;
        this.clock = clock;
        this.onEvicted = onEvicted;
    }

    /**
     * @param key the delivery's {@link #identity(String, String)}
     * @param publish publishes the delivery; called at most once per key while an earlier publish is pending or done
     * @return {@code false} when this call published, {@code true} when the key was already published; fails when
     *         the publish (this one or the earlier one waited for) failed
     */
    public Uni<Boolean> publishOnce(String key, Supplier<Uni<Void>> publish) {
        Entry claim;
        Entry earlier;
        synchronized (this) {
            long now = clock.getAsLong();
            expire(now);
            earlier = entries.get(key);
            claim = earlier == null ? new Entry(key, now, sequence++, new CompletableFuture<>()) : null;
            if (claim != null) {
                entries.put(key, claim);
            }
        }
        // Waiters get copies: a caller that stops waiting must not cancel the shared outcome.
        if (earlier != null) {
            return Uni.createFrom().completionStage(earlier.outcome.copy()).replaceWith(Boolean.TRUE);
        }
        try {
            publish.get().subscribe().with(done -> settle(claim), failure -> release(claim, failure));
        } catch (RuntimeException e) {
            release(claim, e);
        }
        return Uni.createFrom().completionStage(claim.outcome.copy()).replaceWith(Boolean.FALSE);
    }

    /**
     * Records that a delivery is on the topic already (published by another replica, or before a restart). Its window
     * runs from the record's timestamp; an id already outside the window is ignored, and a claim in progress is kept.
     *
     * @param key the delivery's {@link #identity(String, String)}
     * @param publishedAt the record's timestamp, epoch milliseconds
     */
    public synchronized void published(String key, long publishedAt) {
        long now = clock.getAsLong();
        if (publishedAt + windowMillis <= now) {
            return;
        }
        expire(now);
        if (!entries.containsKey(key)) {
            Entry entry = new Entry(key, publishedAt, sequence++, DONE);
            entries.put(key, entry);
            remember(entry);
        }
    }

    /** @return whether a delivery is remembered now (published, or being published) */
    public synchronized boolean remembers(String key) {
        expire(clock.getAsLong());
        return entries.containsKey(key);
    }

    /** @return how many ids are remembered, including claims in flight */
    public synchronized int size() {
        return entries.size();
    }

    /** @return the key of a delivery: its integration and its event id */
    public static String identity(String integration, String eventId) {
        return integration + "/" + eventId;
    }

    private void settle(Entry claim) {
        synchronized (this) {
            remember(claim);
        }
        claim.outcome.complete(null);
    }

    private void release(Entry claim, Throwable failure) {
        synchronized (this) {
            entries.remove(claim.key, claim);
        }
        claim.outcome.completeExceptionally(failure);
    }

    private void remember(Entry entry) {
        settled.add(entry);
        while (entries.size() > capacity && !settled.isEmpty()) {
            Entry oldest = settled.poll();
            entries.remove(oldest.key, oldest);
            onEvicted.run();
        }
    }

    private void expire(long now) {
        while (!settled.isEmpty() && settled.peek().firstSeen + windowMillis <= now) {
            Entry old = settled.poll();
            entries.remove(old.key, old);
        }
    }

    /** One remembered delivery; ordered by when it was first seen, then by arrival. */
    private record Entry(String key, long firstSeen, long order, CompletableFuture<Void> outcome)
            implements
                Comparable<Entry> {

        @Override
        public int compareTo(Entry other) {
            int byTime = Long.compare(firstSeen, other.firstSeen);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
