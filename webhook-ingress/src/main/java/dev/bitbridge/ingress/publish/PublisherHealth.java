package dev.bitbridge.ingress.publish;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;

import dev.bitbridge.ingress.config.IngressConfig;

/**
 * Tells liveness whether the path to Kafka still works, whatever Kafka itself is doing.
 * <p>
 * A Kafka producer completes every send — acknowledged or failed — within {@code max.block.ms} plus
 * {@code delivery.timeout.ms} (under a second of {@code publish-timeout}), even while the broker is unreachable. A publish
 * still pending after the stall timeout therefore means the path itself is broken (a dead I/O thread, a stuck sink),
 * and a restart is the cure; an unreachable broker only fails readiness. The producer's I/O thread is also checked
 * directly, so a broken producer is noticed without waiting for traffic.
 */
@ApplicationScoped
public class PublisherHealth {

    private static final String IO_THREAD_PREFIX = "kafka-producer-network-thread | ";

    private final KafkaClientService clients;
    private final RawWebhookPublisher publisher;
    private final Duration stallTimeout;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long lastProgress = System.nanoTime();
    private volatile Thread ioThread;

    PublisherHealth(KafkaClientService clients, RawWebhookPublisher publisher, IngressConfig config) {
        this.clients = clients;
        this.publisher = publisher;
        this.stallTimeout = config.stallTimeout();
    }

    /** A publish was handed to the producer. */
    void started() {
        if (inFlight.getAndIncrement() == 0) {
            lastProgress = System.nanoTime();
        }
    }

    /** A publish completed, either way. */
    void finished() {
        lastProgress = System.nanoTime();
        inFlight.decrementAndGet();
    }

    /** @return why the publishing path is broken, for liveness; empty when it works */
    public Optional<String> problem() {
        if (publisher.terminated()) {
            return Optional.of("the emitter of " + RawWebhookPublisher.CHANNEL + " was cancelled; nothing can be published");
        }
        long idle = System.nanoTime() - lastProgress;
        int pending = inFlight.get();
        if (pending > 0 && idle > stallTimeout.toNanos()) {
            return Optional.of(pending + " publish(es) pending with none completed for " + Duration.ofNanos(idle).toSeconds()
                    + " s, although the producer must finish each within its delivery timeout");
        }
        Thread io = ioThread();
        if (io == null || !io.isAlive()) {
            return Optional.of("the Kafka producer's I/O thread is not running");
        }
        return Optional.empty();
    }

    private Thread ioThread() {
        Thread known = ioThread;
        if (known != null && known.isAlive()) {
            return known;
        }
        KafkaProducer<?, ?> producer = clients.getProducer(RawWebhookPublisher.CHANNEL);
        if (producer == null) {
            return null;
        }
        String name = IO_THREAD_PREFIX + producer.configuration().get("client.id");
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() * 2 + 16];
        int count = root.enumerate(threads, true);
        ioThread = Arrays.stream(threads, 0, count).filter(t -> name.equals(t.getName())).findFirst().orElse(null);
        return ioThread;
    }
}
