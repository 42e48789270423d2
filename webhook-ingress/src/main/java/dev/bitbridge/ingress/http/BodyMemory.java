package dev.bitbridge.ingress.http;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.bitbridge.ingress.config.IngressConfig;
import dev.bitbridge.ingress.metrics.IngressMetrics;

/**
 * The memory all request bodies together may hold ({@code bitbridge.ingress.body-memory}). A delivery reserves what
 * its body needs before the bytes are kept and gives it back when its answer is sent; a reservation that does not fit
 * is refused, and the delivery answered 503, so no number of concurrent requests can exhaust the heap.
 */
@ApplicationScoped
public class BodyMemory {

    private final long capacity;
    private final AtomicLong used = new AtomicLong();

    @Inject
    BodyMemory(IngressConfig config, IngressMetrics metrics) {
        this(config.bodyMemory().asLongValue());
        metrics.bodyMemory(used::get);
    }

    BodyMemory(long capacity) {
        this.capacity = capacity;
    }

    /** @return whether {@code bytes} could be reserved; when not, nothing was */
    boolean tryReserve(long bytes) {
        long current;
        do {
            current = used.get();
            if (current + bytes > capacity) {
                return false;
            }
        } while (!used.compareAndSet(current, current + bytes));
        return true;
    }

    /** Gives back what {@link #tryReserve(long)} reserved. */
    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    /** @return bytes reserved now */
    long used() {
        return used.get();
    }

    /** @return the most that may be reserved */
    long capacity() {
        return capacity;
    }
}
